package org.xcs.muc.occupancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.xcs.muc.room.Affiliation;
import org.xcs.muc.room.Role;
import org.xcs.muc.room.Room;
import org.xcs.muc.room.RoomConfig;
import org.xmpp.packet.JID;

/**
 * What occupants do with presence once inside: availability changes (XEP-0045 §7.7), joining again (§7.2.1,
 * §17.3), several sessions under one nick (§7.2.8), and what is not an occupant's presence (§7.2.18, §17.3).
 */
class OccupantPresenceTest {
    private final OccupancyFixture f = new OccupancyFixture();
    private final Room room = f.room("coven");

    OccupantPresenceTest() {
        room.affiliation(new JID("crone1@shakespeare.lit"), Affiliation.OWNER, null);
        f.enter("crone1@shakespeare.lit/desktop", "coven@muc.example.test/firstwitch");
        f.enter("wiccarocks@shakespeare.lit/laptop", "coven@muc.example.test/oldhag");
    }

    @Test
    void availabilityChangeIsPassedToEveryOccupantWithRealJidsOnlyForModerators() {
        f.send("<presence from='wiccarocks@shakespeare.lit/laptop' id='kr7v143h' to='coven@muc.example.test/oldhag'>"
                + "<show>xa</show><status>gone where the goblins go</status>"
                + "<x xmlns='http://jabber.org/protocol/muc#user'><item role='moderator'/></x></presence>");

        // §17.3: the client's own muc#user data is not reflected.
        f.expect("<presence from='coven@muc.example.test/oldhag' to='crone1@shakespeare.lit/desktop'><show>xa</show>"
                + "<status>gone where the goblins go</status><x xmlns='http://jabber.org/protocol/muc#user'>"
                + "<item affiliation='none' role='participant' jid='wiccarocks@shakespeare.lit/laptop'/></x></presence>",
                "<presence from='coven@muc.example.test/oldhag' to='wiccarocks@shakespeare.lit/laptop' id='kr7v143h'><show>xa</show>"
                + "<status>gone where the goblins go</status><x xmlns='http://jabber.org/protocol/muc#user'>"
                + "<item affiliation='none' role='participant'/><status code='110'/></x></presence>");
        f.expectNothingMore();
    }

    @Test
    void visitorsAvailabilityChangesStayWithThemWhenVisitorsAreNotBroadcast() {
        RoomConfig config = room.config().copy();
        config.presenceBroadcast = EnumSet.of(Role.MODERATOR, Role.PARTICIPANT);
        room.config(config);
        room.occupant("oldhag").orElseThrow().role(Role.VISITOR);

        f.send("<presence from='wiccarocks@shakespeare.lit/laptop' to='coven@muc.example.test/oldhag'><show>dnd</show></presence>");

        f.expect("<presence from='coven@muc.example.test/oldhag' to='wiccarocks@shakespeare.lit/laptop'><show>dnd</show>"
                + "<x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='none' role='visitor'/><status code='110'/></x></presence>");
        f.expectNothingMore();
    }

    @Test
    void joiningAgainResendsTheWholeEntryToThatSessionAndTellsOthersOnlyOfAChange() {
        f.send("<presence from='wiccarocks@shakespeare.lit/laptop' to='coven@muc.example.test/oldhag' id='r1'><x xmlns='http://jabber.org/protocol/muc'/></presence>");
        f.expect("<presence from='coven@muc.example.test/firstwitch' to='wiccarocks@shakespeare.lit/laptop'>"
                + "<x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='owner' role='moderator'/></x></presence>",
                "<presence from='coven@muc.example.test/oldhag' to='wiccarocks@shakespeare.lit/laptop' id='r1'>"
                + "<x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='none' role='participant'/><status code='110'/></x></presence>",
                "<message type='groupchat' id='{any}' from='coven@muc.example.test' to='wiccarocks@shakespeare.lit/laptop'><subject/></message>");
        f.expectNothingMore();

        f.send("<presence from='wiccarocks@shakespeare.lit/laptop' to='coven@muc.example.test/oldhag'><show>away</show><x xmlns='http://jabber.org/protocol/muc'/></presence>");
        assertEquals(1, f.to("crone1@shakespeare.lit/desktop").size(), "the changed presence goes to the others");
        assertEquals(3, f.to("wiccarocks@shakespeare.lit/laptop").size());
    }

    @Test
    void secondSessionOfTheSameUserSharesTheNickAndEachSessionHearsAsAnOccupant() {
        f.send("<presence from='wiccarocks@shakespeare.lit/phone' to='coven@muc.example.test/oldhag' id='s2'><x xmlns='http://jabber.org/protocol/muc'/></presence>");

        f.expect("<presence from='coven@muc.example.test/firstwitch' to='wiccarocks@shakespeare.lit/phone'>"
                + "<x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='owner' role='moderator'/></x></presence>",
                // The others see the newest session's presence and (moderators) its real JID.
                "<presence from='coven@muc.example.test/oldhag' to='crone1@shakespeare.lit/desktop'>"
                + "<x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='none' role='participant' jid='wiccarocks@shakespeare.lit/phone'/></x></presence>",
                "<presence from='coven@muc.example.test/oldhag' to='wiccarocks@shakespeare.lit/laptop'>"
                + "<x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='none' role='participant'/><status code='110'/></x></presence>",
                "<presence from='coven@muc.example.test/oldhag' to='wiccarocks@shakespeare.lit/phone' id='s2'>"
                + "<x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='none' role='participant'/><status code='110'/></x></presence>",
                "<message type='groupchat' id='{any}' from='coven@muc.example.test' to='wiccarocks@shakespeare.lit/phone'><subject/></message>");
        f.expectNothingMore();
        assertEquals(2, room.occupantCount());
        assertEquals(2, room.occupant("oldhag").orElseThrow().sessions().size());
    }

