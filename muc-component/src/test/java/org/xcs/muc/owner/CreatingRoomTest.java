package org.xcs.muc.owner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xcs.common.testing.XmlAssert.assertXmlMatches;
import static org.xcs.muc.owner.OwnerRequests.cancel;
import static org.xcs.muc.owner.OwnerRequests.field;
import static org.xcs.muc.owner.OwnerRequests.getForm;
import static org.xcs.muc.owner.OwnerRequests.instant;
import static org.xcs.muc.owner.OwnerRequests.submit;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xcs.common.stanza.form.Form;
import org.xcs.muc.room.Room;
import org.xcs.muc.room.RoomConfig;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Packet;

/** XEP-0045 §10.1: the owner of a new, locked room accepts the defaults, configures it, or cancels. */
class CreatingRoomTest {
    private static final String ROOM = "coven@muc.example.test";
    private static final String CRONE = "crone1@shakespeare.lit/desktop";
    private final OwnerFixture fixture = new OwnerFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void anEmptySubmitFormUnlocksTheRoomWithTheDefaultConfiguration() {
        Room room = newRoom();
        IQ reply = fixture.ask(instant("create1", CRONE, ROOM));
        assertXmlMatches("<iq type='result' id='create1' from='" + ROOM + "' to='" + CRONE + "'/>", reply);
        assertFalse(room.isLocked());
        assertTrue(ConfigStatusCodes.between(new RoomConfig(), room.config(), false).isEmpty(),
                "an instant room keeps the default configuration");
    }

    @Test
    void theOwnerOfALockedRoomGetsTheConfigurationFormAndTheRoomStaysLocked() {
        Room room = newRoom();
        IQ reply = fixture.ask(getForm("create1", CRONE, ROOM));
        assertEquals(IQ.Type.result, reply.getType());
        Form form = Form.parse(reply.getChildElement().element("x"));
        assertEquals("http://jabber.org/protocol/muc#roomconfig", form.formType().orElseThrow());
        assertEquals("Configuration for \"coven\" Room", form.title().orElseThrow());
        assertTrue(room.isLocked(), "asking for the form does not unlock (§10.1.3 steps 3-6)");
    }

    @Test
    void aSubmittedFormConfiguresAndUnlocksAReservedRoomWithoutNotifications() {
        Room room = newRoom();
        List<Packet> out = fixture.send(submit("create2", CRONE, ROOM,
                field("muc#roomconfig_roomname", "A Dark Cave")
                        + field("muc#roomconfig_roomdesc", "The place for all good witches!")
                        + field("muc#roomconfig_changesubject", "1")
                        + field("muc#roomconfig_maxusers", "10")
                        + field("muc#roomconfig_publicroom", "0")
                        + field("muc#roomconfig_passwordprotectedroom", "1")
                        + field("muc#roomconfig_roomsecret", "cauldronburn")
                        + field("muc#roomconfig_whois", "moderators")
                        + field("muc#maxhistoryfetch", "50")
                        + field("muc#roomconfig_roomadmins", "wiccarocks@shakespeare.lit", "hecate@shakespeare.lit")));
        assertEquals(1, out.size(), "only the result: the initial configuration is no change to announce " + out);
        assertXmlMatches("<iq type='result' id='create2' from='" + ROOM + "' to='" + CRONE + "'/>", out.get(0));
        RoomConfig c = room.config();
        assertFalse(room.isLocked());
        assertEquals("A Dark Cave", c.name);
        assertEquals("The place for all good witches!", c.description);
        assertTrue(c.changeSubject);
        assertEquals(10, c.maxUsers);
        assertFalse(c.publicRoom);
        assertTrue(c.passwordProtected);
        assertEquals("cauldronburn", c.password);
        assertEquals(RoomConfig.Whois.MODERATORS, c.whois);
        assertEquals(50, c.historyLength);
        assertEquals(List.of(new JID("wiccarocks@shakespeare.lit"), new JID("hecate@shakespeare.lit")),
                room.withAffiliation(org.xcs.muc.room.Affiliation.ADMIN));
    }

    @Test
    void aPasswordProtectedRoomWithABlankPasswordIsNotAcceptableAndStaysLocked() {
        Room room = newRoom();
        IQ reply = fixture.ask(submit("create2", CRONE, ROOM,
                field("muc#roomconfig_roomname", "A Dark Cave")
                        + field("muc#roomconfig_passwordprotectedroom", "1")));
        assertEquals("not-acceptable", reply.getError().getCondition().toXMPP());
        assertEquals("modify", reply.getError().getType().toXMPP());
        assertTrue(room.isLocked());
        assertEquals("", room.config().name, "nothing of a refused form is applied");
    }

    @Test
    void cancellingTheInitialConfigurationDestroysTheRoom() {
        Room room = newRoom();
        fixture.enter(room, "firstwitch", CRONE);
        List<Packet> out = fixture.send(cancel("create2", CRONE, ROOM));
        assertEquals(2, out.size(), out.toString());
        // §10.1.3: "making sure to send unavailable presence to the room owner" (as in §10.9).
        assertXmlMatches("<presence type='unavailable' from='" + ROOM + "/firstwitch' to='" + CRONE + "'>"
                + "<x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='none' role='none'/>"
                + "<status code='110'/><destroy/></x></presence>", out.get(0));
        assertXmlMatches("<iq type='result' id='create2' from='" + ROOM + "' to='" + CRONE + "'/>", out.get(1));
        assertTrue(fixture.rooms.get(room.jid()).isEmpty(), "the room is gone");
    }

    @Test
    void onlyTheOwnerMayConfigureTheNewRoom() {
        Room room = newRoom();
        IQ reply = fixture.ask(instant("create1", "hag66@shakespeare.lit/pda", ROOM));
        assertEquals("forbidden", reply.getError().getCondition().toXMPP());
        assertEquals("auth", reply.getError().getType().toXMPP());
        assertTrue(room.isLocked());
    }

    private Room newRoom() {
        return fixture.room("coven", "crone1@shakespeare.lit", true);
    }
}
