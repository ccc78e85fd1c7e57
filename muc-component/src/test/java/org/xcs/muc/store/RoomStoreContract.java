package org.xcs.muc.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xcs.common.store.Codec;
import org.xcs.common.store.Store;
import org.xcs.common.store.StoreMap;
import org.xcs.muc.room.Affiliation;
import org.xcs.muc.room.HistoryEntry;
import org.xcs.muc.room.Role;
import org.xcs.muc.room.Room;
import org.xcs.muc.room.RoomConfig;
import org.xcs.muc.room.Subject;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;

/** What every {@link StoreRoomStore} must do, whatever {@link Store} it runs on. */
abstract class RoomStoreContract {

    static final JID COVEN = new JID("coven@muc.example.test");
    static final JID HEATH = new JID("heath@muc.example.test");
    static final JID CRONE = new JID("crone1@example.test");
    static final JID HAG = new JID("hag66@example.test");
    static final Instant T0 = Instant.parse("2026-11-25T13:00:00.123456789Z");

    Store store;
    StoreRoomStore rooms;

    /** A fresh, empty store. */
    abstract Store open();

    /** The same data as a restarted process sees it (closing the old store where that means something). */
    abstract Store reopen(Store old);

    @BeforeEach
    void start() {
        store = open();
        rooms = new StoreRoomStore(store);
    }

    @AfterEach
    void stop() {
        store.close();
    }

    Collection<Room> restart() {
        store = reopen(store);
        rooms = new StoreRoomStore(store);
        return rooms.loadAll();
    }

    Room restartAndGet(JID jid) {
        return restart().stream().filter(r -> r.jid().equals(jid)).findFirst()
                .orElseThrow(() -> new AssertionError(jid + " was not stored"));
    }

    static Room persistentRoom(JID jid) {
        RoomConfig config = new RoomConfig();
        config.persistentRoom = true;
        config.historyLength = 3;
        return new Room(jid, config, T0);
    }

    static HistoryEntry message(Room room, int n) {
        Message m = new Message();
        m.setType(Message.Type.groupchat);
        m.setFrom(room.occupantJid("thirdwitch"));
        m.setID("m" + n);
        m.setBody("message " + n + " \u00e9\u00e8 <&>");
        return new HistoryEntry(m, T0.plusSeconds(n), new JID("hag66@example.test/pda"), 12);
    }

    static List<String> bodies(Room room) {
        return room.history().entries().stream().map(e -> e.message().getBody()).toList();
    }

    @Test
    void aSavedRoomComesBackWithItsConfigurationAffiliationsReasonsReservedNicksAndSubject() {
        Room room = persistentRoom(COVEN);
        room.config().name = "A Dark Cave";
        room.config().membersOnly = true;
        room.affiliation(CRONE, Affiliation.OWNER, null);
        room.affiliation(HAG, Affiliation.MEMBER, null);
        room.affiliation(new JID("bad@example.test"), Affiliation.OUTCAST, "Treason");
        room.registerNick(HAG, "thirdwitch");
        room.subject(new Subject("Spells", "firstwitch", T0.plusSeconds(5)));
        rooms.save(room);

        Room loaded = restartAndGet(COVEN);
        assertEquals("A Dark Cave", loaded.config().name);
        assertTrue(loaded.config().membersOnly);
        assertEquals(T0, loaded.created());
        assertEquals(room.affiliations(), loaded.affiliations());
        assertEquals(List.of(CRONE), loaded.withAffiliation(Affiliation.OWNER), "order of grants is kept");
        assertEquals("Treason", loaded.affiliationReason(new JID("bad@example.test")).orElseThrow());
        assertTrue(loaded.affiliationReason(HAG).isEmpty());
        assertEquals(Map.of(HAG.toBareJID(), "thirdwitch"), loaded.registeredNicks());
        assertEquals(room.subject(), loaded.subject());
    }

