package org.xcs.muc.owner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xcs.common.testing.XmlAssert.assertXmlMatches;
import static org.xcs.muc.owner.OwnerRequests.cancel;
import static org.xcs.muc.owner.OwnerRequests.field;
import static org.xcs.muc.owner.OwnerRequests.getForm;
import static org.xcs.muc.owner.OwnerRequests.submit;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xcs.muc.room.Affiliation;
import org.xcs.muc.room.Occupant;
import org.xcs.muc.room.Role;
import org.xcs.muc.room.Room;
import org.xcs.muc.room.RoomConfig;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Packet;

/** XEP-0045 §10.2: an owner reconfigures a room that is in use; occupants are told (§10.2.1). */
class SubsequentConfigurationTest {
    private static final String ROOM = "coven@muc.example.test";
    private static final String CRONE = "crone1@shakespeare.lit/desktop";
    private static final String WICCA = "wiccarocks@shakespeare.lit/laptop";
    private static final String HAG = "hag66@shakespeare.lit/pda";
    private final OwnerFixture fixture = new OwnerFixture();
    private final Room room = fixture.room("coven", "crone1@shakespeare.lit", false);

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aNonOwnerIsForbiddenTheFormAndTheSubmission() {
        room.affiliation(new JID(WICCA), Affiliation.ADMIN, null);
        IQ get = fixture.ask(getForm("configures", WICCA, ROOM));
        assertXmlMatches("<iq type='error' id='configures' from='" + ROOM + "' to='" + WICCA + "'>"
                + "<query xmlns='http://jabber.org/protocol/muc#owner'/>"
                + "<error type='auth'><forbidden xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"
                + "<text xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'>{any}</text></error></iq>", get);
        IQ set = fixture.ask(submit("c2", HAG, ROOM, field("muc#roomconfig_roomname", "Mine")));
        assertEquals("forbidden", set.getError().getCondition().toXMPP());
        assertEquals("", room.config().name);
    }

    @Test
    void aServiceAdminMayConfigureAnyRoom() {
        IQ reply = fixture.ask(submit("c1", OwnerFixture.SERVICE_ADMIN + "/console", ROOM,
                field("muc#roomconfig_roomname", "Admin's choice")));
        assertEquals(IQ.Type.result, reply.getType(), reply.toXML());
        assertEquals("Admin's choice", room.config().name);
    }

    @Test
    void aRoomThatDoesNotExistIsItemNotFound() {
        IQ reply = fixture.ask(getForm("c1", CRONE, "nowhere@muc.example.test"));
        assertEquals("item-not-found", reply.getError().getCondition().toXMPP());
    }

    @Test
    void aNonPrivacyChangeSendsStatus104ToEveryOccupantSessionBeforeTheResult() {
        fixture.enter(room, "firstwitch", CRONE);
        fixture.enter(room, "secondwitch", WICCA);
        fixture.enter(room, "secondwitch", "wiccarocks@shakespeare.lit/phone");
        List<Packet> out = fixture.send(submit("c1", CRONE, ROOM, field("muc#roomconfig_roomname", "A Dark Cave")));
        assertEquals(4, out.size(), out.toString());
        for (int i = 0; i < 3; i++) {
            assertXmlMatches("<message type='groupchat' id='{any}' from='" + ROOM + "' to='{any}'>"
                    + "<x xmlns='http://jabber.org/protocol/muc#user'><status code='104'/></x></message>", out.get(i));
        }
        assertEquals(List.of(CRONE, WICCA, "wiccarocks@shakespeare.lit/phone"),
                out.subList(0, 3).stream().map(p -> p.getTo().toString()).toList());
        assertXmlMatches("<iq type='result' id='c1' from='" + ROOM + "' to='" + CRONE + "'/>", out.get(3));
        assertEquals("A Dark Cave", room.config().name);
    }

