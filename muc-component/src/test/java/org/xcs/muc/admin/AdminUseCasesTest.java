package org.xcs.muc.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xcs.common.testing.XmlAssert.assertXmlMatches;
import static org.xcs.muc.admin.AdminRoomFixture.presences;
import static org.xcs.muc.admin.AdminRoomFixture.to;
import static org.xcs.muc.admin.ModeratorUseCasesTest.assertError;
import static org.xcs.muc.admin.ModeratorUseCasesTest.list;
import static org.xcs.muc.admin.ModeratorUseCasesTest.role;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.xcs.muc.room.Affiliation;
import org.xcs.muc.room.RoomConfig;
import org.xcs.muc.room.Role;
import org.xmpp.packet.JID;
import org.xmpp.packet.Packet;
import org.xmpp.packet.Presence;

/** XEP-0045 §9.1-§9.8: bans, ban list, membership, member list, moderator status, moderator list. */
class AdminUseCasesTest {
    private static final String MUC_USER = "http://jabber.org/protocol/muc#user";
    private static final JID CAMBRIDGE = new JID("earlofcambridge@example.test");

    @Test
    void banRemovesTheOccupantWith301KeepsTheReasonAndDropsTheReservedNick() {
        AdminRoomFixture f = new AdminRoomFixture();
        f.enter("The King", "kinghenryv@example.test/throne", Affiliation.ADMIN);
        f.enter("cambridge", "earlofcambridge@example.test/stabber", Affiliation.MEMBER);
        f.enter("exeter", "exeter@example.test/pda", Affiliation.NONE);
        f.room.registerNick(CAMBRIDGE, "cambridge");

        List<Packet> sent = f.send(affiliation("kinghenryv@example.test/throne", "earlofcambridge@example.test",
                "outcast", "<reason>Treason</reason>"));

        assertEquals(4, sent.size(), sent.toString());
        assertXmlMatches("""
                <presence from='coven@muc.example.test/cambridge' to='earlofcambridge@example.test/stabber' type='unavailable'>
                  <x xmlns='%s'>
                    <item affiliation='outcast' role='none'><actor nick='The King'/><reason>Treason</reason></item>
                    <status code='110'/><status code='301'/>
                  </x></presence>""".formatted(MUC_USER), sent.get(0));
        assertEquals("result", sent.get(1).getElement().attributeValue("type"));
        assertXmlMatches("""
                <presence from='coven@muc.example.test/cambridge' to='exeter@example.test/pda' type='unavailable'>
                  <x xmlns='%s'>
                    <item affiliation='outcast' role='none'><actor nick='The King'/><reason>Treason</reason></item>
                    <status code='301'/>
                  </x></presence>""".formatted(MUC_USER), to(sent, "exeter@example.test/pda").get(0));
        assertEquals(Affiliation.OUTCAST, f.room.affiliation(CAMBRIDGE));
        assertEquals(Optional.of("Treason"), f.room.affiliationReason(CAMBRIDGE));
        assertEquals(Optional.empty(), f.room.registeredNick(CAMBRIDGE));
        assertTrue(f.room.occupant("cambridge").isEmpty());

        assertXmlMatches("""
                <iq type='result' id='l1' from='coven@muc.example.test' to='kinghenryv@example.test/throne'>
                  <query xmlns='http://jabber.org/protocol/muc#admin'>
                    <item affiliation='outcast' jid='earlofcambridge@example.test'><reason>Treason</reason></item>
                  </query></iq>""", f.send(list("kinghenryv@example.test/throne", "affiliation='outcast'")).get(0));
    }

    @Test
    void aFullJidInAnItemCountsAsItsBareJid() {
        AdminRoomFixture f = new AdminRoomFixture();
        f.enter("king", "king@example.test/throne", Affiliation.OWNER);
        f.send(affiliation("king@example.test/throne", "earlofcambridge@example.test/stabber", "outcast", ""));
        assertEquals(List.of(CAMBRIDGE), f.room.withAffiliation(Affiliation.OUTCAST));
    }

