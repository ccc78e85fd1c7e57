package org.xcs.muc.occupancy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xcs.common.testing.TestStanzas;
import org.xcs.muc.room.HistoryEntry;
import org.xcs.muc.room.Room;
import org.xcs.muc.room.RoomConfig;
import org.xcs.muc.room.Subject;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;

/** XEP-0045 §7.2.13/§7.2.14 (discussion history on entry) and §7.2.15 (the subject, always last). */
class EntryReplayTest {
    private final OccupancyFixture f = new OccupancyFixture();
    private final Room room = f.room("coven");

    /** Messages said n seconds before NOW, bodies "m1".."mN" oldest first. */
    private void said(int... secondsAgo) {
        int n = 0;
        for (int ago : secondsAgo) {
            n++;
            Message m = (Message) TestStanzas.parse("<message type='groupchat' id='h" + n + "' from='coven@muc.example.test/firstwitch'"
                    + " to='crone1@shakespeare.lit/desktop'><body>m" + n + "</body></message>");
            room.history().add(new HistoryEntry(m, OccupancyFixture.NOW.minusSeconds(ago),
                    new JID("crone1@shakespeare.lit/desktop"), m.getBody().length()));
        }
    }

    private List<String> historyBodiesOnEntry(String historyElement) {
        f.send("<presence from='hag66@shakespeare.lit/pda' to='coven@muc.example.test/thirdwitch'>"
                + "<x xmlns='http://jabber.org/protocol/muc'>" + historyElement + "</x></presence>");
        List<Packet> got = f.to("hag66@shakespeare.lit/pda");
        f.skipAll();
        return got.stream().filter(p -> p instanceof Message m && m.getBody() != null)
                .map(p -> ((Message) p).getBody()).toList();
    }

    @Test
    void historyComesAfterTheSelfPresenceStampedFromTheRoomThenTheSubject() {
        said(120, 60);
        room.subject(new Subject("Fire Burn and Cauldron Bubble!", "secondwitch", Instant.parse("2026-11-25T12:00:00Z")));

        f.send("<presence from='hag66@shakespeare.lit/pda' to='coven@muc.example.test/thirdwitch' id='j1'><x xmlns='http://jabber.org/protocol/muc'/></presence>");

        f.expect("<presence from='coven@muc.example.test/thirdwitch' to='hag66@shakespeare.lit/pda' id='j1'>"
                + "<x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='none' role='participant'/><status code='110'/></x></presence>",
                "<message type='groupchat' id='h1' from='coven@muc.example.test/firstwitch' to='hag66@shakespeare.lit/pda'><body>m1</body>"
                + "<delay xmlns='urn:xmpp:delay' from='coven@muc.example.test' stamp='2026-11-25T12:58:00Z'/></message>",
                "<message type='groupchat' id='h2' from='coven@muc.example.test/firstwitch' to='hag66@shakespeare.lit/pda'><body>m2</body>"
                + "<delay xmlns='urn:xmpp:delay' from='coven@muc.example.test' stamp='2026-11-25T12:59:00Z'/></message>",
                "<message type='groupchat' id='{any}' from='coven@muc.example.test/secondwitch' to='hag66@shakespeare.lit/pda'>"
                + "<subject>Fire Burn and Cauldron Bubble!</subject>"
                + "<delay xmlns='urn:xmpp:delay' from='coven@muc.example.test' stamp='2026-11-25T12:00:00Z'/></message>");
        f.expectNothingMore();
    }

    @Test
    void aSubjectSetByTheRoomComesFromTheRoomAndAClearedOneIsEmptyWithDelay() {
        room.subject(new Subject("", "", Instant.parse("2026-11-25T12:00:00Z")));
        f.send("<presence from='hag66@shakespeare.lit/pda' to='coven@muc.example.test/thirdwitch'><x xmlns='http://jabber.org/protocol/muc'/></presence>");
        f.next();
        f.expect("<message type='groupchat' id='{any}' from='coven@muc.example.test' to='hag66@shakespeare.lit/pda'><subject/>"
                + "<delay xmlns='urn:xmpp:delay' from='coven@muc.example.test' stamp='2026-11-25T12:00:00Z'/></message>");
    }

    @Test
    void withoutAHistoryRequestTheRoomsDefaultNumberOfMessagesIsSent() {
        RoomConfig config = room.config().copy();
        config.defaultHistoryMessages = 2;
        room.config(config);
        said(40, 30, 20, 10);
        assertEquals(List.of("m3", "m4"), historyBodiesOnEntry(""));
    }

    @Test
    void maxstanzasLimitsTheNumberOfMessages() {
        said(40, 30, 20, 10);
        assertEquals(List.of("m4"), historyBodiesOnEntry("<history maxstanzas='1'/>"));
    }

    @Test
    void maxcharsZeroMeansNoHistory() {
        said(40, 30);
        assertEquals(List.of(), historyBodiesOnEntry("<history maxchars='0'/>"));
    }

    @Test
    void maxcharsCountsWholeStanzasAsSentAndNeverTruncatesOne() {
        said(40, 30, 20);
        Message replayed = f.handlerReplay().history(room, new JID("hag66@shakespeare.lit/pda"), HistoryRequest.NONE_GIVEN).get(2);
        int oneStanza = replayed.toXML().length();
        assertEquals(List.of("m2", "m3"), historyBodiesOnEntry("<history maxchars='" + (2 * oneStanza + oneStanza / 2) + "'/>"));
        assertEquals(List.of("m3"), historyBodiesOnEntry("<history maxchars='" + oneStanza + "'/>"));
        assertEquals(List.of(), historyBodiesOnEntry("<history maxchars='" + (oneStanza - 1) + "'/>"));
    }

    @Test
    void secondsKeepsOnlyTheMessagesOfTheLastSeconds() {
        said(400, 200, 100);
        assertEquals(List.of("m2", "m3"), historyBodiesOnEntry("<history seconds='200'/>"));
    }

    @Test
    void sinceKeepsOnlyLaterMessagesAndCombinesWithTheOtherLimits() {
        said(400, 200, 100, 50);
        assertEquals(List.of("m3", "m4"), historyBodiesOnEntry("<history since='2026-11-25T12:56:41Z'/>"));
        assertEquals(List.of("m2", "m3", "m4"), historyBodiesOnEntry("<history since='2026-11-25T13:56:40+01:00'/>"));
        assertEquals(List.of("m4"), historyBodiesOnEntry("<history since='1970-01-01T00:00:00Z' maxstanzas='1'/>"));
        assertEquals(List.of("m4"), historyBodiesOnEntry("<history since='1970-01-01T00:00:00Z' seconds='60'/>"));
    }

    @Test
    void unreadableLimitsAreIgnored() {
        said(40, 30);
        assertEquals(List.of("m1", "m2"), historyBodiesOnEntry("<history maxstanzas='lots' maxchars='-5' since='yesterday'/>"));
    }
}