    @Test
    void loggingAndAnonymityChangesSendTheirPrivacyCodes() {
        fixture.enter(room, "firstwitch", CRONE);
        assertEquals(List.of("170", "172"), codesOfNotification(submit("c1", CRONE, ROOM,
                field("muc#roomconfig_enablelogging", "1") + field("muc#roomconfig_whois", "anyone"))));
        assertEquals(List.of("171", "173"), codesOfNotification(submit("c2", CRONE, ROOM,
                field("muc#roomconfig_enablelogging", "0") + field("muc#roomconfig_whois", "moderators"))));
        assertEquals(List.of("104", "170"), codesOfNotification(submit("c3", CRONE, ROOM,
                field("muc#roomconfig_enablelogging", "true") + field("muc#roomconfig_roomdesc", "new"))));
    }

    @Test
    void resubmittingTheUnchangedFormNotifiesNobody() {
        fixture.enter(room, "firstwitch", CRONE);
        room.affiliation(new JID("hecate@shakespeare.lit"), Affiliation.ADMIN, null);
        IQ reply = fixture.ask(submit("c1", CRONE, ROOM, field("muc#roomconfig_roomname", "")
                + field("muc#roomconfig_maxusers", "none") + field("muc#maxhistoryfetch", "20")
                + field("muc#roomconfig_historylength", "20")
                + field("muc#roomconfig_roomowners", "crone1@shakespeare.lit")
                + field("muc#roomconfig_roomadmins", "hecate@shakespeare.lit")
                + field("muc#roomconfig_presencebroadcast", "moderator", "participant", "visitor")));
        assertEquals(IQ.Type.result, reply.getType(), reply.toXML());
    }

    @Test
    void aBogusValueAnywhereChangesNothing() {
        fixture.enter(room, "firstwitch", CRONE);
        RoomConfig before = room.config();
        IQ notOffered = fixture.ask(submit("c1", CRONE, ROOM, field("muc#roomconfig_roomname", "Renamed")
                + field("muc#roomconfig_persistentroom", "1") + field("muc#roomconfig_whois", "none")));
        assertEquals("not-acceptable", notOffered.getError().getCondition().toXMPP());
        assertTrue(notOffered.getError().getText().contains("muc#roomconfig_whois"), notOffered.toXML());
        IQ notBoolean = fixture.ask(submit("c2", CRONE, ROOM, field("muc#roomconfig_roomname", "Renamed")
                + field("muc#roomconfig_moderatedroom", "yes")));
        assertEquals("bad-request", notBoolean.getError().getCondition().toXMPP());
        assertTrue(notBoolean.getError().getText().contains("muc#roomconfig_moderatedroom"), notBoolean.toXML());
        IQ notANumber = fixture.ask(submit("c3", CRONE, ROOM, field("muc#maxhistoryfetch", "many")));
        assertEquals("bad-request", notANumber.getError().getCondition().toXMPP());
        IQ negative = fixture.ask(submit("c4", CRONE, ROOM, field("muc#roomconfig_defaulthistorymessages", "-1")));
        assertEquals("not-acceptable", negative.getError().getCondition().toXMPP());
        IQ badMax = fixture.ask(submit("c5", CRONE, ROOM, field("muc#roomconfig_maxusers", "lots")));
        assertEquals("not-acceptable", badMax.getError().getCondition().toXMPP());
        IQ badRole = fixture.ask(submit("c6", CRONE, ROOM, field("muc#roomconfig_presencebroadcast", "owner")));
        assertEquals("not-acceptable", badRole.getError().getCondition().toXMPP());
        IQ badJid = fixture.ask(submit("c7", CRONE, ROOM, field("muc#roomconfig_roomadmins", "a b@c")));
        assertEquals("bad-request", badJid.getError().getCondition().toXMPP());
        IQ badUri = fixture.ask(submit("c8", CRONE, ROOM, field("muc#roomconfig_pubsub", "http://x")));
        assertEquals("not-acceptable", badUri.getError().getCondition().toXMPP());
        IQ wrongType = fixture.ask("<iq type='set' id='c9' from='" + CRONE + "' to='" + ROOM + "'>"
                + "<query xmlns='http://jabber.org/protocol/muc#owner'><x xmlns='jabber:x:data' type='submit'>"
                + "<field var='FORM_TYPE'><value>urn:example:other</value></field></x></query></iq>");
        assertEquals("bad-request", wrongType.getError().getCondition().toXMPP());
        assertTrue(room.config() == before, "no refused form replaced the configuration");
        assertFalse(fixture.store.contains(room.jid()), "no refused form made the room persistent");
    }