    @Test
    void banningOneselfIsAConflictAndAnAdminCannotBanAnOwnerOrAnotherAdmin() {
        AdminRoomFixture f = new AdminRoomFixture();
        f.enter("king", "king@example.test/throne", Affiliation.OWNER);
        f.enter("exeter", "exeter@example.test/pda", Affiliation.ADMIN);
        f.room.affiliation(new JID("bedford@example.test"), Affiliation.ADMIN, null);

        assertError(f.send(affiliation("exeter@example.test/pda", "exeter@example.test", "outcast", "")),
                "conflict", "cancel");
        assertError(f.send(affiliation("king@example.test/throne", "king@example.test", "outcast", "")),
                "conflict", "cancel");
        assertError(f.send(affiliation("exeter@example.test/pda", "king@example.test", "outcast", "")),
                "not-allowed", "cancel");
        assertError(f.send(affiliation("exeter@example.test/pda", "bedford@example.test", "none", "")),
                "not-allowed", "cancel");
        assertEquals(Affiliation.OWNER, f.room.affiliation(new JID("king@example.test")));
        assertEquals(Affiliation.ADMIN, f.room.affiliation(new JID("bedford@example.test")));
    }

    @Test
    void membersAndModeratorsCannotBanOrReadTheBanList() {
        AdminRoomFixture f = new AdminRoomFixture();
        f.enter("member", "member@example.test/r", Affiliation.MEMBER).role(Role.MODERATOR);
        assertError(f.send(affiliation("member@example.test/r", "x@example.test", "outcast", "")),
                "forbidden", "auth");
        assertError(f.send(list("member@example.test/r", "affiliation='outcast'")), "forbidden", "auth");
        assertTrue(f.room.withAffiliation(Affiliation.OUTCAST).isEmpty());
    }

    @Test
    void aBanListEditWithOneForbiddenItemChangesNothing() {
        AdminRoomFixture f = new AdminRoomFixture();
        f.enter("king", "king@example.test/throne", Affiliation.ADMIN);
        f.room.affiliation(new JID("owner@example.test"), Affiliation.OWNER, null);

        assertError(f.send("""
                <iq from='king@example.test/throne' id='ban3' to='coven@muc.example.test' type='set'>
                  <query xmlns='http://jabber.org/protocol/muc#admin'>
                    <item affiliation='outcast' jid='lordscroop@example.test'><reason>Treason</reason></item>
                    <item affiliation='outcast' jid='owner@example.test'/>
                  </query></iq>"""), "not-allowed", "cancel");
        assertEquals(Affiliation.NONE, f.room.affiliation(new JID("lordscroop@example.test")));

        List<Packet> sent = f.send("""
                <iq from='king@example.test/throne' id='ban4' to='coven@muc.example.test' type='set'>
                  <query xmlns='http://jabber.org/protocol/muc#admin'>
                    <item affiliation='outcast' jid='lordscroop@example.test'><reason>Treason</reason></item>
                    <item affiliation='outcast' jid='sirthomasgrey@example.test'><reason>Treason</reason></item>
                  </query></iq>""");
        assertEquals(1, sent.size(), "a result; nobody to tell: " + sent);
        assertEquals(2, f.room.withAffiliation(Affiliation.OUTCAST).size());

        f.send(affiliation("king@example.test/throne", "lordscroop@example.test", "none", ""));
        assertEquals(List.of(new JID("sirthomasgrey@example.test")), f.room.withAffiliation(Affiliation.OUTCAST));
    }

    @Test
    void grantingMembershipToAVisitorGivesVoiceAndTellsEveryone() {
        AdminRoomFixture f = new AdminRoomFixture(c -> c.moderatedRoom = true);
        f.enter("crone", "crone1@example.test/desktop", Affiliation.ADMIN);
        f.enter("thirdwitch", "hag66@example.test/pda", Affiliation.NONE);

        List<Packet> sent = f.send(affiliation("crone1@example.test/desktop", "hag66@example.test", "member",
                ""));

        assertEquals("result", sent.get(0).getElement().attributeValue("type"));
        assertXmlMatches("""
                <presence from='coven@muc.example.test/thirdwitch' to='crone1@example.test/desktop'>
                  <show>away</show>
                  <x xmlns='%s'><item affiliation='member' role='participant' jid='hag66@example.test/pda'/></x>
                </presence>""".formatted(MUC_USER), sent.get(1));
        assertEquals(Role.PARTICIPANT, f.room.occupant("thirdwitch").orElseThrow().role());
    }

