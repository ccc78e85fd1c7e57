package org.xcs.muc.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.dom4j.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xcs.common.disco.Identity;
import org.xcs.common.launch.ComponentContext;
import org.xcs.common.launch.ServiceCore;
import org.xcs.common.store.FileStore;
import org.xcs.common.store.Store;
import org.xcs.common.testing.RecordingSender;
import org.xcs.common.testing.TestStanzas;
import org.xcs.muc.MucContext;
import org.xcs.muc.MucModule;
import org.xcs.muc.discovery.Discovery;
import org.xcs.muc.occupancy.Occupancy;
import org.xcs.muc.room.Affiliation;
import org.xcs.muc.room.Room;
import org.xcs.muc.room.RoomConfig;
import org.xcs.muc.store.StoreRoomStore;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Packet;
import org.xmpp.packet.PacketError;
import org.xmpp.packet.Presence;

/**
 * A restarted service over a data dir of stored rooms answers as if every room had been loaded at start, although
 * they are loaded on demand and in the background.
 */
class StoredRoomsAtStartTest {
    static final JID SERVICE = new JID("muc.example.test");
    static final JID COVEN = new JID("coven@muc.example.test");
    static final JID CRONE = new JID("crone1@example.test");
    static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dataDir;
    final RecordingSender sender = new RecordingSender();
    final List<Runnable> heldLoader = new ArrayList<>();
    Store store;
    ServiceCore core;
    Rooms rooms;

    @AfterEach
    void stop() {
        if (core != null) {
            core.drain(WAIT);
        }
        store.close();
    }

    /** Stores rooms as a previous run left them, then "restarts": a fresh store and StoreRoomStore over the dir. */
    void previousRun(RoomConfig covenConfig, int extraRooms) {
        Store first = FileStore.open(dataDir, "muc", 1);
        StoreRoomStore stored = new StoreRoomStore(first);
        covenConfig.persistentRoom = true;
        Room coven = new Room(COVEN, covenConfig, Instant.EPOCH);
        coven.affiliation(CRONE, Affiliation.OWNER, null);
        stored.save(coven);
        first.inTransaction(() -> {
            for (int i = 0; i < extraRooms; i++) {
                RoomConfig config = new RoomConfig();
                config.persistentRoom = true;
                config.publicRoom = i % 4 != 0;
                config.name = "Room " + i;
                stored.save(new Room(new JID("room" + i + "@muc.example.test"), config, Instant.EPOCH));
            }
        });
        first.close();
        store = FileStore.open(dataDir, "muc", 1);
    }

    /** The service with the background load held back: every room it serves is loaded on demand. */
    void startWithLoaderHeld() {
        ComponentContext component = new ComponentContext(SERVICE, sender, store, Clock.systemUTC(), "1.2.3");
        core = new ServiceCore(component, "xcs-muc", new Identity("conference", "text", "Chatrooms"));
        rooms = new Rooms(new StoreRoomStore(store), heldLoader::add);
        AtomicInteger ids = new AtomicInteger();
        MucContext muc = new MucContext(SERVICE, core.router(), core.disco(), rooms,
                new MucSettings(CreationPolicy.ANYONE, Set.of("example.test"), Set.of(), 100, 65536), sender,
                Clock.systemUTC(), () -> "id" + ids.incrementAndGet());
        Occupancy.install(muc);
        Discovery.install(muc);
    }

    Packet send(String xml) {
        core.handle(TestStanzas.parse(xml));
        return sender.next(WAIT);
    }

    static List<String> statusCodes(Packet presence) {
        Element x = presence.getElement().element("x");
        List<String> codes = new ArrayList<>();
        if (x != null) {
            for (Element status : x.elements("status")) {
                codes.add(status.attributeValue("code"));
            }
        }
        return codes;
    }

    @Test
    void enteringAStoredRoomNotLoadedYetJoinsItRatherThanCreatingAnother() {
        RoomConfig config = new RoomConfig();
        config.name = "A Dark Cave";
        previousRun(config, 0);
        startWithLoaderHeld();

        Packet self = send("<presence from='hag66@example.test/pda' to='coven@muc.example.test/thirdwitch'>"
                + "<x xmlns='http://jabber.org/protocol/muc'/></presence>");

        assertTrue(self instanceof Presence && ((Presence) self).getType() == null, self.toXML());
        List<String> codes = statusCodes(self);
        assertTrue(codes.contains("110"), self.toXML());
        assertFalse(codes.contains("201"), "XEP-0045 §10.1.1: 201 only for a new room: " + self.toXML());
        Room room = rooms.get(COVEN).orElseThrow();
        assertFalse(room.isLocked());
        assertEquals(Affiliation.NONE, room.affiliation(new JID("hag66@example.test")));
        assertEquals(Affiliation.OWNER, new StoreRoomStore(store).load(COVEN).orElseThrow().affiliation(CRONE),
                "the stored room is neither replaced nor overwritten");
        assertEquals("A Dark Cave", new StoreRoomStore(store).load(COVEN).orElseThrow().config().name);
        assertEquals(1, heldLoader.size(), "the background load has not run");
    }

    @Test
    void aStoredMembersOnlyRoomNotLoadedYetRefusesANonMemberAsALoadedOneDoes() {
        RoomConfig config = new RoomConfig();
        config.membersOnly = true;
        previousRun(config, 0);
        startWithLoaderHeld();

        Packet refusal = send("<presence from='hag66@example.test/pda' to='coven@muc.example.test/thirdwitch'>"
                + "<x xmlns='http://jabber.org/protocol/muc'/></presence>");

        assertNotNull(refusal.getError(), refusal.toXML());
        assertEquals(PacketError.Condition.registration_required, refusal.getError().getCondition());
        assertTrue(rooms.get(COVEN).orElseThrow().isEmpty());
    }

    @Test
    void serviceDiscoItemsListEveryStoredPublicRoomAfterStart() {
        previousRun(new RoomConfig(), 1_100);
        MucModule module = new MucModule();
        core = (ServiceCore) module.create(new ComponentContext(SERVICE, sender, store, Clock.systemUTC(), "1.2.3"));

        IQ reply = (IQ) send("<iq type='get' id='d1' from='hag66@example.test/pda' to='muc.example.test'>"
                + "<query xmlns='http://jabber.org/protocol/disco#items'/></iq>");

        assertEquals(IQ.Type.result, reply.getType(), reply.toXML());
        List<Element> items = reply.getChildElement().elements("item");
        Set<String> listed = new java.util.HashSet<>();
        items.forEach(item -> listed.add(item.attributeValue("jid")));
        Set<String> expected = new java.util.HashSet<>(Set.of(COVEN.toBareJID()));
        for (int i = 0; i < 1_100; i++) {
            if (i % 4 != 0) {
                expected.add("room" + i + "@muc.example.test");
            }
        }
        assertEquals(expected, listed, "every public stored room, no hidden one");
        assertEquals(expected.size(), items.size());
    }
}
