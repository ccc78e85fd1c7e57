package org.xcs.muc.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xcs.common.testing.XmlAssert.assertXmlMatches;
import static org.xcs.muc.admin.AdminRoomFixture.to;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xcs.muc.room.Affiliation;
import org.xcs.muc.room.Occupant;
import org.xcs.muc.room.Role;
import org.xmpp.packet.Packet;

/** XEP-0045 §8.2-§8.5: kick, grant and revoke voice, the voice list. */
class ModeratorUseCasesTest {
    private static final String MUC_USER = "http://jabber.org/protocol/muc#user";

    @Test
    void kickTellsTheKickedOccupantFirstThenAnswersThenTellsTheOthers() {
        AdminRoomFixture f = new AdminRoomFixture();
        f.enter("Fluellen", "fluellen@example.test/pda", Affiliation.OWNER);
        f.enter("pistol", "pistol@example.test/harfleur", Affiliation.NONE);
        f.enter("gower", "gower@example.test/cell", Affiliation.NONE);

        List<Packet> sent = f.send("""
                <iq from='fluellen@example.test/pda' id='kick1' to='coven@muc.example.test' type='set'>
                  <query xmlns='http://jabber.org/protocol/muc#admin'>
                    <item nick='pistol' role='none'><reason>Avaunt, you cullion!</reason></item>
                  </query></iq>""");

        assertEquals(4, sent.size(), sent.toString());
        assertXmlMatches("""
                <presence from='coven@muc.example.test/pistol' to='pistol@example.test/harfleur' type='unavailable'>
                  <x xmlns='%s'>
                    <item affiliation='none' role='none'><actor nick='Fluellen'/><reason>Avaunt, you cullion!</reason></item>
                    <status code='110'/><status code='307'/>
                  </x></presence>""".formatted(MUC_USER), sent.get(0));
        assertXmlMatches("<iq type='result' id='kick1' from='coven@muc.example.test' to='fluellen@example.test/pda'/>",
                sent.get(1));
        // §7.2.4: the moderator sees the real JID, the other participant of a semi-anonymous room does not.
        assertXmlMatches("""
                <presence from='coven@muc.example.test/pistol' to='fluellen@example.test/pda' type='unavailable'>
                  <x xmlns='%s'>
                    <item affiliation='none' role='none' jid='pistol@example.test/harfleur'><actor nick='Fluellen'/><reason>Avaunt, you cullion!</reason></item>
                    <status code='307'/>
                  </x></presence>""".formatted(MUC_USER), sent.get(2));
        assertXmlMatches("""
                <presence from='coven@muc.example.test/pistol' to='gower@example.test/cell' type='unavailable'>
                  <x xmlns='%s'>
                    <item affiliation='none' role='none'><actor nick='Fluellen'/><reason>Avaunt, you cullion!</reason></item>
                    <status code='307'/>
                  </x></presence>""".formatted(MUC_USER), sent.get(3));
        assertTrue(f.room.occupant("pistol").isEmpty());
        assertTrue(f.room.occupantByRealJid(new org.xmpp.packet.JID("pistol@example.test/harfleur")).isEmpty());
    }

    @Test
    void kickReachesEverySessionOfAMultiSessionNick() {
        AdminRoomFixture f = new AdminRoomFixture();
        f.enter("Fluellen", "fluellen@example.test/pda", Affiliation.OWNER);
        Occupant pistol = f.enter("pistol", "pistol@example.test/a", Affiliation.NONE);
        f.room.addSession("pistol", new org.xmpp.packet.JID("pistol@example.test/b"), Role.PARTICIPANT);
        pistol.presence(new org.xmpp.packet.JID("pistol@example.test/b"), new org.xmpp.packet.Presence());

        List<Packet> sent = f.send(kick("fluellen@example.test/pda", "pistol"));

        assertEquals(1, to(sent, "pistol@example.test/a").size());
        assertEquals(1, to(sent, "pistol@example.test/b").size());
        assertTrue(f.room.occupantByRealJid(new org.xmpp.packet.JID("pistol@example.test/b")).isEmpty());
    }