    @Test
    void whenOneOfTwoSessionsLeavesOnlyItIsToldAndTheOthersSeeTheRemainingSession() {
        f.enter("wiccarocks@shakespeare.lit/phone", "coven@muc.example.test/oldhag");

        f.send("<presence type='unavailable' from='wiccarocks@shakespeare.lit/phone' to='coven@muc.example.test/oldhag'/>");

        f.expect("<presence type='unavailable' from='coven@muc.example.test/oldhag' to='wiccarocks@shakespeare.lit/phone'>"
                + "<x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='none' role='none'/><status code='110'/></x></presence>",
                "<presence from='coven@muc.example.test/oldhag' to='crone1@shakespeare.lit/desktop'>"
                + "<x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='none' role='participant' jid='wiccarocks@shakespeare.lit/laptop'/></x></presence>",
                "<presence from='coven@muc.example.test/oldhag' to='wiccarocks@shakespeare.lit/laptop'>"
                + "<x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='none' role='participant'/><status code='110'/></x></presence>");
        f.expectNothingMore();
        assertEquals(1, room.occupant("oldhag").orElseThrow().sessions().size());
    }

    @Test
    void presenceWithoutMucElementFromANonOccupantIsAnsweredWithTheKickOf7_2_18() {
        f.send("<presence from='hag66@shakespeare.lit/pda' id='ng91xs69' to='coven@muc.example.test/thirdwitch'/>");

        f.expect("<presence type='unavailable' from='coven@muc.example.test/thirdwitch' to='hag66@shakespeare.lit/pda'>"
                + "<x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='none' role='none'>"
                + "<reason>You are not in the room.</reason></item>"
                + "<status code='110'/><status code='307'/><status code='333'/></x></presence>");
        f.expectNothingMore();
        assertTrue(room.occupant("thirdwitch").isEmpty());
    }

    @Test
    void unavailableFromANonOccupantOrToAnotherNickIsIgnored() {
        f.send("<presence type='unavailable' from='hag66@shakespeare.lit/pda' to='coven@muc.example.test/thirdwitch'/>");
        f.send("<presence type='unavailable' from='wiccarocks@shakespeare.lit/laptop' to='coven@muc.example.test/firstwitch'/>");
        f.send("<presence type='unavailable' from='wiccarocks@shakespeare.lit/laptop' to='nowhere@muc.example.test/x'/>");
        f.expectNothingMore();
        assertEquals(2, room.occupantCount());
    }

    @Test
    void probesAndSubscriptionRequestsNeitherJoinNorLeave() {
        for (String type : new String[] {"probe", "subscribe", "subscribed", "unsubscribe", "unsubscribed"}) {
            f.send("<presence type='" + type + "' from='wiccarocks@shakespeare.lit/laptop' to='coven@muc.example.test/oldhag'/>");
            f.send("<presence type='" + type + "' from='hag66@shakespeare.lit/pda' to='coven@muc.example.test/thirdwitch'/>");
        }
        f.expectNothingMore();
        assertEquals(2, room.occupantCount());
    }

    @Test
    void presenceToTheServiceIsNoRoomsBusinessButAJoinThereLacksTheRoom() {
        f.send("<presence from='hag66@shakespeare.lit/pda' to='muc.example.test'/>");
        f.send("<presence type='unavailable' from='hag66@shakespeare.lit/pda' to='muc.example.test'/>");
        f.expectNothingMore();
        f.send("<presence from='hag66@shakespeare.lit/pda' id='j1' to='muc.example.test/thirdwitch'><x xmlns='http://jabber.org/protocol/muc'/></presence>");
        f.expectRefusal("muc.example.test/thirdwitch", "hag66@shakespeare.lit/pda", "jid-malformed", "modify");
        f.expectNothingMore();
    }

    @Test
    void availablePresenceToTheRoomItselfIsJidMalformedAndUnavailableIsIgnored() {
        f.send("<presence from='wiccarocks@shakespeare.lit/laptop' id='p1' to='coven@muc.example.test'/>");
        f.expectRefusal("coven@muc.example.test", "wiccarocks@shakespeare.lit/laptop", "jid-malformed", "modify");
        f.send("<presence type='unavailable' from='wiccarocks@shakespeare.lit/laptop' to='coven@muc.example.test'/>");
        f.expectNothingMore();
        assertFalse(room.isEmpty());
    }

    @Test
    void presenceOfAnUnknownTypeIsBadRequestAndChangesNothing() {
        f.send("<presence type='bogus' id='b1' from='wiccarocks@shakespeare.lit/laptop' to='coven@muc.example.test/oldhag'/>");
        f.expectRefusal("coven@muc.example.test/oldhag", "wiccarocks@shakespeare.lit/laptop", "bad-request", "modify");
        f.expectNothingMore();
        assertEquals(2, room.occupantCount());
    }
}
