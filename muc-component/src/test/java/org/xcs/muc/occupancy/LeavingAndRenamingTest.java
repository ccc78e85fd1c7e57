package org.xcs.muc.occupancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.xcs.muc.room.Affiliation;
import org.xcs.muc.room.Room;
import org.xcs.muc.room.RoomConfig;
import org.xmpp.packet.JID;

/** XEP-0045 §7.6 (changing nickname), §7.14 (exiting a room) and §11.1 (removal after an error). */
class LeavingAndRenamingTest {
    private final OccupancyFixture f = new OccupancyFixture();
    private final Room room = f.room("coven");

    LeavingAndRenamingTest() {
        room.affiliation(new JID("crone1@shakespeare.lit"), Affiliation.OWNER, null);
        room.affiliation(new JID("hag66@shakespeare.lit"), Affiliation.MEMBER, null);
        f.enter("crone1@shakespeare.lit/desktop", "coven@muc.example.test/firstwitch");
        f.enter("hag66@shakespeare.lit/pda", "coven@muc.example.test/thirdwitch");
    }

    @Test
    void nickChangeSendsUnavailableWith303AndTheNewNickThenTheNewPresence() {
        f.send("<presence from='hag66@shakespeare.lit/pda' id='ifd1c35' to='coven@muc.example.test/oldhag'/>");

        f.expect("<presence type='unavailable' from='coven@muc.example.test/thirdwitch' to='crone1@shakespeare.lit/desktop'>"
                + "<x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='member' role='participant' jid='hag66@shakespeare.lit/pda' nick='oldhag'/>"
                + "<status code='303'/></x></presence>",
                "<presence type='unavailable' from='coven@muc.example.test/thirdwitch' to='hag66@shakespeare.lit/pda'>"
                + "<x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='member' role='participant' nick='oldhag'/>"
                + "<status code='110'/><status code='303'/></x></presence>",
                "<presence from='coven@muc.example.test/oldhag' to='crone1@shakespeare.lit/desktop'>"
                + "<x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='member' role='participant' jid='hag66@shakespeare.lit/pda'/></x></presence>",
                "<presence from='coven@muc.example.test/oldhag' to='hag66@shakespeare.lit/pda' id='ifd1c35'>"
                + "<x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='member' role='participant'/><status code='110'/></x></presence>");
        f.expectNothingMore();
        assertTrue(room.occupant("thirdwitch").isEmpty());
        assertEquals(new JID("hag66@shakespeare.lit"), room.occupant("oldhag").orElseThrow().bareJid());
        assertEquals("oldhag", room.occupantByRealJid(new JID("hag66@shakespeare.lit/pda")).orElseThrow().nick());
    }

    @Test
    void nickChangedByResourceprepCarries210ToTheActingSession() {
        f.sendUnprepared("<presence from='hag66@shakespeare.lit/pda' id='nx6z2v5' to='coven@muc.example.test/\uFB00'/>");
        f.next();
        f.next();
        f.next();
        f.expect("<presence from='coven@muc.example.test/ff' to='hag66@shakespeare.lit/pda' id='nx6z2v5'>"
                + "<x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='member' role='participant'/>"
                + "<status code='110'/><status code='210'/></x></presence>");
    }

    @Test
    void nickChangeToANickInUseOrReservedByAnotherIsConflictAndChangesNothing() {
        f.send("<presence from='hag66@shakespeare.lit/pda' id='ifd1c35' to='coven@muc.example.test/firstwitch'/>");
        f.expectRefusal("coven@muc.example.test/firstwitch", "hag66@shakespeare.lit/pda", "conflict", "cancel");
        room.registerNick(new JID("crone1@shakespeare.lit"), "boss");
        f.send("<presence from='hag66@shakespeare.lit/pda' id='ifd1c36' to='coven@muc.example.test/boss'/>");
        f.expectRefusal("coven@muc.example.test/boss", "hag66@shakespeare.lit/pda", "conflict", "cancel");
        f.expectNothingMore();
        assertTrue(room.occupant("thirdwitch").isPresent());
    }

    @Test
    void nickChangeOfAMultiSessionOccupantMovesEverySession() {
        f.enter("hag66@shakespeare.lit/phone", "coven@muc.example.test/thirdwitch");
        f.send("<presence from='hag66@shakespeare.lit/pda' to='coven@muc.example.test/oldhag'/>");
        assertEquals(2, room.occupant("oldhag").orElseThrow().sessions().size());
        assertEquals(2, f.to("hag66@shakespeare.lit/phone").size(), "303 then the new presence, as self-presence");
        assertEquals("oldhag", room.occupantByRealJid(new JID("hag66@shakespeare.lit/phone")).orElseThrow().nick());
    }