    @Test
    void aNickGivenWithMembershipIsReservedOnceAndAnEmptyNickUnsetsIt() {
        AdminRoomFixture f = new AdminRoomFixture();
        f.enter("crone", "crone1@example.test/desktop", Affiliation.ADMIN);
        JID hag = new JID("hag66@example.test");

        f.send(affiliationWithNick("hag66@example.test", "member", "thirdwitch"));
        assertEquals(Optional.of("thirdwitch"), f.room.registeredNick(hag));
        assertError(f.send(affiliationWithNick("hecate@example.test", "member", "thirdwitch")), "conflict", "cancel");
        assertEquals(Affiliation.NONE, f.room.affiliation(new JID("hecate@example.test")));

        assertXmlMatches("""
                <iq type='result' id='l1' from='coven@muc.example.test' to='crone1@example.test/desktop'>
                  <query xmlns='http://jabber.org/protocol/muc#admin'>
                    <item affiliation='member' jid='hag66@example.test' nick='thirdwitch'/>
                  </query></iq>""", f.send(list("crone1@example.test/desktop", "affiliation='member'")).get(0));

        f.send(affiliationWithNick("hag66@example.test", "member", ""));
        assertEquals(Optional.empty(), f.room.registeredNick(hag));
    }

    @Test
    void revokingMembershipInAMembersOnlyRoomRemovesTheOccupantWith321Only() {
        AdminRoomFixture f = new AdminRoomFixture(c -> c.membersOnly = true);
        f.enter("TheBard", "bard@example.test/globe", Affiliation.ADMIN);
        f.enter("thirdwitch", "hag66@example.test/pda", Affiliation.MEMBER);

        List<Packet> sent = f.send(affiliation("bard@example.test/globe", "hag66@example.test", "none", ""));

        assertEquals(3, sent.size(), sent.toString());
        assertXmlMatches("""
                <presence from='coven@muc.example.test/thirdwitch' to='hag66@example.test/pda' type='unavailable'>
                  <x xmlns='%s'><item affiliation='none' role='none'><actor nick='TheBard'/></item>
                    <status code='110'/><status code='321'/></x></presence>""".formatted(MUC_USER), sent.get(0));
        assertEquals("result", sent.get(1).getElement().attributeValue("type"));
        assertXmlMatches("""
                <presence from='coven@muc.example.test/thirdwitch' to='bard@example.test/globe' type='unavailable'>
                  <x xmlns='%s'><item affiliation='none' role='none' jid='hag66@example.test/pda'><actor nick='TheBard'/></item>
                    <status code='321'/></x></presence>""".formatted(MUC_USER), sent.get(2));
        assertTrue(f.room.occupant("thirdwitch").isEmpty());
    }

    @Test
    void revokingMembershipInAnOpenRoomSendsTheNewAffiliation() {
        AdminRoomFixture f = new AdminRoomFixture();
        f.enter("TheBard", "bard@example.test/globe", Affiliation.ADMIN);
        f.enter("thirdwitch", "hag66@example.test/pda", Affiliation.MEMBER);

        List<Packet> sent = f.send(affiliation("bard@example.test/globe", "hag66@example.test", "none",
                "<reason>Not so worthy after all!</reason>"));

        List<Presence> presences = presences(sent);
        assertEquals(2, presences.size());
        for (Presence p : presences) {
            assertEquals(null, p.getType());
            assertEquals("none", p.getChildElement("x", MUC_USER).element("item").attributeValue("affiliation"));
            assertEquals("participant", p.getChildElement("x", MUC_USER).element("item").attributeValue("role"));
        }
    }