    @Test
    void aLoadedRoomIsUnlockedAndEmpty() {
        Room room = persistentRoom(COVEN);
        room.locked(true);
        room.addSession("firstwitch", new JID("crone1@example.test/desktop"), Role.MODERATOR);
        rooms.save(room);

        Room loaded = restartAndGet(COVEN);
        assertFalse(loaded.isLocked());
        assertTrue(loaded.isEmpty());
    }

    @Test
    void aLaterSaveReplacesTheEarlierOne() {
        Room room = persistentRoom(COVEN);
        room.affiliation(HAG, Affiliation.MEMBER, null);
        room.registerNick(HAG, "thirdwitch");
        rooms.save(room);
        room.affiliation(HAG, Affiliation.NONE, null);
        room.registerNick(HAG, null);
        room.config().description = "changed";
        rooms.save(room);

        Room loaded = restartAndGet(COVEN);
        assertEquals(Map.of(), loaded.affiliations());
        assertEquals(Map.of(), loaded.registeredNicks());
        assertEquals("changed", loaded.config().description);
    }

    @Test
    void historyComesBackOldestFirstTrimmedToTheHistoryLength() {
        Room room = persistentRoom(COVEN);
        rooms.save(room);
        for (int i = 1; i <= 5; i++) {
            HistoryEntry entry = message(room, i);
            room.history().add(entry);
            rooms.appendHistory(room, entry);
        }
        assertEquals(3, historyRecords(COVEN), "the store itself keeps no more than the history length");

        Room loaded = restartAndGet(COVEN);
        assertEquals(List.of("message 3 \u00e9\u00e8 <&>", "message 4 \u00e9\u00e8 <&>", "message 5 \u00e9\u00e8 <&>"),
                bodies(loaded));
        HistoryEntry last = loaded.history().entries().get(2);
        assertEquals(message(room, 5).message().toXML(), last.message().toXML());
        assertEquals(T0.plusSeconds(5), last.at());
        assertEquals(new JID("hag66@example.test/pda"), last.senderRealJid());
        assertEquals(12, last.chars());
    }

    @Test
    void loweringTheHistoryLengthTrimsTheStoredHistoryOnSave() {
        Room room = persistentRoom(COVEN);
        rooms.save(room);
        for (int i = 1; i <= 3; i++) {
            rooms.appendHistory(room, message(room, i));
        }
        RoomConfig shorter = room.config().copy();
        shorter.historyLength = 1;
        room.config(shorter);
        rooms.save(room);
        assertEquals(1, historyRecords(COVEN));
        assertEquals(List.of("message 3 \u00e9\u00e8 <&>"), bodies(restartAndGet(COVEN)));
    }

    @Test
    void aRoomThatBecomesPersistentKeepsTheHistoryItAlreadyHad() {
        RoomConfig config = new RoomConfig();
        Room room = new Room(COVEN, config, T0);
        for (int i = 1; i <= 2; i++) {
            HistoryEntry entry = message(room, i);
            room.history().add(entry);
            rooms.appendHistory(room, entry);
        }
        assertEquals(0, historyRecords(COVEN), "a temporary room's history is never written");
        room.config().persistentRoom = true;
        rooms.save(room);
        rooms.appendHistory(room, message(room, 3));

        assertEquals(List.of("message 1 \u00e9\u00e8 <&>", "message 2 \u00e9\u00e8 <&>", "message 3 \u00e9\u00e8 <&>"),
                bodies(restartAndGet(COVEN)));
    }

    @Test
    void deleteRemovesTheRoomAndItsHistoryAndLeavesOtherRoomsAlone() {
        Room coven = persistentRoom(COVEN);
        Room heath = persistentRoom(HEATH);
        rooms.save(coven);
        rooms.save(heath);
        rooms.appendHistory(coven, message(coven, 1));
        rooms.appendHistory(heath, message(heath, 2));

        rooms.delete(COVEN);
        assertEquals(0, historyRecords(COVEN));
        Collection<Room> loaded = restart();
        assertEquals(List.of(HEATH), loaded.stream().map(Room::jid).toList());
        assertEquals(List.of("message 2 \u00e9\u00e8 <&>"), bodies(loaded.iterator().next()));
    }

