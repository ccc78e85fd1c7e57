package org.xcs.muc.occupancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.xcs.muc.room.Affiliation;
import org.xcs.muc.room.Role;
import org.xcs.muc.room.Room;
import org.xcs.muc.room.RoomConfig;
import org.xcs.muc.service.CreationPolicy;
import org.xcs.muc.service.MucSettings;
import org.xmpp.packet.JID;

/** XEP-0045 §7.2 (entering a room) and §10.1.1 (creation on first entry). */
class EnteringTest {
    private final OccupancyFixture f = new OccupancyFixture();

    private static String join(String from, String to, String id) {
        return "<presence from='" + from + "' to='" + to + "' id='" + id + "'><x xmlns='http://jabber.org/protocol/muc'/></presence>";
    }

    @Test
    void newcomerReceivesTheOccupantsThenItsOwnPresenceWith110ThenTheEmptySubject() {
        Room room = f.room("coven");
        room.affiliation(new JID("crone1@shakespeare.lit"), Affiliation.OWNER, null);
        f.enter("crone1@shakespeare.lit/desktop", "coven@muc.example.test/firstwitch");

        f.send(join("hag66@shakespeare.lit/pda", "coven@muc.example.test/thirdwitch", "n13mt3l"));

        // §7.2.2: the existing occupant's presence first (semi-anonymous: a participant sees no real JIDs) ...
        f.expect("<presence from='coven@muc.example.test/firstwitch' to='hag66@shakespeare.lit/pda'>"
                + "<x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='owner' role='moderator'/></x></presence>",
                // ... the newcomer to the others (a moderator sees the real JID, §7.2.4) ...
                "<presence from='coven@muc.example.test/thirdwitch' to='crone1@shakespeare.lit/desktop'>"
                + "<x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='none' role='participant' jid='hag66@shakespeare.lit/pda'/></x></presence>",
                // ... its self-presence with 110, reflecting the join's id ...
                "<presence from='coven@muc.example.test/thirdwitch' to='hag66@shakespeare.lit/pda' id='n13mt3l'>"
                + "<x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='none' role='participant'/><status code='110'/></x></presence>",
                // ... and §7.2.15: the subject, empty and without delay as none was ever set.
                "<message type='groupchat' id='{any}' from='coven@muc.example.test' to='hag66@shakespeare.lit/pda'><subject/></message>");
        f.expectNothingMore();
    }

    @Test
    void nonAnonymousRoomShowsRealJidsToEveryoneAndWarnsTheNewcomerWith100() {
        RoomConfig config = new RoomConfig();
        config.whois = RoomConfig.Whois.ANYONE;
        f.room("coven", config);
        f.enter("wiccarocks@shakespeare.lit/laptop", "coven@muc.example.test/secondwitch");

        f.send(join("hag66@shakespeare.lit/pda", "coven@muc.example.test/thirdwitch", "j1"));

        f.expect("<presence from='coven@muc.example.test/secondwitch' to='hag66@shakespeare.lit/pda'>"
                + "<x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='none' role='participant' jid='wiccarocks@shakespeare.lit/laptop'/></x></presence>",
                "<presence from='coven@muc.example.test/thirdwitch' to='wiccarocks@shakespeare.lit/laptop'>"
                + "<x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='none' role='participant' jid='hag66@shakespeare.lit/pda'/></x></presence>",
                "<presence from='coven@muc.example.test/thirdwitch' to='hag66@shakespeare.lit/pda' id='j1'>"
                + "<x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='none' role='participant' jid='hag66@shakespeare.lit/pda'/>"
                + "<status code='100'/><status code='110'/></x></presence>");
    }

    @Test
    void loggedRoomWarnsWith170() {
        RoomConfig config = new RoomConfig();
        config.enableLogging = true;
        f.room("coven", config);

        f.send(join("hag66@shakespeare.lit/pda", "coven@muc.example.test/thirdwitch", "j1"));

        f.expect("<presence from='coven@muc.example.test/thirdwitch' to='hag66@shakespeare.lit/pda' id='j1'>"
                + "<x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='none' role='participant'/>"
                + "<status code='110'/><status code='170'/></x></presence>");
    }

