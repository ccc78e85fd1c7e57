package org.xcs.muc.occupancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.xcs.common.testing.TestStanzas;
import org.xcs.common.testing.XmlAssert;
import org.xcs.muc.MucContext;
import org.xcs.muc.room.Room;
import org.xcs.muc.room.RoomConfig;
import org.xcs.muc.service.CreationPolicy;
import org.xcs.muc.service.MucSettings;
import org.xcs.muc.service.Rooms;
import org.xcs.muc.store.InMemoryRoomStore;
import org.xmpp.packet.JID;
import org.xmpp.packet.Packet;

/**
 * Drives the occupancy presence handler directly (it runs synchronously on the caller's thread) with rooms built
 * from state, so each use case can start from the room it needs without the owner or admin areas.
 */
final class OccupancyFixture {
    static final JID SERVICE = new JID("muc.example.test");
    static final Instant NOW = Instant.parse("2026-11-25T13:00:00Z");

    final InMemoryRoomStore store = new InMemoryRoomStore();
    final Rooms rooms = new Rooms(store);
    final List<Packet> sent = new ArrayList<>();
    private int taken;
    final RoomPresenceHandler handler;

    OccupancyFixture() {
        this(new MucSettings(CreationPolicy.ANYONE, Set.of("example.test"), Set.of(), 100, 64 * 1024));
    }

    OccupancyFixture(MucSettings settings) {
        AtomicInteger ids = new AtomicInteger();
        MucContext context = new MucContext(SERVICE, null, null, rooms, settings, p -> sent.add(p.createCopy()),
                Clock.fixed(NOW, ZoneOffset.UTC), () -> "id" + ids.incrementAndGet());
        handler = new RoomPresenceHandler(context);
        replay = new EntryReplay(p -> { }, Clock.fixed(NOW, ZoneOffset.UTC), () -> "unused");
    }

    private final EntryReplay replay;

    /** The replay the handler uses, to measure stanzas as they are sent (maxchars). */
    EntryReplay handlerReplay() {
        return replay;
    }

    /** An unlocked room as the owner area leaves it after configuration. */
    Room room(String node, RoomConfig config) {
        Room room = new Room(new JID(node, SERVICE.getDomain(), null), config, NOW.minusSeconds(3600));
        rooms.add(room);
        return room;
    }

    Room room(String node) {
        return room(node, new RoomConfig());
    }

    void send(String presenceXml) {
        handler.handle(TestStanzas.presence(presenceXml));
    }

    /**
     * Sends a presence whose addresses Tinder has not prepared. Tinder's {@code Packet(Element)} applies stringprep
     * to them (and throws on an invalid JID), so a transport hands over prepared addresses; this shows what the
     * handler does when one is not, e.g. from a transport that skips validation.
     */
    void sendUnprepared(String presenceXml) {
        handler.handle(new org.xmpp.packet.Presence(TestStanzas.element(presenceXml), true));
    }

    /** Sends a plain MUC join and forgets what it caused. */
    void enter(String from, String occupantJid) {
        send("<presence from='" + from + "' to='" + occupantJid + "'><x xmlns='http://jabber.org/protocol/muc'/></presence>");
        skipAll();
    }

    Packet next() {
        if (taken >= sent.size()) {
            fail("nothing more was sent");
        }
        return sent.get(taken++);
    }

    /** The next stanzas, in order, each matching its expected XML (XmlAssert rules). */
    void expect(String... expectedXml) {
        for (String xml : expectedXml) {
            XmlAssert.assertXmlMatches(xml, next());
        }
    }

    /** The next {@code expectedXml.length} stanzas match the expected ones in some order (different recipients). */
    void expectAnyOrder(String... expectedXml) {
        List<Packet> batch = new ArrayList<>();
        for (int i = 0; i < expectedXml.length; i++) {
            batch.add(next());
        }
        for (String xml : expectedXml) {
            Packet match = batch.stream().filter(p -> XmlAssert.mismatch(TestStanzas.element(xml), p.getElement(),
                    new java.util.HashMap<>()).isEmpty()).findFirst().orElse(null);
            if (match == null) {
                fail("no stanza matches " + xml + "\namong " + batch.stream().map(Packet::toXML).toList());
            }
            batch.remove(match);
        }
    }

    /** What was sent to {@code to} from here on, in order, leaving the rest untaken. */
    List<Packet> to(String to) {
        return sent.subList(taken, sent.size()).stream().filter(p -> p.getTo().toString().equals(to)).toList();
    }

    void skipAll() {
        taken = sent.size();
    }

    void expectNothingMore() {
        assertEquals(taken, sent.size(), () -> "unexpected stanzas: "
                + sent.subList(taken, sent.size()).stream().map(Packet::toXML).toList());
    }

    /** The next stanza is the error presence of XEP-0045's examples with this condition and type. */
    void expectRefusal(String from, String to, String condition, String type) {
        XmlAssert.assertXmlMatches("<presence type='error' from='" + from + "' to='" + to + "' id='{any}'>"
                + "<x xmlns='http://jabber.org/protocol/muc'/>"
                + "<error by='" + from.split("/")[0] + "' type='" + type + "'><" + condition
                + " xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></presence>", next());
    }
}
