package org.xcs.muc.owner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.xcs.common.concurrent.KeyedSerialExecutor;
import org.xcs.common.disco.DiscoRegistry;
import org.xcs.common.router.StanzaRouter;
import org.xcs.common.testing.RecordingSender;
import org.xcs.common.testing.TestStanzas;
import org.xcs.muc.MucContext;
import org.xcs.muc.room.Affiliation;
import org.xcs.muc.room.Occupant;
import org.xcs.muc.room.Role;
import org.xcs.muc.room.Room;
import org.xcs.muc.room.RoomConfig;
import org.xcs.muc.service.CreationPolicy;
import org.xcs.muc.service.MucSettings;
import org.xcs.muc.service.Rooms;
import org.xcs.muc.store.InMemoryRoomStore;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Packet;
import org.xmpp.packet.Presence;

/**
 * The owner area installed alone on a real router, with rooms set up directly (entering a room is the occupancy
 * area's code): send an IQ, get everything the component sent in answer, in order.
 */
final class OwnerFixture implements AutoCloseable {
    static final JID SERVICE = new JID("muc.example.test");
    static final JID SERVICE_ADMIN = new JID("root@example.test");
    static final int MAX_HISTORY = 50;

    final RecordingSender sender = new RecordingSender();
    final InMemoryRoomStore store = new InMemoryRoomStore();
    final Rooms rooms = new Rooms(store);
    private final KeyedSerialExecutor executor = new KeyedSerialExecutor("owner-test", 2, 100, 1000);
    private final StanzaRouter router = new StanzaRouter(sender, executor);
    private final AtomicInteger ids = new AtomicInteger();
    private int seen;

    OwnerFixture() {
        MucSettings settings = new MucSettings(CreationPolicy.ANYONE, Set.of("example.test"), Set.of(SERVICE_ADMIN),
                MAX_HISTORY, 64 * 1024);
        MucContext context = new MucContext(SERVICE, router, new DiscoRegistry(SERVICE), rooms, settings, sender,
                Clock.fixed(Instant.parse("2026-11-25T13:00:00Z"), ZoneOffset.UTC),
                () -> "n" + ids.incrementAndGet());
        Ownership.install(context);
    }

    /** An existing room {@code node@muc.example.test} owned by {@code owner} (a bare JID). */
    Room room(String node, String owner, boolean locked) {
        Room room = new Room(new JID(node + "@" + SERVICE), new RoomConfig(), Instant.EPOCH);
        room.locked(locked);
        room.affiliation(new JID(owner), Affiliation.OWNER, null);
        rooms.add(room);
        return room;
    }

    /** Puts a session in the room as occupancy would after entry: role from affiliation, a presence kept. */
    Occupant enter(Room room, String nick, String fullJid) {
        JID full = new JID(fullJid);
        Occupant occupant = room.addSession(nick, full, room.defaultRole(room.affiliation(full)));
        occupant.presence(full, new Presence());
        return occupant;
    }

    /** Delivers {@code xml} and returns what was sent because of it, in order (the IQ reply last). */
    List<Packet> send(String xml) {
        router.handle(TestStanzas.parse(xml));
        assertTrue(router.awaitIdle(Duration.ofSeconds(5)), "router did not come to rest");
        List<Packet> all = sender.all();
        List<Packet> fresh = new ArrayList<>(all.subList(seen, all.size()));
        seen = all.size();
        return fresh;
    }

    /** Delivers an IQ that must be answered with nothing else sent; returns the answer. */
    IQ ask(String xml) {
        List<Packet> out = send(xml);
        assertEquals(1, out.size(), "expected only the IQ reply, got " + out);
        return (IQ) out.get(0);
    }

    @Override
    public void close() {
        executor.drain(Duration.ofSeconds(5));
    }
}
