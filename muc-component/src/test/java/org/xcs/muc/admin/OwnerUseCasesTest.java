package org.xcs.muc.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xcs.common.testing.XmlAssert.assertXmlMatches;
import static org.xcs.muc.admin.AdminRoomFixture.to;
import static org.xcs.muc.admin.AdminUseCasesTest.affiliation;
import static org.xcs.muc.admin.ModeratorUseCasesTest.assertError;
import static org.xcs.muc.admin.ModeratorUseCasesTest.list;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.xcs.muc.room.Affiliation;
import org.xcs.muc.room.Role;
import org.xmpp.packet.JID;
import org.xmpp.packet.Packet;

/** XEP-0045 §10.3-§10.8 (owner and admin lists over muc#admin), persistence and request validation. */
class OwnerUseCasesTest {
    private static final String MUC_USER = "http://jabber.org/protocol/muc#user";
    private static final JID CRONE = new JID("crone1@example.test");
    private static final JID HECATE = new JID("hecate@example.test");

    @Test
    void grantingOwnerStatusToAnOccupantMakesItAModeratingOwner() {
        AdminRoomFixture f = new AdminRoomFixture(c -> c.moderatedRoom = true);
        f.enter("crone", "crone1@example.test/desktop", Affiliation.OWNER);
        f.enter("hecate", "hecate@example.test/broom", Affiliation.NONE);

        List<Packet> sent = f.send(affiliation("crone1@example.test/desktop", "hecate@example.test", "owner", ""));

        assertEquals("result", sent.get(0).getElement().attributeValue("type"));
        assertXmlMatches("""
                <presence from='coven@muc.example.test/hecate' to='crone1@example.test/desktop'>
                  <show>away</show>
                  <x xmlns='%s'><item affiliation='owner' role='moderator' jid='hecate@example.test/broom'/></x>
                </presence>""".formatted(MUC_USER), to(sent, "crone1@example.test/desktop").get(1));
        assertEquals(Role.MODERATOR, f.room.occupant("hecate").orElseThrow().role());
    }

    @Test
    void onlyOwnersEditTheOwnerAndAdminLists() {
        AdminRoomFixture f = new AdminRoomFixture();
        f.enter("crone", "crone1@example.test/desktop", Affiliation.OWNER);
        f.enter("hag", "hag66@example.test/pda", Affiliation.ADMIN);

        assertError(f.send(affiliation("hag66@example.test/pda", "hecate@example.test", "owner", "")),
                "forbidden", "auth");
        assertError(f.send(affiliation("hag66@example.test/pda", "hecate@example.test", "admin", "")),
                "forbidden", "auth");
        assertError(f.send(affiliation("hag66@example.test/pda", "crone1@example.test", "member", "")),
                "not-allowed", "cancel");
        assertEquals(Affiliation.NONE, f.room.affiliation(HECATE));
    }

    @Test
    void theLastOwnerCannotStepDownButOneOfTwoCan() {
        AdminRoomFixture f = new AdminRoomFixture();
        f.enter("crone", "crone1@example.test/desktop", Affiliation.OWNER);

        assertError(f.send(affiliation("crone1@example.test/desktop", "crone1@example.test", "admin", "")),
                "conflict", "cancel");
        assertEquals(Affiliation.OWNER, f.room.affiliation(CRONE));

        f.send(affiliation("crone1@example.test/desktop", "hecate@example.test", "owner", ""));
        List<Packet> sent = f.send(affiliation("crone1@example.test/desktop", "crone1@example.test", "admin", ""));
        assertEquals("result", sent.get(0).getElement().attributeValue("type"));
        assertEquals(Affiliation.ADMIN, f.room.affiliation(CRONE));
        assertEquals(Role.MODERATOR, f.room.occupant("crone").orElseThrow().role());
    }

    @Test
    void anOwnerListEditThatWouldLeaveNoOwnerChangesNothing() {
        AdminRoomFixture f = new AdminRoomFixture();
        f.enter("crone", "crone1@example.test/desktop", Affiliation.OWNER);
        f.room.affiliation(HECATE, Affiliation.OWNER, null);

        assertError(f.send("""
                <iq from='crone1@example.test/desktop' id='o4' to='coven@muc.example.test' type='set'>
                  <query xmlns='http://jabber.org/protocol/muc#admin'>
                    <item affiliation='none' jid='hecate@example.test'/>
                    <item affiliation='member' jid='crone1@example.test'/>
                  </query></iq>"""), "conflict", "cancel");
        assertEquals(List.of(CRONE, HECATE), f.room.withAffiliation(Affiliation.OWNER));
    }

    @Test
    void revokingAdminStatusMakesTheOccupantAParticipant() {
        AdminRoomFixture f = new AdminRoomFixture();
        f.enter("crone", "crone1@example.test/desktop", Affiliation.OWNER);
        f.enter("secondwitch", "wiccarocks@example.test/laptop", Affiliation.ADMIN);

        List<Packet> sent = f.send(affiliation("crone1@example.test/desktop", "wiccarocks@example.test", "none",
                ""));

        assertXmlMatches("""
                <presence from='coven@muc.example.test/secondwitch' to='wiccarocks@example.test/laptop'>
                  <show>away</show>
                  <x xmlns='%s'><item affiliation='none' role='participant'/><status code='110'/></x>
                </presence>""".formatted(MUC_USER), to(sent, "wiccarocks@example.test/laptop").get(0));
    }