    @Test
    void cancellingASubsequentConfigurationLeavesTheRoomAsItWas() {
        fixture.enter(room, "firstwitch", CRONE);
        RoomConfig before = room.config();
        IQ reply = fixture.ask(cancel("config2", CRONE, ROOM));
        assertXmlMatches("<iq type='result' id='config2' from='" + ROOM + "' to='" + CRONE + "'/>", reply);
        assertTrue(room.config() == before);
        assertTrue(fixture.rooms.get(room.jid()).isPresent(), "only a new room is destroyed by cancelling");
    }

    @Test
    void becomingMembersOnlyRemovesTheNonMembersWithStatus322() {
        fixture.enter(room, "firstwitch", CRONE);
        room.affiliation(new JID(WICCA), Affiliation.MEMBER, null);
        fixture.enter(room, "secondwitch", WICCA);
        Occupant hag = fixture.enter(room, "thirdwitch", HAG);
        List<Packet> out = fixture.send(submit("c1", CRONE, ROOM, field("muc#roomconfig_membersonly", "1")));
        assertEquals(6, out.size(), out.toString());
        assertXmlMatches("<presence type='unavailable' from='" + ROOM + "/thirdwitch' to='" + HAG + "'>"
                + "<x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='none' role='none'/>"
                + "<status code='110'/><status code='322'/></x></presence>", out.get(0));
        // The owner is a moderator, so it sees the real JID (semi-anonymous room, §7.2.4).
        assertXmlMatches("<presence type='unavailable' from='" + ROOM + "/thirdwitch' to='" + CRONE + "'>"
                + "<x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='none' role='none' jid='" + HAG
                + "'/><status code='322'/></x></presence>", out.get(1));
        assertXmlMatches("<presence type='unavailable' from='" + ROOM + "/thirdwitch' to='" + WICCA + "'>"
                + "<x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='none' role='none'/>"
                + "<status code='322'/></x></presence>", out.get(2));
        assertEquals(List.of(CRONE, WICCA), out.subList(3, 5).stream().map(p -> p.getTo().toString()).toList());
        assertXmlMatches("<message type='groupchat' id='{any}' from='" + ROOM + "' to='" + CRONE + "'>"
                + "<x xmlns='http://jabber.org/protocol/muc#user'><status code='104'/></x></message>", out.get(3));
        assertEquals(IQ.Type.result, ((IQ) out.get(5)).getType());
        assertFalse(room.occupants().contains(hag));
        assertTrue(room.occupantByRealJid(new JID(HAG)).isEmpty());
        assertEquals(2, room.occupantCount());
    }

    @Test
    void theOwnerListIsReplacedAndNewOwnersInTheRoomAreReannounced() {
        fixture.enter(room, "firstwitch", CRONE);
        fixture.enter(room, "secondwitch", WICCA);
        List<Packet> out = fixture.send(submit("c1", CRONE, ROOM,
                field("muc#roomconfig_roomowners", "crone1@shakespeare.lit", "wiccarocks@shakespeare.lit/laptop")));
        assertEquals(5, out.size(), out.toString());
        assertXmlMatches("<presence from='" + ROOM + "/secondwitch' to='" + CRONE + "'>"
                + "<x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='owner' role='moderator' jid='"
                + WICCA + "'/></x></presence>", out.get(0));
        assertXmlMatches("<presence from='" + ROOM + "/secondwitch' to='" + WICCA + "'>"
                + "<x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='owner' role='moderator' jid='"
                + WICCA + "'/><status code='110'/></x></presence>", out.get(1));
        assertEquals(Affiliation.OWNER, room.affiliation(new JID(WICCA)), "affiliations are by bare JID");
        assertEquals(Role.MODERATOR, room.occupant("secondwitch").orElseThrow().role());
    }

