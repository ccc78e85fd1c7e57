package org.xcs.pubsub.privilege;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.xcs.common.testing.TestStanzas;

class HostGrantsTest {
    private final HostGrants grants = new HostGrants("example.test");

    @Test
    void prosodysV2PrivilegesAreTakenWithIqPermissionAndDefaultPush() {
        assertTrue(grants.accept(TestStanzas.message("<message from='example.test' to='pubsub.example.test'>"
                + "<privilege xmlns='urn:xmpp:privilege:2'><perm access='roster' type='get'/>"
                + "<perm access='message' type='outgoing'/><perm access='presence' type='roster'/>"
                + "<perm access='iq'><namespace ns='urn:xmpp:mam:2' type='get'/></perm></privilege></message>")));
        Grants g = grants.grants();
        assertEquals(2, g.privilegeVersion());
        assertEquals(Grants.Roster.GET, g.roster());
        assertTrue(g.rosterPush(), "XEP-0356 §3.2: push defaults to true with get");
        assertEquals(Grants.MessagePerm.OUTGOING, g.message());
        assertEquals(Grants.PresencePerm.ROSTER, g.presence());
        assertEquals(Map.of("urn:xmpp:mam:2", "get"), g.iq());
    }

    @Test
    void ejabberdsV1AnnouncementsSentTwiceLeaveOneStateAndSplitDelegationsAccumulate() {
        String privilege = "<message from='example.test'><privilege xmlns='urn:xmpp:privilege:1'>"
                + "<perm access='roster' type='both' push='false'/><perm access='presence' type='managed_entity'/>"
                + "</privilege></message>";
        grants.accept(TestStanzas.message(privilege));
        Grants once = grants.grants();
        grants.accept(TestStanzas.message(privilege));
        assertEquals(once, grants.grants());
        assertEquals(1, once.privilegeVersion());
        assertFalse(once.rosterPush());
        assertFalse(once.canSendMessages(), "no message perm announced means none");
        grants.accept(TestStanzas.message("<message from='example.test'><delegation xmlns='urn:xmpp:delegation:1'>"
                + "<delegated namespace='http://jabber.org/protocol/pubsub'/></delegation></message>"));
        grants.accept(TestStanzas.message("<message from='example.test'><delegation xmlns='urn:xmpp:delegation:1'>"
                + "<delegated namespace='http://jabber.org/protocol/pubsub#owner'/></delegation></message>"));
        assertEquals(Set.of("http://jabber.org/protocol/pubsub", "http://jabber.org/protocol/pubsub#owner"),
                grants.grants().delegated());
        assertEquals(1, grants.grants().delegationVersion());
        assertEquals(Grants.Roster.BOTH, grants.grants().roster(), "delegations keep the privileges");
    }

    @Test
    void announcementsFromAnotherDomainOrAUserAreNotTaken() {
        assertTrue(grants.accept(TestStanzas.message("<message from='evil.test'><privilege "
                + "xmlns='urn:xmpp:privilege:2'><perm access='message' type='outgoing'/></privilege></message>")));
        assertFalse(grants.accept(TestStanzas.message("<message from='mallory@example.test/r'><privilege "
                + "xmlns='urn:xmpp:privilege:2'><perm access='message' type='outgoing'/></privilege></message>")));
        assertSame(Grants.NONE, grants.grants());
        assertFalse(grants.accept(TestStanzas.message("<message from='example.test'><body>hi</body></message>")));
    }

    @Test
    void aReconnectForgetsTheGrants() {
        grants.accept(TestStanzas.message("<message from='example.test'><privilege xmlns='urn:xmpp:privilege:2'>"
                + "<perm access='message' type='outgoing'/></privilege></message>"));
        assertTrue(grants.grants().canSendMessages());
        grants.reset();
        assertSame(Grants.NONE, grants.grants());
    }
}
