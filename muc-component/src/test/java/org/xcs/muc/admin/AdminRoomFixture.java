package org.xcs.muc.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.xcs.common.concurrent.KeyedSerialExecutor;
import org.xcs.common.disco.DiscoRegistry;
import org.xcs.common.router.StanzaRouter;
import org.xcs.common.testing.RecordingSender;
import org.xcs.common.testing.TestStanzas;
import org.xcs.muc.MucContext;
import org.xcs.muc.room.Affiliation;
import org.xcs.muc.room.HistoryEntry;
import org.xcs.muc.room.Occupant;
import org.xcs.muc.room.Room;
import org.xcs.muc.room.RoomConfig;
import org.xcs.muc.service.CreationPolicy;
import org.xcs.muc.service.MucSettings;
import org.xcs.muc.service.Rooms;
import org.xcs.muc.store.InMemoryRoomStore;
import org.xcs.muc.store.RoomStore;
import org.xmpp.packet.JID;
import org.xmpp.packet.Packet;
import org.xmpp.packet.Presence;

/**
 * A room set up directly through {@link Room} (occupants placed without the entering protocol), the admin area
 * installed on a real {@link StanzaRouter} whose queue runs on the calling thread, and what the component sent.
 */
final class AdminRoomFixture {
    static final JID ROOM = new JID("coven@muc.example.test");
    static final JID SERVICE_ADMIN = new JID("boss@example.test");

    final RecordingSender sender = new RecordingSender();
    final SaveRecordingStore store = new SaveRecordingStore(sender);
    final Rooms rooms = new Rooms(store);
    final Room room;
    private final StanzaRouter router;
    private int seen;

    AdminRoomFixture(Consumer<RoomConfig> configure) {
        RoomConfig config = new RoomConfig();
        configure.accept(config);
        room = new Room(ROOM, config, Instant.EPOCH);
        rooms.add(room);
        router = new StanzaRouter(sender, new KeyedSerialExecutor(Runnable::run, 100, 1000));
        JID service = new JID("muc.example.test");
        AtomicInteger ids = new AtomicInteger();
        MucSettings settings = new MucSettings(CreationPolicy.ANYONE, Set.of("example.test"), Set.of(SERVICE_ADMIN),
                100, 65536);
        Administration.install(new MucContext(service, router, new DiscoRegistry(service), rooms, settings, sender,
                Clock.systemUTC(), () -> "id" + ids.incrementAndGet()));
    }

    AdminRoomFixture() {
        this(config -> { });
    }

    /** Puts {@code fullJid} in the room as {@code nick}, with the affiliation and its default role (XEP-0045 §5.1.2). */
    Occupant enter(String nick, String fullJid, Affiliation affiliation) {
        JID jid = new JID(fullJid);
        room.affiliation(jid, affiliation, null);
        Occupant occupant = room.addSession(nick, jid, room.defaultRole(affiliation));
        occupant.presence(jid, TestStanzas.presence("<presence><show>away</show></presence>"));
        return occupant;
    }

    /** Sends the stanza to the component; returns everything it sent in answer, in order. */
    List<Packet> send(String xml) {
        router.handle(TestStanzas.parse(xml));
        router.awaitIdle(Duration.ofSeconds(5));
        List<Packet> all = sender.all();
        List<Packet> fresh = new ArrayList<>(all.subList(seen, all.size()));
        seen = all.size();
        return fresh;
    }

    /** The packets of {@code sent} addressed to {@code to}. */
    static List<Packet> to(List<Packet> sent, String to) {
        return sent.stream().filter(p -> p.getTo().toString().equals(to)).toList();
    }

    static List<Presence> presences(List<Packet> sent) {
        return sent.stream().filter(p -> p instanceof Presence).map(p -> (Presence) p).toList();
    }

    /** A store that notes, at each save, how many packets had been sent (persist-before-acknowledge checks). */
    static final class SaveRecordingStore implements RoomStore {
        private final InMemoryRoomStore delegate = new InMemoryRoomStore();
        private final RecordingSender sender;
        final List<Integer> sentAtSave = new ArrayList<>();

        SaveRecordingStore(RecordingSender sender) {
            this.sender = sender;
        }

        @Override
        public Collection<Room> loadAll() {
            return delegate.loadAll();
        }

        @Override
        public void save(Room room) {
            sentAtSave.add(sender.count());
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

        boolean contains(JID room) {
            return delegate.contains(room);
        }
    }
}
