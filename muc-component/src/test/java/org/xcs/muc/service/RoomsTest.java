package org.xcs.muc.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xcs.common.store.FileStore;
import org.xcs.common.store.Store;
import org.xcs.muc.room.HistoryEntry;
import org.xcs.muc.room.Room;
import org.xcs.muc.room.RoomConfig;
import org.xcs.muc.store.RoomStore;
import org.xcs.muc.store.StoreRoomStore;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;

/**
 * Rooms over a real FileStore, with the background loader stepped by hand: what a stanza sees before, during and
 * after the load of stored rooms.
 */
class RoomsTest {
    static final JID COVEN = new JID("coven@muc.example.test");
    static final JID HEATH = new JID("heath@muc.example.test");
    static final Instant T0 = Instant.parse("2026-11-25T13:00:00Z");

    @TempDir
    Path dataDir;
    Store store;
    StoreRoomStore roomStore;
    /** The loader's work, held until the test runs it. */
    final List<Runnable> loader = new ArrayList<>();

    @BeforeEach
    void open() {
        store = FileStore.open(dataDir, "muc", 1);
        roomStore = new StoreRoomStore(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    static Room persistent(JID jid, String name) {
        RoomConfig config = new RoomConfig();
        config.persistentRoom = true;
        config.name = name;
        return new Room(jid, config, T0);
    }

    /** Stores {@code count} rooms room0000.. in one transaction; every third one hidden. */
    void storeRooms(int count) {
        store.inTransaction(() -> {
            for (int i = 0; i < count; i++) {
                Room room = persistent(new JID(String.format("room%04d@muc.example.test", i)), "Room " + i);
                room.config().publicRoom = i % 3 != 0;
                roomStore.save(room);
            }
        });
    }

    void runLoader() {
        assertEquals(1, loader.size(), "the loader is started once");
        loader.remove(0).run();
    }

    static Set<String> jids(List<Rooms.Listing> listings) {
        return listings.stream().map(l -> l.jid().toBareJID()).collect(Collectors.toSet());
    }

    static Rooms.Listing listingOf(Rooms rooms, JID jid) {
        List<Rooms.Listing> found = rooms.listings().stream().filter(l -> l.jid().equals(jid)).toList();
        assertEquals(1, found.size(), "listed once: " + found);
        return found.get(0);
    }

    @Test
    void aStoredRoomIsServedWithItsHistoryBeforeTheBackgroundLoadHasRun() {
        Room stored = persistent(COVEN, "A Dark Cave");
        roomStore.save(stored);
        Message m = new Message();
        m.setBody("hail");
        HistoryEntry entry = new HistoryEntry(m, T0, new JID("hag66@example.test/pda"), 4);
        stored.history().add(entry);
        roomStore.appendHistory(stored, entry);

        Rooms rooms = new Rooms(roomStore, loader::add);

        Room loaded = rooms.get(new JID("coven@muc.example.test/firstwitch")).orElseThrow();
        assertEquals("A Dark Cave", loaded.config().name);
        assertEquals(List.of("hail"), loaded.history().entries().stream().map(e -> e.message().getBody()).toList());
        assertSame(loaded, rooms.get(COVEN).orElseThrow(), "loaded once, then the same room object");
        assertTrue(rooms.get(HEATH).isEmpty(), "a room that is not stored is not invented");
    }

    @Test
    void theBackgroundLoadBringsInEveryStoredRoomPageByPageAndKeepsOnDemandOnes() {
        storeRooms(1_201);
        Rooms rooms = new Rooms(roomStore, loader::add);
        Room early = rooms.get(new JID("room0700@muc.example.test")).orElseThrow();

        runLoader();

        early.config().name = "Changed since loaded";
        List<Rooms.Listing> all = rooms.listings();
        assertEquals(1_201, all.size());
        assertEquals(1_201, jids(all).size());
        assertEquals("Changed since loaded", listingOf(rooms, early.jid()).configuredName(), "the live room wins");
        assertFalse(listingOf(rooms, new JID("room0000@muc.example.test")).publicRoom());
        assertTrue(listingOf(rooms, new JID("room0001@muc.example.test")).publicRoom());
        assertEquals("Room 1", listingOf(rooms, new JID("room0001@muc.example.test")).configuredName());
        assertSame(early, rooms.get(early.jid()).orElseThrow());
        Room later = rooms.get(new JID("room1200@muc.example.test")).orElseThrow();
        assertEquals("Room 1200", later.config().name, "a listed room is loaded in full on demand");
        assertTrue(rooms.get(new JID("room1201@muc.example.test")).isEmpty());
    }

    @Test
    void allWaitsForTheLoaderRunningOnItsOwnThread() {
        storeRooms(1_201);
        Rooms rooms = new Rooms(roomStore);
        assertEquals(1_201, rooms.listings().size());
    }

    @Test
    void aRoomChangedAfterItsOnDemandLoadKeepsItsChangesWhenTheLoaderBringsAnOlderCopy() {
        storeRooms(3);
        JID jid = new JID("room0001@muc.example.test");
        HookedStore hooked = new HookedStore(roomStore);
        Rooms rooms = new Rooms(hooked, loader::add);
        hooked.afterPageRead = page -> {
            // The loader holds the stored copy; meanwhile a stanza loads the room and renames it.
            Room live = rooms.get(jid).orElseThrow();
            live.config().name = "Renamed";
            rooms.changed(live);
        };

        runLoader();

        assertTrue(hooked.pages > 0);
        Room room = rooms.get(jid).orElseThrow();
        assertEquals("Renamed", room.config().name);
        assertEquals("Renamed", listingOf(rooms, jid).configuredName());
        assertEquals("Renamed", roomStore.load(jid).orElseThrow().config().name);
    }

    @Test
    void aRoomDestroyedWhileTheLoaderHoldsItsCopyStaysDestroyed() {
        storeRooms(3);
        JID jid = new JID("room0001@muc.example.test");
        HookedStore hooked = new HookedStore(roomStore);
        Rooms rooms = new Rooms(hooked, loader::add);
        hooked.afterPageRead = page -> {
            assertTrue(page.stream().anyMatch(r -> r.jid().equals(jid)), "the loader holds a copy of the room");
            rooms.remove(rooms.get(jid).orElseThrow()); // XEP-0045 §10.9 destroy, on the room's queue
        };

        runLoader();

        assertTrue(rooms.get(jid).isEmpty());
        assertFalse(jids(rooms.listings()).contains(jid.toBareJID()));
        assertEquals(2, rooms.listings().size());
        assertTrue(roomStore.load(jid).isEmpty());
    }

    @Test
    void aRoomDestroyedBeforeTheLoaderReachesItIsNotFoundByIt() {
        storeRooms(3);
        JID jid = new JID("room0002@muc.example.test");
        Rooms rooms = new Rooms(roomStore, loader::add);
        rooms.remove(rooms.get(jid).orElseThrow());

        runLoader();

        assertTrue(rooms.get(jid).isEmpty());
        assertEquals(Set.of("room0000@muc.example.test", "room0001@muc.example.test"), jids(rooms.listings()));
    }

    @Test
    void aRoomDestroyedAfterTheLoadIsNeitherListedNorReloadedAndANewOneIsListedLive() {
        storeRooms(3);
        JID jid = new JID("room0001@muc.example.test");
        Rooms rooms = new Rooms(roomStore, loader::add);
        runLoader();

        rooms.remove(rooms.get(jid).orElseThrow());
        Room created = new Room(HEATH, new RoomConfig(), T0);
        created.locked(true); // XEP-0045 §10.1.1: a new room is locked until configured
        rooms.add(created);

        assertTrue(rooms.get(jid).isEmpty());
        assertEquals(Set.of("room0000@muc.example.test", "room0002@muc.example.test", HEATH.toBareJID()),
                jids(rooms.listings()));
        assertTrue(listingOf(rooms, HEATH).locked());
    }

    @Test
    void aRemovedRoomIsNotReloadedFromAStoredCopyEvenIfItsPersistenceWasTurnedOffUnsaved() {
        Rooms rooms = new Rooms(roomStore, loader::add);
        Room room = persistent(HEATH, "Heath");
        rooms.add(room);
        rooms.changed(room);
        room.config().persistentRoom = false;

        rooms.remove(room);
        runLoader();

        assertTrue(roomStore.load(HEATH).isEmpty());
        assertTrue(rooms.get(HEATH).isEmpty());
    }

    /** Runs a hook after each page is read from the store, before Rooms sees it: the loader's window for races. */
    static final class HookedStore implements RoomStore {
        private final RoomStore delegate;
        Consumer<List<Room>> afterPageRead = page -> { };
        int pages;

        HookedStore(RoomStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public Collection<Room> loadAll() {
            return delegate.loadAll();
        }

        @Override
        public Optional<Room> load(JID room) {
            return delegate.load(room);
        }

        @Override
        public List<Room> loadAfter(JID after, int limit) {
            List<Room> page = delegate.loadAfter(after, limit);
            pages++;
            afterPageRead.accept(page);
            return page;
        }

        @Override
        public void save(Room room) {
            delegate.save(room);
        }

        @Override
        public void appendHistory(Room room, HistoryEntry entry) {
            delegate.appendHistory(room, entry);
        }

        @Override
        public void delete(JID room) {
            delegate.delete(room);
        }
    }
}