    @Test
    void aModeratorCannotKickSomeoneOfAHigherAffiliation() {
        AdminRoomFixture f = new AdminRoomFixture();
        f.enter("crone", "crone@example.test/desktop", Affiliation.OWNER);
        f.enter("second", "second@example.test/laptop", Affiliation.ADMIN);
        Occupant member = f.enter("third", "third@example.test/pda", Affiliation.MEMBER);
        member.role(Role.MODERATOR);

        assertError(f.send(kick("third@example.test/pda", "second")), "not-allowed", "cancel");
        assertError(f.send(kick("second@example.test/laptop", "crone")), "not-allowed", "cancel");
        assertEquals(3, f.room.occupantCount());
    }

    @Test
    void anOwnerMayKickAnAdmin() {
        AdminRoomFixture f = new AdminRoomFixture();
        f.enter("crone", "crone@example.test/desktop", Affiliation.OWNER);
        f.enter("second", "second@example.test/laptop", Affiliation.ADMIN);

        List<Packet> sent = f.send(kick("crone@example.test/desktop", "second"));

        assertEquals("result", to(sent, "crone@example.test/desktop").stream()
                .filter(p -> p instanceof org.xmpp.packet.IQ).findFirst().orElseThrow()
                .getElement().attributeValue("type"));
        assertTrue(f.room.occupant("second").isEmpty());
    }

    @Test
    void kickingOneselfIsAConflict() {
        AdminRoomFixture f = new AdminRoomFixture();
        f.enter("crone", "crone@example.test/desktop", Affiliation.OWNER);
        assertError(f.send(kick("crone@example.test/desktop", "crone")), "conflict", "cancel");
        assertEquals(1, f.room.occupantCount());
    }

    @Test
    void aParticipantCannotKickAndAnUnknownNickIsItemNotFound() {
        AdminRoomFixture f = new AdminRoomFixture();
        f.enter("crone", "crone@example.test/desktop", Affiliation.OWNER);
        f.enter("hag", "hag@example.test/pda", Affiliation.NONE);
        f.enter("other", "other@example.test/pda", Affiliation.MEMBER);

        assertError(f.send(kick("hag@example.test/pda", "other")), "forbidden", "auth");
        assertError(f.send(kick("crone@example.test/desktop", "nobody")), "item-not-found", "cancel");
        assertError(f.send(kick("stranger@example.test/x", "hag")), "forbidden", "auth");
        assertEquals(3, f.room.occupantCount());
    }

    @Test
    void anUnaffiliatedModeratorCannotKickAnotherModerator() {
        AdminRoomFixture f = new AdminRoomFixture();
        f.enter("a", "a@example.test/r", Affiliation.NONE).role(Role.MODERATOR);
        f.enter("b", "b@example.test/r", Affiliation.NONE).role(Role.MODERATOR);
        assertError(f.send(kick("a@example.test/r", "b")), "not-allowed", "cancel");
    }

    @Test
    void grantingVoiceAnswersThenSendsTheNewRoleToEveryone() {
        AdminRoomFixture f = new AdminRoomFixture(c -> c.moderatedRoom = true);
        f.enter("crone", "crone@example.test/desktop", Affiliation.OWNER);
        f.enter("thirdwitch", "hag66@example.test/pda", Affiliation.NONE);
        assertEquals(Role.VISITOR, f.room.occupant("thirdwitch").orElseThrow().role());

        List<Packet> sent = f.send("""
                <iq from='crone@example.test/desktop' id='voice1' to='coven@muc.example.test' type='set'>
                  <query xmlns='http://jabber.org/protocol/muc#admin'>
                    <item nick='thirdwitch' role='participant'><reason>A worthy witch indeed!</reason></item>
                  </query></iq>""");

        assertEquals(3, sent.size(), sent.toString());
        assertXmlMatches("<iq type='result' id='voice1' from='coven@muc.example.test' to='crone@example.test/desktop'/>",
                sent.get(0));
        assertXmlMatches("""
                <presence from='coven@muc.example.test/thirdwitch' to='crone@example.test/desktop'>
                  <show>away</show>
                  <x xmlns='%s'>
                    <item affiliation='none' role='participant' jid='hag66@example.test/pda'><reason>A worthy witch indeed!</reason></item>
                  </x></presence>""".formatted(MUC_USER), sent.get(1));
        assertXmlMatches("""
                <presence from='coven@muc.example.test/thirdwitch' to='hag66@example.test/pda'>
                  <show>away</show>
                  <x xmlns='%s'>
                    <item affiliation='none' role='participant'><reason>A worthy witch indeed!</reason></item>
                    <status code='110'/>
                  </x></presence>""".formatted(MUC_USER), sent.get(2));
        assertEquals(Role.PARTICIPANT, f.room.occupant("thirdwitch").orElseThrow().role());
    }

