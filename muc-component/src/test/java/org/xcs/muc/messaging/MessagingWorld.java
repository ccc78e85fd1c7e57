package org.xcs.muc.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.xcs.common.component.PacketSender;
import org.xcs.common.concurrent.KeyedSerialExecutor;
import org.xcs.common.disco.DiscoRegistry;
import org.xcs.common.router.StanzaRouter;
import org.xcs.muc.MucContext;
import org.xcs.muc.room.Affiliation;
import org.xcs.muc.room.HistoryEntry;
import org.xcs.muc.room.Role;
import org.xcs.muc.room.Room;
import org.xcs.muc.room.RoomConfig;
import org.xcs.muc.service.CreationPolicy;
import org.xcs.muc.service.MucSettings;
import org.xcs.muc.service.Rooms;
import org.xcs.muc.store.RoomStore;
import org.xcs.muc.store.InMemoryRoomStore;
import org.xmpp.packet.JID;
import org.xmpp.packet.Presence;

/**
 * A service with rooms already occupied, so messaging runs without the entry flow (occupancy's area). Every
 * transcript under {@code org/xcs/muc/messaging/transcripts} and the JUnit tests here start from this world:
 * <pre>
 * muc.example.test, clock fixed at 2026-01-01T00:00:00Z, stanza ids sid-1, sid-2..., max message text 100 chars
 *
 * coven@    open, unmoderated, persistent, password "cauldronburn", allowpm anyone, changesubject off
 *   firstwitch  crone1@shakespeare.lit/desktop                 owner  moderator
 *   secondwitch wiccarocks@shakespeare.lit/laptop + /phone     none   participant
 *   thirdwitch  hag66@shakespeare.lit/pda                      member participant
 * heath@    moderated, temporary, allowpm participants, changesubject on
 *   firstwitch  crone1@shakespeare.lit/desktop                 owner  moderator
 *   secondwitch wiccarocks@shakespeare.lit/laptop              member participant
 *   thirdwitch  hag66@shakespeare.lit/pda                      none   visitor
 * darkcave@ members-only, allowinvites off, allowpm none
 *   firstwitch  crone1@shakespeare.lit/desktop                 owner  moderator
 *   secondwitch wiccarocks@shakespeare.lit/laptop              member participant
 * cauldron@ members-only, moderated, allowinvites on, allowpm moderators, voice requests off
 *   firstwitch  crone1@shakespeare.lit/desktop                 owner  moderator
 *   secondwitch wiccarocks@shakespeare.lit/laptop              member participant
 *   thirdwitch  hag66@shakespeare.lit/pda                      member visitor
 * locked@   locked (not yet configured)
 *   firstwitch  crone1@shakespeare.lit/desktop                 owner  moderator
 * </pre>
 */
final class MessagingWorld {
    static final JID SERVICE = new JID("muc.example.test");
    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    static final JID CRONE = new JID("crone1@shakespeare.lit/desktop");
    static final JID WICCA_LAPTOP = new JID("wiccarocks@shakespeare.lit/laptop");
    static final JID WICCA_PHONE = new JID("wiccarocks@shakespeare.lit/phone");
    static final JID HAG = new JID("hag66@shakespeare.lit/pda");

    final StanzaRouter router;
    final Rooms rooms;
    final RecordingRoomStore store = new RecordingRoomStore();

    MessagingWorld(PacketSender sender) {
        this(sender, Messaging.OCCUPANT_IQ_TIMEOUT);
    }

    MessagingWorld(PacketSender sender, Duration occupantIqTimeout) {
        router = new StanzaRouter(sender, new KeyedSerialExecutor("messaging-test", 2, 1_000, 10_000));
        rooms = new Rooms(store);
        AtomicInteger ids = new AtomicInteger();
        MucContext context = new MucContext(SERVICE, router, new DiscoRegistry(SERVICE), rooms,
                new MucSettings(CreationPolicy.ANYONE, Set.of("shakespeare.lit"), Set.of(), 100, 100),
                sender, Clock.fixed(NOW, ZoneOffset.UTC), () -> "sid-" + ids.incrementAndGet());
        Messaging.install(context, occupantIqTimeout);
        seed();
    }