    @Test
    void removingTheLastOwnerIsAConflictAndChangesNothing() {
        IQ empty = fixture.ask(submit("c1", CRONE, ROOM, field("muc#roomconfig_roomowners")
                + field("muc#roomconfig_roomname", "Ownerless")));
        assertEquals("conflict", empty.getError().getCondition().toXMPP());
        assertEquals(Affiliation.OWNER, room.affiliation(new JID(CRONE)));
        assertEquals("", room.config().name);
    }

    @Test
    void anOwnerMayStepDownWhenAnotherOwnerRemainsAndBecomesAdmin() {
        room.affiliation(new JID("hecate@shakespeare.lit"), Affiliation.OWNER, null);
        fixture.enter(room, "firstwitch", CRONE);
        List<Packet> out = fixture.send(submit("c1", CRONE, ROOM,
                field("muc#roomconfig_roomowners", "hecate@shakespeare.lit")));
        // §10.2 "Service Notes Loss of Owner Affiliation": admin, moderator.
        assertXmlMatches("<presence from='" + ROOM + "/firstwitch' to='" + CRONE + "'>"
                + "<x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='admin' role='moderator' jid='"
                + CRONE + "'/><status code='110'/></x></presence>", out.get(0));
        assertEquals(Affiliation.ADMIN, room.affiliation(new JID(CRONE)));
        assertEquals(Affiliation.OWNER, room.affiliation(new JID("hecate@shakespeare.lit")));
        IQ after = fixture.ask(getForm("c2", CRONE, ROOM));
        assertEquals("forbidden", after.getError().getCondition().toXMPP(), "an admin is no owner");
    }

    @Test
    void theAdminListIsReplacedAndAnOmittedAdminBecomesMember() {
        room.affiliation(new JID(WICCA), Affiliation.ADMIN, null);
        fixture.enter(room, "firstwitch", CRONE);
        fixture.enter(room, "secondwitch", WICCA);
        List<Packet> out = fixture.send(submit("c1", CRONE, ROOM,
                field("muc#roomconfig_roomadmins", "hecate@shakespeare.lit")));
        // §10.2 "Service Notes Loss of Admin Affiliation": member, participant; seen by the owner with the JID.
        assertXmlMatches("<presence from='" + ROOM + "/secondwitch' to='" + CRONE + "'>"
                + "<x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='member' role='participant' jid='"
                + WICCA + "'/></x></presence>", out.get(0));
        assertXmlMatches("<presence from='" + ROOM + "/secondwitch' to='" + WICCA + "'>"
                + "<x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='member' role='participant'/>"
                + "<status code='110'/></x></presence>", out.get(1));
        assertEquals(Affiliation.MEMBER, room.affiliation(new JID(WICCA)));
        assertEquals(Affiliation.ADMIN, room.affiliation(new JID("hecate@shakespeare.lit")));
    }

    @Test
    void becomingPersistentStoresTheRoomBeforeTheResultAndTemporaryDropsIt() {
        fixture.enter(room, "firstwitch", CRONE);
        fixture.send(submit("c1", CRONE, ROOM, field("muc#roomconfig_persistentroom", "1")));
        assertTrue(fixture.store.contains(room.jid()));
        fixture.send(submit("c2", CRONE, ROOM, field("muc#roomconfig_roomname", "Saved")));
        assertEquals("Saved", fixture.store.loadAll().iterator().next().config().name);
        fixture.send(submit("c3", CRONE, ROOM, field("muc#roomconfig_persistentroom", "0")));
        assertFalse(fixture.store.contains(room.jid()));
        assertTrue(fixture.rooms.get(room.jid()).isPresent(), "a temporary room lives while occupied");
    }