    @Test
    void revokingVoiceMakesAParticipantAVisitor() {
        AdminRoomFixture f = new AdminRoomFixture();
        f.enter("crone", "crone@example.test/desktop", Affiliation.OWNER);
        f.enter("thirdwitch", "hag66@example.test/pda", Affiliation.MEMBER);

        List<Packet> sent = f.send(role("crone@example.test/desktop", "thirdwitch", "visitor"));

        assertEquals(Role.VISITOR, f.room.occupant("thirdwitch").orElseThrow().role());
        assertXmlMatches("""
                <presence from='coven@muc.example.test/thirdwitch' to='hag66@example.test/pda'>
                  <show>away</show>
                  <x xmlns='%s'><item affiliation='member' role='visitor'/><status code='110'/></x></presence>"""
                .formatted(MUC_USER), to(sent, "hag66@example.test/pda").get(0));
    }

    @Test
    void nobodyRevokesVoiceFromAnAdminOrOwnerAndAModeratorNotFromAHigherAffiliation() {
        AdminRoomFixture f = new AdminRoomFixture(c -> c.moderatedRoom = true);
        f.enter("one", "one@example.test/r", Affiliation.OWNER);
        f.enter("admin", "admin@example.test/r", Affiliation.ADMIN);
        f.enter("two", "two@example.test/r", Affiliation.NONE).role(Role.MODERATOR);
        f.enter("member", "member@example.test/r", Affiliation.MEMBER);

        assertError(f.send(role("two@example.test/r", "one", "visitor")), "not-allowed", "cancel");
        assertError(f.send(role("one@example.test/r", "admin", "visitor")), "not-allowed", "cancel");
        assertError(f.send(role("one@example.test/r", "admin", "participant")), "not-allowed", "cancel");
        assertError(f.send(role("two@example.test/r", "member", "visitor")), "not-allowed", "cancel");
        assertEquals(Role.MODERATOR, f.room.occupant("admin").orElseThrow().role());
        assertEquals(Role.PARTICIPANT, f.room.occupant("member").orElseThrow().role());
    }

    @Test
    void aVoiceListEditIsAppliedWhollyOrNotAtAll() {
        AdminRoomFixture f = new AdminRoomFixture(c -> c.moderatedRoom = true);
        f.enter("bard", "bard@example.test/globe", Affiliation.ADMIN);
        f.enter("Hecate", "hecate@example.test/broom", Affiliation.MEMBER);
        f.enter("rosencrantz", "rosencrantz@example.test/r", Affiliation.NONE);
        f.enter("owner", "owner@example.test/r", Affiliation.OWNER);

        assertError(f.send("""
                <iq from='bard@example.test/globe' id='voice4' to='coven@muc.example.test' type='set'>
                  <query xmlns='http://jabber.org/protocol/muc#admin'>
                    <item nick='Hecate' role='visitor'/>
                    <item nick='rosencrantz' role='participant'/>
                    <item nick='owner' role='visitor'/>
                  </query></iq>"""), "not-allowed", "cancel");
        assertEquals(Role.PARTICIPANT, f.room.occupant("Hecate").orElseThrow().role());
        assertEquals(Role.VISITOR, f.room.occupant("rosencrantz").orElseThrow().role());

        List<Packet> sent = f.send("""
                <iq from='bard@example.test/globe' id='voice5' to='coven@muc.example.test' type='set'>
                  <query xmlns='http://jabber.org/protocol/muc#admin'>
                    <item nick='Hecate' role='visitor'/>
                    <item nick='rosencrantz' role='participant'><reason>A worthy fellow.</reason></item>
                  </query></iq>""");
        assertEquals("result", sent.get(0).getElement().attributeValue("type"));
        assertEquals(1 + 2 * 4, sent.size(), "one result and two presences to each of four occupants");
        assertEquals(Role.VISITOR, f.room.occupant("Hecate").orElseThrow().role());
        assertEquals(Role.PARTICIPANT, f.room.occupant("rosencrantz").orElseThrow().role());
    }

