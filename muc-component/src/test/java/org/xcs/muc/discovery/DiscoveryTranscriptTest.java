package org.xcs.muc.discovery;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.xcs.common.disco.Identity;
import org.xcs.common.launch.ComponentContext;
import org.xcs.common.launch.ServiceCore;
import org.xcs.common.store.InMemoryStore;
import org.xcs.common.testing.TranscriptRunner;
import org.xcs.muc.MucContext;
import org.xcs.muc.room.Affiliation;
import org.xcs.muc.room.Role;
import org.xcs.muc.room.Room;
import org.xcs.muc.room.RoomConfig;
import org.xcs.muc.room.Subject;
import org.xcs.muc.service.CreationPolicy;
import org.xcs.muc.service.MucSettings;
import org.xcs.muc.service.Rooms;
import org.xcs.muc.store.InMemoryRoomStore;
import org.xmpp.packet.JID;
import org.xmpp.packet.Presence;

/**
 * The transcripts under {@code org/xcs/muc/discovery/} run against this area alone (the service skeleton plus
 * {@link Discovery}) over rooms set up here, since entering and configuring rooms belong to other areas:
 * <ul>
 *   <li>coven "A Dark Cave": public, persistent, open; owner crone1 (in the room as firstwitch, moderator),
 *       member hag66 registered as thirdwitch (not in the room), outcast banned; wiccarocks in the room as
 *       secondwitch (participant, no affiliation); subject "Spells";</li>
 *   <li>heath: public, temporary, no name;</li>
 *   <li>secret "Secret Chamber": hidden, members-only, moderated, non-anonymous, password-protected, no voice
 *       requests; owner
 *       crone1 (in the room as crone, moderator), member hag66 (no nick);</li>
 *   <li>forres "The Palace": public, moderated; crone1 in it as crone (owner, moderator), wiccarocks as wicca
 *       (visitor);</li>
 *   <li>newroom: locked (not configured yet), owner crone1.</li>
 * </ul>
 * Service admin: admin@example.test. muc#unique names come from "Unique-1", "Unique-2"...
 * The transcripts under {@code org/xcs/muc/discovery-public-occupant-lists/} run over the same rooms with
 * {@code --public-occupant-lists} on.
 */
class DiscoveryTranscriptTest {

    static final JID SERVICE = new JID("muc.example.test");
    static final JID CRONE = new JID("crone1@example.test");
    static final JID HAG = new JID("hag66@example.test");
    static final JID WICCA = new JID("wiccarocks@example.test");
    static final Instant T0 = Instant.parse("2026-11-25T13:00:00Z");

    @TestFactory
    Stream<DynamicTest> transcripts() {
        return transcripts("org/xcs/muc/discovery", false);
    }

    @TestFactory
    Stream<DynamicTest> transcriptsWithPublicOccupantLists() {
        return transcripts("org/xcs/muc/discovery-public-occupant-lists", true);
    }

    private static Stream<DynamicTest> transcripts(String folder, boolean publicOccupantLists) {
        return TranscriptRunner.dynamicTests(folder, sender -> {
            ComponentContext component = new ComponentContext(SERVICE, sender, new InMemoryStore(),
                    Clock.fixed(T0, ZoneOffset.UTC), "1.2.3");
            ServiceCore core = new ServiceCore(component, "xcs-muc", new Identity("conference", "text", "Chatrooms"));
            MucSettings settings = new MucSettings(CreationPolicy.ANYONE, Set.of("example.test"),
                    Set.of(new JID("admin@example.test")), 100, 65536, publicOccupantLists);
            AtomicInteger ids = new AtomicInteger();
            Discovery.install(new MucContext(SERVICE, core.router(), core.disco(), rooms(), settings, sender,
                    component.clock(), () -> "Unique-" + ids.incrementAndGet()));
            return core;
        });
    }

    static Rooms rooms() {
        Rooms rooms = new Rooms(new InMemoryRoomStore());

        RoomConfig coven = new RoomConfig();
        coven.name = "A Dark Cave";
        coven.description = "The place for all good witches!";
        coven.lang = "en";
        coven.contactJids = List.of(CRONE.toString());
        coven.changeSubject = true;
        coven.historyLength = 50;
        coven.persistentRoom = true;
        Room covenRoom = room(rooms, "coven", coven);
        covenRoom.affiliation(CRONE, Affiliation.OWNER, null);
        covenRoom.affiliation(HAG, Affiliation.MEMBER, null);
        covenRoom.registerNick(HAG, "thirdwitch");
        covenRoom.affiliation(new JID("banned@example.test"), Affiliation.OUTCAST, "Troublemaker");
        covenRoom.subject(new Subject("Spells", "firstwitch", T0));
        enter(covenRoom, "firstwitch", new JID("crone1@example.test/desktop"), Role.MODERATOR);
        enter(covenRoom, "secondwitch", new JID("wiccarocks@example.test/laptop"), Role.PARTICIPANT);

        room(rooms, "heath", new RoomConfig());

        RoomConfig secret = new RoomConfig();
        secret.name = "Secret Chamber";
        secret.publicRoom = false;
        secret.membersOnly = true;
        secret.moderatedRoom = true;
        secret.whois = RoomConfig.Whois.ANYONE;
        secret.passwordProtected = true;
        secret.password = "cauldronburn";
        secret.persistentRoom = true;
        secret.allowVoiceRequests = false;
        Room secretRoom = room(rooms, "secret", secret);
        secretRoom.affiliation(CRONE, Affiliation.OWNER, null);
        secretRoom.affiliation(HAG, Affiliation.MEMBER, null);
        enter(secretRoom, "crone", new JID("crone1@example.test/desktop"), Role.MODERATOR);

        RoomConfig forres = new RoomConfig();
        forres.name = "The Palace";
        forres.moderatedRoom = true;
        Room forresRoom = room(rooms, "forres", forres);
        forresRoom.affiliation(CRONE, Affiliation.OWNER, null);
        enter(forresRoom, "crone", new JID("crone1@example.test/desktop"), Role.MODERATOR);
        enter(forresRoom, "wicca", new JID("wiccarocks@example.test/laptop"), Role.VISITOR);

        Room newRoom = room(rooms, "newroom", new RoomConfig());
        newRoom.affiliation(CRONE, Affiliation.OWNER, null);
        newRoom.locked(true);
        return rooms;
    }

    private static Room room(Rooms rooms, String node, RoomConfig config) {
        Room room = new Room(new JID(node, SERVICE.getDomain(), null), config, T0);
        rooms.add(room);
        return room;
    }

    private static void enter(Room room, String nick, JID session, Role role) {
        room.addSession(nick, session, role).presence(session, new Presence());
    }
}