    @Test
    void anEmptyRoomThatStopsBeingPersistentGoesAway() {
        RoomConfig persistent = room.config().copy();
        persistent.persistentRoom = true;
        room.config(persistent);
        fixture.rooms.changed(room);
        IQ reply = fixture.ask(submit("c1", CRONE, ROOM, field("muc#roomconfig_persistentroom", "0")));
        assertEquals(IQ.Type.result, reply.getType());
        assertFalse(fixture.store.contains(room.jid()));
        assertTrue(fixture.rooms.get(room.jid()).isEmpty());
    }

    @Test
    void maxUsersTakesAnyLimitAndNoneAndLoweringItRemovesNobody() {
        fixture.enter(room, "firstwitch", CRONE);
        fixture.enter(room, "secondwitch", WICCA);
        fixture.enter(room, "thirdwitch", HAG);
        fixture.send(submit("c1", CRONE, ROOM, field("muc#roomconfig_maxusers", "2")));
        assertEquals(2, room.config().maxUsers);
        assertEquals(3, room.occupantCount());
        fixture.send(submit("c2", CRONE, ROOM, field("muc#roomconfig_maxusers", "none")));
        assertEquals(0, room.config().maxUsers);
    }

    @Test
    void passwordHistoryRolesAndTheRestAreApplied() {
        IQ reply = fixture.ask(submit("c1", CRONE, ROOM,
                field("muc#roomconfig_roomsecret", "cauldronburn")
                        + field("muc#maxhistoryfetch", "20") + field("muc#roomconfig_historylength", "500")
                        + field("muc#roomconfig_defaulthistorymessages", "10")
                        + field("muc#roomconfig_getmemberlist", "moderator")
                        + field("muc#roomconfig_presencebroadcast")
                        + field("muc#roomconfig_allowpm", "moderators")
                        + field("muc#roomconfig_lang", "en-GB")
                        + field("muc#roomconfig_allowinvites", "1")
                        + field("muc#roomconfig_allowvoicerequests", "0")
                        + field("muc#roomconfig_moderatedroom", "1")
                        + field("muc#roomconfig_contactjid", "crone1@shakespeare.lit")
                        + field("muc#roomconfig_pubsub", "xmpp:pubsub.shakespeare.lit?;node=coven")));
        assertEquals(IQ.Type.result, reply.getType(), reply.toXML());
        RoomConfig c = room.config();
        assertTrue(c.passwordProtected, "a secret alone protects the room (Prosody-style clients)");
        assertEquals("cauldronburn", c.password);
        assertEquals(OwnerFixture.MAX_HISTORY, c.historyLength, "the changed length wins, capped by the service");
        assertEquals(OwnerFixture.MAX_HISTORY, room.history().capacity());
        assertEquals(10, c.defaultHistoryMessages);
        assertEquals(EnumSet.of(Role.MODERATOR), c.getMemberListRoles);
        assertTrue(c.presenceBroadcast.isEmpty());
        assertEquals(RoomConfig.AllowPm.MODERATORS, c.allowPm);
        assertEquals("en-GB", c.lang);
        assertTrue(c.allowInvites);
        assertFalse(c.allowVoiceRequests);
        assertTrue(c.moderatedRoom);
        assertEquals(List.of("crone1@shakespeare.lit"), c.contactJids);
        assertEquals("xmpp:pubsub.shakespeare.lit?;node=coven", c.pubsub);

        fixture.ask(submit("c2", CRONE, ROOM, field("muc#roomconfig_passwordprotectedroom", "0")
                + field("muc#roomconfig_getmemberlist")));
        assertFalse(room.config().passwordProtected);
        assertTrue(room.config().getMemberListRoles.isEmpty(), "an empty list-multi leaves no role that may");
    }

    private List<String> codesOfNotification(String request) {
        List<Packet> out = fixture.send(request);
        assertEquals(2, out.size(), out.toString());
        assertEquals(IQ.Type.result, ((IQ) out.get(1)).getType());
        return out.get(0).getElement().element("x").elements("status").stream()
                .map(s -> s.attributeValue("code")).toList();
    }
}