    @Test
    void theVoiceListIsForModerators() {
        AdminRoomFixture f = new AdminRoomFixture();
        f.enter("bard", "bard@example.test/globe", Affiliation.NONE).role(Role.MODERATOR);
        f.enter("Polo", "polonius@example.test/castle", Affiliation.NONE);
        f.enter("Hecate", "hecate@example.test/broom", Affiliation.MEMBER);

        List<Packet> sent = f.send(list("bard@example.test/globe", "role='participant'"));
        assertXmlMatches("""
                <iq type='result' id='l1' from='coven@muc.example.test' to='bard@example.test/globe'>
                  <query xmlns='http://jabber.org/protocol/muc#admin'>
                    <item affiliation='none' jid='polonius@example.test/castle' nick='Polo' role='participant'/>
                    <item affiliation='member' jid='hecate@example.test/broom' nick='Hecate' role='participant'/>
                  </query></iq>""", sent.get(0));
        assertError(f.send(list("polonius@example.test/castle", "role='participant'")), "forbidden", "auth");
    }

    @Test
    void anOccupantWhoseNewRoleIsNotBroadcastLeavesTheOthersRosters() {
        AdminRoomFixture f = new AdminRoomFixture(c -> c.presenceBroadcast = EnumSet.of(Role.MODERATOR,
                Role.PARTICIPANT));
        f.enter("crone", "crone@example.test/desktop", Affiliation.OWNER);
        f.enter("hag", "hag@example.test/pda", Affiliation.NONE);

        List<Packet> sent = f.send(role("crone@example.test/desktop", "hag", "visitor"));

        assertXmlMatches("""
                <presence from='coven@muc.example.test/hag' to='crone@example.test/desktop' type='unavailable'>
                  <x xmlns='%s'><item affiliation='none' role='none' jid='hag@example.test/pda'/></x></presence>"""
                .formatted(MUC_USER), to(sent, "crone@example.test/desktop").get(1));
        assertFalse(to(sent, "hag@example.test/pda").get(0).getElement().attributeValue("type", "")
                .equals("unavailable"));
    }

    @Test
    void aServiceAdminOutsideTheRoomKicksTheLastOccupantAndTheTemporaryRoomGoes() {
        AdminRoomFixture f = new AdminRoomFixture();
        f.enter("hag", "hag@example.test/pda", Affiliation.NONE);

        List<Packet> sent = f.send(kick(AdminRoomFixture.SERVICE_ADMIN + "/console", "hag"));

        assertXmlMatches("""
                <presence from='coven@muc.example.test/hag' to='hag@example.test/pda' type='unavailable'>
                  <x xmlns='%s'><item affiliation='none' role='none'/><status code='110'/><status code='307'/></x>
                </presence>""".formatted(MUC_USER), sent.get(0));
        assertEquals("result", sent.get(1).getElement().attributeValue("type"));
        assertTrue(f.rooms.get(AdminRoomFixture.ROOM).isEmpty());
    }

    static String kick(String from, String nick) {
        return role(from, nick, "none");
    }

    static String role(String from, String nick, String role) {
        return """
                <iq from='%s' id='r1' to='coven@muc.example.test' type='set'>
                  <query xmlns='http://jabber.org/protocol/muc#admin'><item nick='%s' role='%s'/></query></iq>"""
                .formatted(from, nick, role);
    }

    static String list(String from, String attribute) {
        return """
                <iq from='%s' id='l1' to='coven@muc.example.test' type='get'>
                  <query xmlns='http://jabber.org/protocol/muc#admin'><item %s/></query></iq>"""
                .formatted(from, attribute);
    }

    /** Exactly one stanza came back: the IQ error with this condition; nothing else was sent. */
    static void assertError(List<Packet> sent, String condition, String type) {
        assertEquals(1, sent.size(), "only the error: " + sent);
        Packet error = sent.get(0);
        assertEquals("error", error.getElement().attributeValue("type"), error.toXML());
        assertEquals(type, error.getElement().element("error").attributeValue("type"), error.toXML());
        assertTrue(error.getElement().element("error").element(condition) != null, error.toXML());
    }
}