    @Test
    void exitIsBroadcastAsUnavailableWithRoleNoneAndTheExitMessage() {
        f.send("<presence type='unavailable' from='hag66@shakespeare.lit/pda' to='coven@muc.example.test/thirdwitch'>"
                + "<status>gone where the goblins go</status></presence>");

        f.expect("<presence type='unavailable' from='coven@muc.example.test/thirdwitch' to='crone1@shakespeare.lit/desktop'>"
                + "<status>gone where the goblins go</status><x xmlns='http://jabber.org/protocol/muc#user'>"
                + "<item affiliation='member' role='none' jid='hag66@shakespeare.lit/pda'/></x></presence>",
                "<presence type='unavailable' from='coven@muc.example.test/thirdwitch' to='hag66@shakespeare.lit/pda'>"
                + "<status>gone where the goblins go</status><x xmlns='http://jabber.org/protocol/muc#user'>"
                + "<item affiliation='member' role='none'/><status code='110'/></x></presence>");
        f.expectNothingMore();
        assertTrue(room.occupant("thirdwitch").isEmpty());
        assertTrue(room.occupantByRealJid(new JID("hag66@shakespeare.lit/pda")).isEmpty());
    }

    @Test
    void temporaryRoomGoesWithItsLastOccupant() {
        f.send("<presence type='unavailable' from='hag66@shakespeare.lit/pda' to='coven@muc.example.test/thirdwitch'/>");
        assertTrue(f.rooms.get(room.jid()).isPresent());
        f.send("<presence type='unavailable' from='crone1@shakespeare.lit/desktop' to='coven@muc.example.test/firstwitch'/>");
        assertTrue(f.rooms.get(room.jid()).isEmpty());
    }

    @Test
    void persistentRoomStaysWhenEmpty() {
        RoomConfig config = room.config().copy();
        config.persistentRoom = true;
        room.config(config);
        f.rooms.changed(room);
        f.send("<presence type='unavailable' from='hag66@shakespeare.lit/pda' to='coven@muc.example.test/thirdwitch'/>");
        f.send("<presence type='unavailable' from='crone1@shakespeare.lit/desktop' to='coven@muc.example.test/firstwitch'/>");
        assertTrue(f.rooms.get(room.jid()).isPresent());
        assertEquals(1, f.store.loadAll().size());
    }

    @Test
    void lockedRoomWhoseCreatorLeavesIsGone() {
        f.send("<presence from='someone@shakespeare.lit/x' to='newroom@muc.example.test/me'><x xmlns='http://jabber.org/protocol/muc'/></presence>");
        assertTrue(f.rooms.get(new JID("newroom@muc.example.test")).orElseThrow().isLocked());
        f.send("<presence type='unavailable' from='someone@shakespeare.lit/x' to='newroom@muc.example.test/me'/>");
        assertTrue(f.rooms.get(new JID("newroom@muc.example.test")).isEmpty());
    }

    @Test
    void errorPresenceFromAnOccupantRemovesItWith333WhateverNickItCameBackFrom() {
        f.send("<presence type='error' from='hag66@shakespeare.lit/pda' to='coven@muc.example.test/firstwitch'>"
                + "<error type='cancel'><remote-server-not-found xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></presence>");

        f.expect("<presence type='unavailable' from='coven@muc.example.test/thirdwitch' to='crone1@shakespeare.lit/desktop'>"
                + "<x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='member' role='none' jid='hag66@shakespeare.lit/pda'/>"
                + "<status code='333'/></x></presence>",
                "<presence type='unavailable' from='coven@muc.example.test/thirdwitch' to='hag66@shakespeare.lit/pda'>"
                + "<x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='member' role='none'/>"
                + "<status code='110'/><status code='333'/></x></presence>");
        f.expectNothingMore();
        assertTrue(room.occupant("thirdwitch").isEmpty());
    }

    @Test
    void errorPresenceFromANonOccupantIsNeverAnswered() {
        f.send("<presence type='error' from='nobody@shakespeare.lit/x' to='coven@muc.example.test/firstwitch'>"
                + "<error type='cancel'><gone xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></presence>");
        f.send("<presence type='error' from='nobody@shakespeare.lit/x' to='nowhere@muc.example.test/y'/>");
        f.expectNothingMore();
        assertEquals(2, room.occupantCount());
    }
}