    @Test
    void aNewMemberOfAMembersOnlyRoomIsInvitedAndAnExistingOneIsNot() {
        AdminRoomFixture f = new AdminRoomFixture(c -> {
            c.membersOnly = true;
            c.passwordProtected = true;
            c.password = "cauldronburn";
        });
        f.enter("bard", "bard@example.test/globe", Affiliation.ADMIN);

        List<Packet> sent = f.send(affiliation("bard@example.test/globe", "hecate@example.test", "member", ""));

        assertEquals(2, sent.size(), sent.toString());
        assertXmlMatches("""
                <message from='coven@muc.example.test' id='{any}' to='hecate@example.test'>
                  <x xmlns='%s'><invite from='bard@example.test'/><password>cauldronburn</password></x>
                </message>""".formatted(MUC_USER), sent.get(1));
        assertEquals(1, f.send(affiliation("bard@example.test/globe", "hecate@example.test", "member", "")).size());
    }

    @Test
    void anAdminGrantsAndRevokesModeratorStatusButAPlainModeratorCannotGrantIt() {
        AdminRoomFixture f = new AdminRoomFixture();
        f.enter("crone", "crone1@example.test/desktop", Affiliation.ADMIN);
        f.enter("thirdwitch", "hag66@example.test/pda", Affiliation.MEMBER);
        f.enter("hecate", "hecate@example.test/broom", Affiliation.NONE);

        List<Packet> sent = f.send(role("crone1@example.test/desktop", "thirdwitch", "moderator"));
        assertEquals("result", sent.get(0).getElement().attributeValue("type"));
        assertEquals(Role.MODERATOR, f.room.occupant("thirdwitch").orElseThrow().role());
        assertXmlMatches("""
                <presence from='coven@muc.example.test/thirdwitch' to='hecate@example.test/broom'>
                  <show>away</show><x xmlns='%s'><item affiliation='member' role='moderator'/></x></presence>"""
                .formatted(MUC_USER), to(sent, "hecate@example.test/broom").get(0));

        assertError(f.send(role("hag66@example.test/pda", "hecate", "moderator")), "forbidden", "auth");

        f.send(role("crone1@example.test/desktop", "thirdwitch", "participant"));
        assertEquals(Role.PARTICIPANT, f.room.occupant("thirdwitch").orElseThrow().role());
    }

    @Test
    void moderatorStatusCannotBeRevokedFromAHigherAffiliationNorFromAdminsAndOwners() {
        AdminRoomFixture f = new AdminRoomFixture(c -> c.moderatedRoom = true);
        f.enter("one", "one@example.test/r", Affiliation.OWNER);
        f.enter("two", "two@example.test/r", Affiliation.ADMIN);
        f.enter("three", "three@example.test/r", Affiliation.NONE).role(Role.MODERATOR);

        assertError(f.send(role("two@example.test/r", "one", "participant")), "not-allowed", "cancel");
        assertError(f.send(role("three@example.test/r", "one", "participant")), "not-allowed", "cancel");
        assertError(f.send(role("three@example.test/r", "two", "participant")), "not-allowed", "cancel");
        assertError(f.send(role("one@example.test/r", "two", "participant")), "not-allowed", "cancel");
    }

    @Test
    void theModeratorListIsForAdmins() {
        AdminRoomFixture f = new AdminRoomFixture();
        f.enter("crone", "crone1@example.test/desktop", Affiliation.ADMIN);
        f.enter("thirdwitch", "hag66@example.test/pda", Affiliation.MEMBER).role(Role.MODERATOR);

        assertXmlMatches("""
                <iq type='result' id='l1' from='coven@muc.example.test' to='crone1@example.test/desktop'>
                  <query xmlns='http://jabber.org/protocol/muc#admin'>
                    <item affiliation='admin' jid='crone1@example.test/desktop' nick='crone' role='moderator'/>
                    <item affiliation='member' jid='hag66@example.test/pda' nick='thirdwitch' role='moderator'/>
                  </query></iq>""", f.send(list("crone1@example.test/desktop", "role='moderator'")).get(0));
        assertError(f.send(list("hag66@example.test/pda", "role='moderator'")), "forbidden", "auth");
    }