    @Test
    void roomsWhoseJidsSharePrefixesKeepSeparateHistories() {
        Room a = persistentRoom(new JID("a@muc.example.test"));
        Room ab = persistentRoom(new JID("a@muc.example.test.b"));
        rooms.save(a);
        rooms.save(ab);
        rooms.appendHistory(a, message(a, 1));
        rooms.appendHistory(ab, message(ab, 2));
        rooms.appendHistory(ab, message(ab, 3));
        rooms.delete(ab.jid());
        assertEquals(List.of("message 1 \u00e9\u00e8 <&>"), bodies(restartAndGet(a.jid())));
    }

    @Test
    void deletingARoomThatWasNeverStoredWritesNothing() {
        CountingStore counting = new CountingStore(store);
        StoreRoomStore counted = new StoreRoomStore(counting);
        counted.delete(COVEN);
        assertEquals(0, counting.transactions);
        counted.save(persistentRoom(COVEN));
        assertEquals(1, counting.transactions, "every write is one transaction");
    }

    @Test
    void oneRoomLoadsAloneWithItsHistoryAndAnUnknownOneIsEmpty() {
        Room room = persistentRoom(COVEN);
        room.config().name = "A Dark Cave";
        rooms.save(room);
        rooms.save(persistentRoom(HEATH));
        for (int i = 1; i <= 4; i++) {
            HistoryEntry entry = message(room, i);
            room.history().add(entry);
            rooms.appendHistory(room, entry);
        }
        store = reopen(store);
        rooms = new StoreRoomStore(store);

        Room loaded = rooms.load(new JID("coven@muc.example.test/firstwitch")).orElseThrow();
        assertEquals("A Dark Cave", loaded.config().name);
        assertEquals(List.of("message 2 \u00e9\u00e8 <&>", "message 3 \u00e9\u00e8 <&>", "message 4 \u00e9\u00e8 <&>"),
                bodies(loaded));
        assertFalse(loaded.isLocked());
        assertTrue(rooms.load(new JID("darkcave@muc.example.test")).isEmpty());
    }

    @Test
    void pagesFollowEachOtherInJidOrderWithoutGapsOrRepeats() {
        List<String> saved = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            JID jid = new JID("r" + (char) ('g' - i) + "@muc.example.test");
            saved.add(jid.toBareJID());
            Room room = persistentRoom(jid);
            room.history().add(message(room, i));
            rooms.save(room);
        }
        List<String> seen = new java.util.ArrayList<>();
        JID after = null;
        List<Room> page;
        do {
            page = rooms.loadAfter(after, 3);
            page.forEach(r -> seen.add(r.jid().toBareJID()));
            after = page.isEmpty() ? after : page.get(page.size() - 1).jid();
        } while (page.size() == 3);

        assertEquals(saved.stream().sorted().toList(), seen);
        assertEquals(7, rooms.loadAll().size());
        rooms.loadAll().forEach(r -> assertEquals(1, r.history().entries().size(), "loadAll: each with its history"));
    }

    private long historyRecords(JID room) {
        StoreMap<byte[], byte[]> raw = store.map(StoreRoomStore.HISTORY, Codec.BYTES, Codec.BYTES);
        return raw.range(HistoryKeys.from(room), HistoryKeys.to(room)).size();
    }

    /** Counts transactions: "no write" means no transaction was even started. */
    static final class CountingStore implements Store {
        private final Store inner;
        int transactions;

        CountingStore(Store inner) {
            this.inner = inner;
        }

        @Override
        public <K, V> StoreMap<K, V> map(String name, Codec<K> keys, Codec<V> values) {
            return inner.map(name, keys, values);
        }

        @Override
        public <T> T transaction(Supplier<T> work) {
            transactions++;
            return inner.transaction(work);
        }

        @Override
        public int schemaVersion() {
            return inner.schemaVersion();
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