    @Test
    void clientPresencePayloadIsRelayedButNotItsMucElement() {
        f.room("coven");
        f.send("<presence from='hag66@shakespeare.lit/pda' to='coven@muc.example.test/thirdwitch' id='j1'><show>away</show>"
                + "<x xmlns='http://jabber.org/protocol/muc'><password>secret</password></x>"
                + "<c xmlns='http://jabber.org/protocol/caps' hash='sha-1' node='n' ver='v'/></presence>");

        f.expect("<presence from='coven@muc.example.test/thirdwitch' to='hag66@shakespeare.lit/pda' id='j1'><show>away</show>"
                + "<c xmlns='http://jabber.org/protocol/caps' hash='sha-1' node='n' ver='v'/>"
                + "<x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='none' role='participant'/><status code='110'/></x></presence>");
    }

    @Test
    void entryWithoutNickIsJidMalformedFromTheRoom() {
        f.room("coven");
        f.send(join("hag66@shakespeare.lit/pda", "coven@muc.example.test", "273hs51g"));
        f.expectRefusal("coven@muc.example.test", "hag66@shakespeare.lit/pda", "jid-malformed", "modify");
        f.expectNothingMore();
    }

    @Test
    void nickThatIsNotAValidResourcepartOrOnlySpacesIsJidMalformed() {
        f.room("coven");
        f.sendUnprepared(join("hag66@shakespeare.lit/pda", "coven@muc.example.test/a\uE000b", "j1"));
        f.expectRefusal("coven@muc.example.test/a\uE000b", "hag66@shakespeare.lit/pda", "jid-malformed", "modify");
        f.send(join("hag66@shakespeare.lit/pda", "coven@muc.example.test/   ", "j2"));
        f.expectRefusal("coven@muc.example.test/   ", "hag66@shakespeare.lit/pda", "jid-malformed", "modify");
        f.expectNothingMore();
        assertTrue(f.rooms.get(new JID("coven@muc.example.test")).orElseThrow().isEmpty());
    }

    @Test
    void nickChangedByResourceprepIsUsedAndAnnouncedWith210() {
        // Tinder prepares the address of a stanza it parses, so this happens only with an unprepared one.
        f.room("coven");
        f.sendUnprepared(join("hag66@shakespeare.lit/pda", "coven@muc.example.test/\uFB00", "j1"));

        f.expect("<presence from='coven@muc.example.test/ff' to='hag66@shakespeare.lit/pda' id='j1'>"
                + "<x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='none' role='participant'/>"
                + "<status code='110'/><status code='210'/></x></presence>");
        assertTrue(f.rooms.get(new JID("coven@muc.example.test")).orElseThrow().occupant("ff").isPresent());
    }

    @Test
    void passwordProtectedRoomRefusesAMissingOrWrongPasswordWithNotAuthorized() {
        RoomConfig config = new RoomConfig();
        config.passwordProtected = true;
        config.password = "cauldronburn";
        f.room("coven", config);

        f.send(join("hag66@shakespeare.lit/pda", "coven@muc.example.test/thirdwitch", "j1"));
        f.expectRefusal("coven@muc.example.test/thirdwitch", "hag66@shakespeare.lit/pda", "not-authorized", "auth");
        f.send("<presence from='hag66@shakespeare.lit/pda' to='coven@muc.example.test/thirdwitch' id='j2'>"
                + "<x xmlns='http://jabber.org/protocol/muc'><password>wrong</password></x></presence>");
        f.expectRefusal("coven@muc.example.test/thirdwitch", "hag66@shakespeare.lit/pda", "not-authorized", "auth");
        f.expectNothingMore();

        f.send("<presence from='hag66@shakespeare.lit/pda' to='coven@muc.example.test/thirdwitch' id='djn4714'>"
                + "<x xmlns='http://jabber.org/protocol/muc'><password>cauldronburn</password></x></presence>");
        f.expect("<presence from='coven@muc.example.test/thirdwitch' to='hag66@shakespeare.lit/pda' id='djn4714'>"
                + "<x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='none' role='participant'/><status code='110'/></x></presence>");
    }

    @Test
    void membersOnlyRoomRefusesANonMemberWithRegistrationRequiredAndAdmitsAMember() {
        RoomConfig config = new RoomConfig();
        config.membersOnly = true;
        Room room = f.room("coven", config);
        room.affiliation(new JID("hag66@shakespeare.lit"), Affiliation.MEMBER, null);

        f.send(join("stranger@shakespeare.lit/x", "coven@muc.example.test/stranger", "j1"));
        f.expectRefusal("coven@muc.example.test/stranger", "stranger@shakespeare.lit/x", "registration-required", "auth");
        f.expectNothingMore();

        f.send(join("hag66@shakespeare.lit/pda", "coven@muc.example.test/thirdwitch", "j2"));
        f.expect("<presence from='coven@muc.example.test/thirdwitch' to='hag66@shakespeare.lit/pda' id='j2'>"
                + "<x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='member' role='participant'/><status code='110'/></x></presence>");
    }