    @Test
    void theOwnerAndAdminListsAreForOwnersInASemiAnonymousRoom() {
        AdminRoomFixture f = new AdminRoomFixture();
        f.enter("bard", "bard@example.test/globe", Affiliation.OWNER);
        f.enter("second", "wiccarocks@example.test/laptop", Affiliation.ADMIN);
        f.room.affiliation(new JID("hag66@example.test"), Affiliation.ADMIN, null);
        f.room.registerNick(new JID("hag66@example.test"), "thirdwitch");

        assertXmlMatches("""
                <iq type='result' id='l1' from='coven@muc.example.test' to='bard@example.test/globe'>
                  <query xmlns='http://jabber.org/protocol/muc#admin'>
                    <item affiliation='admin' jid='wiccarocks@example.test' nick='second'/>
                    <item affiliation='admin' jid='hag66@example.test' nick='thirdwitch'/>
                  </query></iq>""", f.send(list("bard@example.test/globe", "affiliation='admin'")).get(0));
        assertXmlMatches("""
                <iq type='result' id='l1' from='coven@muc.example.test' to='bard@example.test/globe'>
                  <query xmlns='http://jabber.org/protocol/muc#admin'>
                    <item affiliation='owner' jid='bard@example.test' nick='bard'/>
                  </query></iq>""", f.send(list("bard@example.test/globe", "affiliation='owner'")).get(0));
        assertError(f.send(list("wiccarocks@example.test/laptop", "affiliation='owner'")), "forbidden", "auth");
        assertError(f.send(list("wiccarocks@example.test/laptop", "affiliation='admin'")), "forbidden", "auth");
    }

    @Test
    void aServiceAdminActsAsAnOwnerWithoutBeingInTheRoom() {
        AdminRoomFixture f = new AdminRoomFixture();
        f.room.affiliation(CRONE, Affiliation.OWNER, null);
        f.enter("hag", "hag66@example.test/pda", Affiliation.NONE);

        List<Packet> sent = f.send(affiliation(AdminRoomFixture.SERVICE_ADMIN + "/console", "hag66@example.test",
                "admin", ""));

        assertEquals("result", sent.get(0).getElement().attributeValue("type"));
        assertEquals(Affiliation.ADMIN, f.room.affiliation(new JID("hag66@example.test")));
        assertEquals(Role.MODERATOR, f.room.occupant("hag").orElseThrow().role());
    }

    @Test
    void aPersistentRoomIsSavedBeforeTheResultIsSent() {
        AdminRoomFixture f = new AdminRoomFixture(c -> c.persistentRoom = true);
        f.enter("crone", "crone1@example.test/desktop", Affiliation.OWNER);
        int before = f.sender.count();

        List<Packet> sent = f.send(affiliation("crone1@example.test/desktop", "hecate@example.test", "member", ""));

        assertEquals(1, sent.size());
        assertEquals(List.of(before), f.store.sentAtSave, "saved once, before anything was sent");
        assertTrue(f.store.contains(AdminRoomFixture.ROOM));
    }

    @Test
    void aRefusedRequestDoesNotTouchTheStore() {
        AdminRoomFixture f = new AdminRoomFixture(c -> c.persistentRoom = true);
        f.enter("hag", "hag66@example.test/pda", Affiliation.MEMBER);
        assertError(f.send(affiliation("hag66@example.test/pda", "hecate@example.test", "member", "")),
                "forbidden", "auth");
        assertTrue(f.store.sentAtSave.isEmpty());
    }

    @Test
    void malformedRequestsAreBadRequests() {
        AdminRoomFixture f = new AdminRoomFixture();
        f.enter("crone", "crone1@example.test/desktop", Affiliation.OWNER);
        f.enter("hag", "hag66@example.test/pda", Affiliation.NONE);
        String from = "crone1@example.test/desktop";

        assertError(f.send(set(from, "<item nick='hag' role='visitor' affiliation='member'/>")), "bad-request",
                "modify");
        assertError(f.send(set(from, "<item nick='hag' role='king'/>")), "bad-request", "modify");
        assertError(f.send(set(from, "<item nick='hag'/>")), "bad-request", "modify");
        assertError(f.send(set(from, "")), "bad-request", "modify");
        assertError(f.send(set(from, "<item role='visitor'/>")), "bad-request", "modify");
        assertError(f.send(set(from, "<item nick='hag' role='visitor'/><item affiliation='member' jid='x@example.test'/>")),
                "bad-request", "modify");
        assertError(f.send(set(from, "<item nick='hag' role='visitor'/><item nick='hag' role='participant'/>")),
                "bad-request", "modify");
        assertError(f.send(set(from, "<item affiliation='member' jid='a b@example.test'/>")), "jid-malformed",
                "modify");
        assertError(f.send(list(from, "affiliation='none'")), "bad-request", "modify");
        assertError(f.send(list(from, "role='none'")), "bad-request", "modify");
        assertEquals(Role.PARTICIPANT, f.room.occupant("hag").orElseThrow().role());
        assertEquals(Affiliation.NONE, f.room.affiliation(new JID("x@example.test")));
    }

    @Test
    void aRequestToARoomThatDoesNotExistIsItemNotFound() {
        AdminRoomFixture f = new AdminRoomFixture();
        assertError(f.send("""
                <iq from='crone1@example.test/desktop' id='x' to='nowhere@muc.example.test' type='get'>
                  <query xmlns='http://jabber.org/protocol/muc#admin'><item affiliation='owner'/></query></iq>"""),
                "item-not-found", "cancel");
    }

    private static String set(String from, String items) {
        return """
                <iq from='%s' id='s1' to='coven@muc.example.test' type='set'>
                  <query xmlns='http://jabber.org/protocol/muc#admin'>%s</query></iq>""".formatted(from, items);
    }
}