    @Test
    void inANonAnonymousRoomMembersReadTheMemberListEvenFromOutside() {
        AdminRoomFixture f = new AdminRoomFixture(c -> {
            c.whois = RoomConfig.Whois.ANYONE;
            c.membersOnly = true;
        });
        f.room.affiliation(new JID("owner@example.test"), Affiliation.OWNER, null);
        f.room.affiliation(new JID("hag66@example.test"), Affiliation.MEMBER, null);
        f.room.affiliation(new JID("hecate@example.test"), Affiliation.MEMBER, null);

        assertXmlMatches("""
                <iq type='result' id='l1' from='coven@muc.example.test' to='hag66@example.test/pda'>
                  <query xmlns='http://jabber.org/protocol/muc#admin'>
                    <item affiliation='member' jid='hag66@example.test'/>
                    <item affiliation='member' jid='hecate@example.test'/>
                  </query></iq>""", f.send(list("hag66@example.test/pda", "affiliation='member'")).get(0));
        // OMEMO clients also gather the owners and admins of such rooms.
        assertXmlMatches("""
                <iq type='result' id='l1' from='coven@muc.example.test' to='hag66@example.test/pda'>
                  <query xmlns='http://jabber.org/protocol/muc#admin'><item affiliation='owner' jid='owner@example.test'/></query>
                </iq>""", f.send(list("hag66@example.test/pda", "affiliation='owner'")).get(0));
        assertError(f.send(list("stranger@example.test/x", "affiliation='member'")), "forbidden", "auth");
    }

    @Test
    void theRolesOfGetMemberListDecideWhichNonMemberOccupantsReadTheMemberList() {
        // XEP-0045 §15.5.3 muc#roomconfig_getmemberlist is a list of roles: here only moderators.
        AdminRoomFixture f = new AdminRoomFixture(c -> {
            c.whois = RoomConfig.Whois.ANYONE;
            c.getMemberListRoles = java.util.EnumSet.of(Role.MODERATOR);
        });
        f.enter("thirdwitch", "hag66@example.test/pda", Affiliation.NONE);
        f.enter("firstwitch", "wiccarocks@example.test/laptop", Affiliation.NONE).role(Role.MODERATOR);
        f.room.affiliation(new JID("hecate@example.test"), Affiliation.MEMBER, null);

        assertError(f.send(list("hag66@example.test/pda", "affiliation='member'")), "forbidden", "auth");
        assertXmlMatches("""
                <iq type='result' id='l1' from='coven@muc.example.test' to='wiccarocks@example.test/laptop'>
                  <query xmlns='http://jabber.org/protocol/muc#admin'><item affiliation='member' jid='hecate@example.test'/></query>
                </iq>""", f.send(list("wiccarocks@example.test/laptop", "affiliation='member'")).get(0));

        f.room.config().getMemberListRoles.add(Role.PARTICIPANT);
        assertEquals("result", f.send(list("hag66@example.test/pda", "affiliation='member'")).get(0)
                .getElement().attributeValue("type"));
    }

    @Test
    void inASemiAnonymousRoomMembersDoNotReadTheMemberList() {
        AdminRoomFixture f = new AdminRoomFixture();
        f.enter("thirdwitch", "hag66@example.test/pda", Affiliation.MEMBER);
        f.enter("crone", "crone1@example.test/desktop", Affiliation.ADMIN);

        assertError(f.send(list("hag66@example.test/pda", "affiliation='member'")), "forbidden", "auth");
        assertXmlMatches("""
                <iq type='result' id='l1' from='coven@muc.example.test' to='crone1@example.test/desktop'>
                  <query xmlns='http://jabber.org/protocol/muc#admin'>
                    <item affiliation='member' jid='hag66@example.test' nick='thirdwitch'/>
                  </query></iq>""", f.send(list("crone1@example.test/desktop", "affiliation='member'")).get(0));
    }

    static String affiliation(String from, String jid, String affiliation, String itemContent) {
        return """
                <iq from='%s' id='a1' to='coven@muc.example.test' type='set'>
                  <query xmlns='http://jabber.org/protocol/muc#admin'>
                    <item affiliation='%s' jid='%s'>%s</item></query></iq>"""
                .formatted(from, affiliation, jid, itemContent);
    }

    private static String affiliationWithNick(String jid, String affiliation, String nick) {
        return """
                <iq from='crone1@example.test/desktop' id='m1' to='coven@muc.example.test' type='set'>
                  <query xmlns='http://jabber.org/protocol/muc#admin'>
                    <item affiliation='%s' jid='%s' nick='%s'/></query></iq>""".formatted(affiliation, jid, nick);
    }
}