    @Test
    void bannedUserIsForbiddenBeforeAnyOtherRoomCheck() {
        RoomConfig config = new RoomConfig();
        config.membersOnly = true;
        config.passwordProtected = true;
        config.password = "p";
        Room room = f.room("coven", config);
        room.affiliation(new JID("hag66@shakespeare.lit"), Affiliation.OUTCAST, "no");

        f.send(join("hag66@shakespeare.lit/pda", "coven@muc.example.test/thirdwitch", "n13mt3l"));

        f.expectRefusal("coven@muc.example.test/thirdwitch", "hag66@shakespeare.lit/pda", "forbidden", "auth");
        f.expectNothingMore();
        assertTrue(room.isEmpty());
    }

    @Test
    void nickInUseByAnotherUserIsConflict() {
        f.room("coven");
        f.enter("crone1@shakespeare.lit/desktop", "coven@muc.example.test/thirdwitch");

        f.send(join("hag66@shakespeare.lit/pda", "coven@muc.example.test/thirdwitch", "n13mt3l"));

        f.expectRefusal("coven@muc.example.test/thirdwitch", "hag66@shakespeare.lit/pda", "conflict", "cancel");
        f.expectNothingMore();
    }

    @Test
    void nickReservedByAnotherUserIsConflictButItsRegistrantEnters() {
        Room room = f.room("coven");
        room.affiliation(new JID("crone1@shakespeare.lit"), Affiliation.MEMBER, null);
        room.registerNick(new JID("crone1@shakespeare.lit"), "firstwitch");

        f.send(join("hag66@shakespeare.lit/pda", "coven@muc.example.test/firstwitch", "j1"));
        f.expectRefusal("coven@muc.example.test/firstwitch", "hag66@shakespeare.lit/pda", "conflict", "cancel");
        f.expectNothingMore();

        f.send(join("crone1@shakespeare.lit/desktop", "coven@muc.example.test/firstwitch", "j2"));
        f.expect("<presence from='coven@muc.example.test/firstwitch' to='crone1@shakespeare.lit/desktop' id='j2'>"
                + "<x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='member' role='participant'/><status code='110'/></x></presence>");
    }

    @Test
    void fullRoomRefusesWithServiceUnavailableButAdmitsAnAdmin() {
        RoomConfig config = new RoomConfig();
        config.maxUsers = 1;
        Room room = f.room("coven", config);
        room.affiliation(new JID("wiccarocks@shakespeare.lit"), Affiliation.ADMIN, null);
        f.enter("crone1@shakespeare.lit/desktop", "coven@muc.example.test/firstwitch");

        f.send(join("hag66@shakespeare.lit/pda", "coven@muc.example.test/thirdwitch", "n13mt3l"));
        f.expectRefusal("coven@muc.example.test/thirdwitch", "hag66@shakespeare.lit/pda", "service-unavailable", "wait");
        f.expectNothingMore();

        f.send(join("wiccarocks@shakespeare.lit/laptop", "coven@muc.example.test/secondwitch", "j2"));
        assertEquals(2, room.occupantCount());
        // A second session under an existing nick adds no occupant, so the limit does not apply to it.
        f.send(join("crone1@shakespeare.lit/phone", "coven@muc.example.test/firstwitch", "j3"));
        assertEquals(2, room.occupantCount());
    }

    @Test
    void lockedRoomIsItemNotFoundForAllButItsOwner() {
        f.send(join("crone1@shakespeare.lit/desktop", "coven@muc.example.test/firstwitch", "c1"));
        f.skipAll();

        f.send(join("hag66@shakespeare.lit/pda", "coven@muc.example.test/thirdwitch", "n13mt3l"));
        f.expectRefusal("coven@muc.example.test/thirdwitch", "hag66@shakespeare.lit/pda", "item-not-found", "cancel");
        f.expectNothingMore();

        // The owner's second session is an owner too.
        f.send(join("crone1@shakespeare.lit/phone", "coven@muc.example.test/firstwitch", "c2"));
        assertEquals(2, f.rooms.get(new JID("coven@muc.example.test")).orElseThrow()
                .occupant("firstwitch").orElseThrow().sessions().size());
    }

