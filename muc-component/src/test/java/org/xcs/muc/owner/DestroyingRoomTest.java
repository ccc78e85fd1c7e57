package org.xcs.muc.owner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xcs.common.testing.XmlAssert.assertXmlMatches;
import static org.xcs.muc.owner.OwnerRequests.destroy;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xcs.muc.room.Affiliation;
import org.xcs.muc.room.Room;
import org.xcs.muc.room.RoomConfig;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Packet;

/** XEP-0045 §10.9: the owner destroys a room; each occupant is told once, with the reason and the new venue. */
class DestroyingRoomTest {
    private static final String ROOM = "heath@muc.example.test";
    private static final String CRONE = "crone1@shakespeare.lit/desktop";
    private static final String WICCA = "wiccarocks@shakespeare.lit/laptop";
    private static final String HAG = "hag66@shakespeare.lit/pda";
    private static final String DESTROY = "<destroy jid='coven@muc.example.test'><reason>Macbeth doth come.</reason>"
            + "</destroy>";
    private final OwnerFixture fixture = new OwnerFixture();
    private final Room room = fixture.room("heath", "crone1@shakespeare.lit", false);

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void everyOccupantGetsOneUnavailablePresenceWithTheDestroyThenTheOwnerTheResult() {
        room.affiliation(new JID(WICCA), Affiliation.ADMIN, null);
        fixture.enter(room, "firstwitch", CRONE);
        fixture.enter(room, "secondwitch", WICCA);
        fixture.enter(room, "thirdwitch", HAG);
        List<Packet> out = fixture.send(destroy("begone", CRONE, ROOM, DESTROY));
        assertEquals(4, out.size(), out.toString());
        String[][] expected = {{"firstwitch", CRONE}, {"secondwitch", WICCA}, {"thirdwitch", HAG}};
        for (int i = 0; i < expected.length; i++) {
            assertXmlMatches("<presence type='unavailable' from='" + ROOM + "/" + expected[i][0] + "' to='"
                    + expected[i][1] + "'><x xmlns='http://jabber.org/protocol/muc#user'>"
                    + "<item affiliation='none' role='none'/><status code='110'/>"
                    + "<destroy jid='coven@muc.example.test'><reason>Macbeth doth come.</reason></destroy>"
                    + "</x></presence>", out.get(i));
        }
        assertXmlMatches("<iq type='result' id='begone' from='" + ROOM + "' to='" + CRONE + "'/>", out.get(3));
        assertTrue(fixture.rooms.get(room.jid()).isEmpty(), "the room is gone");
        assertTrue(room.isEmpty());
    }

    @Test
    void aPersistentRoomIsDeletedFromTheStore() {
        RoomConfig persistent = room.config().copy();
        persistent.persistentRoom = true;
        room.config(persistent);
        fixture.rooms.changed(room);
        assertTrue(fixture.store.contains(room.jid()));
        IQ reply = fixture.ask(destroy("begone", CRONE, ROOM, "<destroy/>"));
        assertEquals(IQ.Type.result, reply.getType());
        assertFalse(fixture.store.contains(room.jid()));
        assertTrue(fixture.rooms.get(room.jid()).isEmpty());
    }

    @Test
    void everySessionOfAnOccupantIsTold() {
        fixture.enter(room, "secondwitch", WICCA);
        fixture.enter(room, "secondwitch", "wiccarocks@shakespeare.lit/phone");
        List<Packet> out = fixture.send(destroy("begone", CRONE, ROOM, "<destroy/>"));
        assertEquals(List.of(WICCA, "wiccarocks@shakespeare.lit/phone", CRONE),
                out.stream().map(p -> p.getTo().toString()).toList());
        assertXmlMatches("<presence type='unavailable' from='" + ROOM + "/secondwitch' to='" + WICCA + "'>"
                + "<x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='none' role='none'/>"
                + "<status code='110'/><destroy/></x></presence>", out.get(0));
    }

    @Test
    void theAlternateVenuePasswordIsPassedOn() {
        fixture.enter(room, "thirdwitch", HAG);
        List<Packet> out = fixture.send(destroy("begone", CRONE, ROOM, "<destroy jid='coven@muc.example.test'>"
                + "<password>cauldronburn</password><reason>Moving</reason></destroy>"));
        assertXmlMatches("<presence type='unavailable' from='" + ROOM + "/thirdwitch' to='" + HAG + "'>"
                + "<x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='none' role='none'/>"
                + "<status code='110'/><destroy jid='coven@muc.example.test'><password>cauldronburn</password>"
                + "<reason>Moving</reason></destroy></x></presence>", out.get(0));
    }

    @Test
    void aNonOwnerIsForbiddenAndTheRoomStays() {
        room.affiliation(new JID(WICCA), Affiliation.ADMIN, null);
        fixture.enter(room, "secondwitch", WICCA);
        IQ reply = fixture.ask(destroy("destroytest", WICCA, ROOM, DESTROY));
        assertXmlMatches("<iq type='error' id='destroytest' from='" + ROOM + "' to='" + WICCA + "'>"
                + "<query xmlns='http://jabber.org/protocol/muc#owner'>" + DESTROY + "</query>"
                + "<error type='auth'><forbidden xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"
                + "<text xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'>{any}</text></error></iq>", reply);
        assertTrue(fixture.rooms.get(room.jid()).isPresent());
        assertEquals(1, room.occupantCount());
    }

    @Test
    void aServiceAdminMayDestroyAnyRoom() {
        IQ reply = fixture.ask(destroy("begone", OwnerFixture.SERVICE_ADMIN + "/console", ROOM, "<destroy/>"));
        assertEquals(IQ.Type.result, reply.getType());
        assertTrue(fixture.rooms.get(room.jid()).isEmpty());
    }

    @Test
    void aMalformedRequestIsABadRequestAndChangesNothing() {
        IQ both = fixture.ask(destroy("b1", CRONE, ROOM, "<destroy/><x xmlns='jabber:x:data' type='submit'/>"));
        assertEquals("bad-request", both.getError().getCondition().toXMPP());
        IQ empty = fixture.ask(destroy("b2", CRONE, ROOM, ""));
        assertEquals("bad-request", empty.getError().getCondition().toXMPP());
        IQ badVenue = fixture.ask(destroy("b3", CRONE, ROOM, "<destroy jid='a b@c'/>"));
        assertEquals("jid-malformed", badVenue.getError().getCondition().toXMPP());
        assertTrue(fixture.rooms.get(room.jid()).isPresent());
    }

    @Test
    void ownerQueriesToTheServiceOrAnOccupantAreNotForARoom() {
        IQ service = fixture.ask(destroy("s1", CRONE, "muc.example.test", "<destroy/>"));
        assertEquals("service-unavailable", service.getError().getCondition().toXMPP());
        IQ occupant = fixture.ask(destroy("s2", CRONE, ROOM + "/firstwitch", "<destroy/>"));
        assertEquals("service-unavailable", occupant.getError().getCondition().toXMPP());
        assertTrue(fixture.rooms.get(room.jid()).isPresent());
    }
}