    Room room(String name) {
        return rooms.get(new JID(name + "@" + SERVICE)).orElseThrow();
    }

    private void seed() {
        RoomConfig coven = new RoomConfig();
        coven.persistentRoom = true;
        coven.passwordProtected = true;
        coven.password = "cauldronburn";
        Room room = add("coven", coven);
        enter(room, "firstwitch", CRONE, Affiliation.OWNER, Role.MODERATOR);
        enter(room, "secondwitch", WICCA_LAPTOP, Affiliation.NONE, Role.PARTICIPANT);
        enter(room, "secondwitch", WICCA_PHONE, Affiliation.NONE, Role.PARTICIPANT);
        enter(room, "thirdwitch", HAG, Affiliation.MEMBER, Role.PARTICIPANT);

        RoomConfig heath = new RoomConfig();
        heath.moderatedRoom = true;
        heath.allowPm = RoomConfig.AllowPm.PARTICIPANTS;
        heath.changeSubject = true;
        room = add("heath", heath);
        enter(room, "firstwitch", CRONE, Affiliation.OWNER, Role.MODERATOR);
        enter(room, "secondwitch", WICCA_LAPTOP, Affiliation.MEMBER, Role.PARTICIPANT);
        enter(room, "thirdwitch", HAG, Affiliation.NONE, Role.VISITOR);

        RoomConfig darkcave = new RoomConfig();
        darkcave.membersOnly = true;
        darkcave.allowPm = RoomConfig.AllowPm.NONE;
        room = add("darkcave", darkcave);
        enter(room, "firstwitch", CRONE, Affiliation.OWNER, Role.MODERATOR);
        enter(room, "secondwitch", WICCA_LAPTOP, Affiliation.MEMBER, Role.PARTICIPANT);

        RoomConfig cauldron = new RoomConfig();
        cauldron.membersOnly = true;
        cauldron.moderatedRoom = true;
        cauldron.allowInvites = true;
        cauldron.allowPm = RoomConfig.AllowPm.MODERATORS;
        cauldron.allowVoiceRequests = false;
        room = add("cauldron", cauldron);
        enter(room, "firstwitch", CRONE, Affiliation.OWNER, Role.MODERATOR);
        enter(room, "secondwitch", WICCA_LAPTOP, Affiliation.MEMBER, Role.PARTICIPANT);
        enter(room, "thirdwitch", HAG, Affiliation.MEMBER, Role.VISITOR);

        room = add("locked", new RoomConfig());
        room.locked(true);
        enter(room, "firstwitch", CRONE, Affiliation.OWNER, Role.MODERATOR);
    }

    private Room add(String name, RoomConfig config) {
        Room room = new Room(new JID(name + "@" + SERVICE), config, NOW);
        rooms.add(room);
        return room;
    }

    private static void enter(Room room, String nick, JID session, Affiliation affiliation, Role role) {
        if (affiliation != Affiliation.NONE) {
            room.affiliation(session, affiliation, null);
        }
        room.addSession(nick, session, role).presence(session, new Presence());
    }

    /** Counts what reaches the store, so tests can tell what was made durable. */
    static final class RecordingRoomStore implements RoomStore {
        private final InMemoryRoomStore delegate = new InMemoryRoomStore();
        final java.util.List<HistoryEntry> appended = new java.util.concurrent.CopyOnWriteArrayList<>();
        final AtomicInteger saves = new AtomicInteger();

        @Override
        public java.util.Collection<Room> loadAll() {
            return delegate.loadAll();
        }

        @Override
        public void save(Room room) {
            saves.incrementAndGet();
            delegate.save(room);
        }

        @Override
        public void appendHistory(Room room, HistoryEntry entry) {
            appended.add(entry);
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