    @Test
    void firstEntryCreatesALockedRoomWithTheCreatorAsOwnerAndStatus201() {
        f.send(join("crone1@shakespeare.lit/desktop", "coven@muc.example.test/firstwitch", "c1"));

        f.expect("<presence from='coven@muc.example.test/firstwitch' to='crone1@shakespeare.lit/desktop' id='c1'>"
                + "<x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='owner' role='moderator' jid='crone1@shakespeare.lit/desktop'/>"
                + "<status code='110'/><status code='201'/></x></presence>",
                "<message type='groupchat' id='{any}' from='coven@muc.example.test' to='crone1@shakespeare.lit/desktop'><subject/></message>");
        f.expectNothingMore();
        Room room = f.rooms.get(new JID("coven@muc.example.test")).orElseThrow();
        assertTrue(room.isLocked());
        assertEquals(Affiliation.OWNER, room.affiliation(new JID("crone1@shakespeare.lit")));
        assertEquals(Role.MODERATOR, room.occupant("firstwitch").orElseThrow().role());
        assertTrue(f.store.loadAll().isEmpty(), "a new room is stored only once configured persistent");
    }

    @Test
    void creationRestrictedByPolicyIsNotAllowedAndLeavesNoRoom() {
        OccupancyFixture local = new OccupancyFixture(new MucSettings(CreationPolicy.LOCAL, Set.of("example.test"),
                Set.of(), 100, 1000));
        local.send(join("hag66@shakespeare.lit/pda", "coven@muc.example.test/thirdwitch", "c1"));
        local.expectRefusal("coven@muc.example.test/thirdwitch", "hag66@shakespeare.lit/pda", "not-allowed", "cancel");
        local.expectNothingMore();
        assertTrue(local.rooms.get(new JID("coven@muc.example.test")).isEmpty());

        local.send(join("alice@example.test/r", "coven@muc.example.test/alice", "c2"));
        assertTrue(local.rooms.get(new JID("coven@muc.example.test")).isPresent());
    }

    @Test
    void serviceAdminEntersAnyRoomAsModerator() {
        OccupancyFixture local = new OccupancyFixture(new MucSettings(CreationPolicy.ANYONE, Set.of("example.test"),
                Set.of(new JID("root@example.test")), 100, 1000));
        RoomConfig config = new RoomConfig();
        config.membersOnly = true;
        Room room = local.room("coven", config);
        room.locked(true);

        local.send(join("root@example.test/r", "coven@muc.example.test/root", "a1"));

        assertEquals(Role.MODERATOR, room.occupant("root").orElseThrow().role());
    }

    @Test
    void moderatedRoomAdmitsAnUnaffiliatedUserAsVisitor() {
        RoomConfig config = new RoomConfig();
        config.moderatedRoom = true;
        Room room = f.room("coven", config);
        f.send(join("hag66@shakespeare.lit/pda", "coven@muc.example.test/thirdwitch", "j1"));
        assertEquals(Role.VISITOR, room.occupant("thirdwitch").orElseThrow().role());
    }

    @Test
    void presenceOfRolesOutsidePresenceBroadcastReachesOnlyTheirOwnSessions() {
        RoomConfig config = new RoomConfig();
        config.moderatedRoom = true;
        config.presenceBroadcast = java.util.EnumSet.of(Role.MODERATOR, Role.PARTICIPANT);
        Room room = f.room("coven", config);
        room.affiliation(new JID("crone1@shakespeare.lit"), Affiliation.MEMBER, null);
        f.enter("crone1@shakespeare.lit/desktop", "coven@muc.example.test/firstwitch");
        f.enter("lurker@shakespeare.lit/x", "coven@muc.example.test/lurker");

        f.send(join("hag66@shakespeare.lit/pda", "coven@muc.example.test/thirdwitch", "j1"));

        // The visitor lurker is not in the roster; the visitor newcomer is announced to nobody but itself.
        f.expect("<presence from='coven@muc.example.test/firstwitch' to='hag66@shakespeare.lit/pda'>"
                + "<x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='member' role='participant'/></x></presence>",
                "<presence from='coven@muc.example.test/thirdwitch' to='hag66@shakespeare.lit/pda' id='j1'>"
                + "<x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='none' role='visitor'/><status code='110'/></x></presence>",
                "<message type='groupchat' id='{any}' from='coven@muc.example.test' to='hag66@shakespeare.lit/pda'><subject/></message>");
        f.expectNothingMore();
        assertFalse(room.occupant("thirdwitch").isEmpty());
    }
}
