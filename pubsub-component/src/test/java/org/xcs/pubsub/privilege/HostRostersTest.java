package org.xcs.pubsub.privilege;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.xcs.common.router.IqTracker;
import org.xcs.common.testing.RecordingSender;
import org.xcs.common.testing.TestStanzas;
import org.xcs.pubsub.pep.RosterItem;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;

class HostRostersTest {
    final RecordingSender out = new RecordingSender();
    final IqTracker tracker = new IqTracker(out);
    final FakePep pep = new FakePep();
    final HostGrants grants = new HostGrants("example.test");
    final Set<String> onlineOwners = new java.util.HashSet<>();

    HostRosters rosters(int capacity) {
        return new HostRosters(grants, new JID("pubsub.example.test"), tracker, (owner, task) -> {
            task.run();
            return true;
        }, pep, onlineOwners::contains, capacity, Duration.ofSeconds(5));
    }

    void grant(String roster) {
        grants.accept(TestStanzas.message("<message from='example.test'><privilege xmlns='urn:xmpp:privilege:2'>"
                + "<perm access='roster' type='" + roster + "'/></privilege></message>"));
    }

    void answer(int index, String items) {
        IQ get = (IQ) out.all().get(index);
        assertTrue(tracker.matches(TestStanzas.iq("<iq type='result' id='" + get.getID() + "' from='" + get.getTo()
                + "' to='pubsub.example.test'><query xmlns='jabber:iq:roster'>" + items + "</query></iq>")));
    }

    @Test
    void aMissFetchesOnceAndAnswersNotInTheRosterUntilTheRosterArrives() {
        grant("get");
        HostRosters r = rosters(10);
        assertNull(r.item("alice@example.test", "bob@example.test"));
        assertTrue(r.items("alice@example.test").isEmpty());
        assertEquals(1, out.count(), "one fetch in flight for two misses");
        IQ get = (IQ) out.all().get(0);
        assertEquals("alice@example.test", get.getTo().toString());
        assertEquals("jabber:iq:roster", get.getChildElement().getNamespaceURI());
        answer(0, "<item jid='bob@example.test' subscription='both'><group>Friends</group></item>");
        assertEquals(new RosterItem("bob@example.test", "both", Set.of("Friends")),
                r.item("alice@example.test", "Bob@Example.test"));
        assertEquals(List.of("roster alice@example.test", "gained alice@example.test [bob@example.test]"),
                pep.events, "a first roster: its presence subscribers may have been refused meanwhile");
    }

    @Test
    void aPushUpdatesACachedRosterAndTellsThePepCore() {
        grant("both");
        HostRosters r = rosters(10);
        r.item("alice@example.test", "bob@example.test");
        answer(0, "<item jid='bob@example.test' subscription='both'/>");
        IQ reply = r.handle(TestStanzas.iq("<iq type='set' id='p1' from='alice@example.test' "
                + "to='pubsub.example.test'><query xmlns='jabber:iq:roster'><item jid='bob@example.test' "
                + "subscription='remove'/><item jid='carol@example.test' subscription='from'/></query></iq>"));
        assertEquals(IQ.Type.result, reply.getType());
        assertNull(r.item("alice@example.test", "bob@example.test"));
        assertTrue(r.item("alice@example.test", "carol@example.test").receivesPresence());
        assertEquals(List.of("roster alice@example.test", "gained alice@example.test [bob@example.test]",
                "roster alice@example.test", "gained alice@example.test [carol@example.test]"), pep.events);
    }

    @Test
    void withoutRosterReadPermissionNothingIsFetched() {
        grant("set");
        HostRosters r = rosters(10);
        assertNull(r.item("alice@example.test", "bob@example.test"));
        assertEquals(0, out.count());
        assertNull(rosters(10).item("someone@elsewhere.test", "bob@example.test"));
        assertEquals(0, out.count(), "only the host's users have rosters here");
    }

    @Test
    void theCacheIsBoundedAndOfflineOwnersGoFirst() {
        grant("get");
        HostRosters r = rosters(2);
        onlineOwners.add("a@example.test");
        r.item("a@example.test", "x@example.test");
        answer(0, "");
        r.item("b@example.test", "x@example.test");
        answer(1, "");
        r.item("c@example.test", "x@example.test");
        answer(2, "");
        assertEquals(2, r.size());
        assertTrue(r.isCached("a@example.test"), "the online owner stays although least recently used");
        assertFalse(r.isCached("b@example.test"));
        assertTrue(r.isCached("c@example.test"));
    }

    @Test
    void aRereadFindsTheSubscriptionTheHostNeverPushedAndReportsTheContactGained() {
        grant("get");
        HostRosters r = rosters(10);
        r.item("alice@example.test", "bob@example.test");
        answer(0, "<item jid='bob@example.test' subscription='none' ask='subscribe'/>"
                + "<item jid='carol@example.test' subscription='both'/>");
        pep.events.clear();
        r.refresh("alice@example.test"); // alice published: who receives her presence now?
        assertEquals(2, out.count());
        answer(1, "<item jid='bob@example.test' subscription='both'/><item jid='carol@example.test' "
                + "subscription='both'/><item jid='dave@example.test' subscription='to'/>");
        assertEquals(List.of("roster alice@example.test", "gained alice@example.test [bob@example.test]"),
                pep.events, "carol received alice's presence already; dave does not");
        assertTrue(r.item("alice@example.test", "bob@example.test").receivesPresence());
    }

    @Test
    void rereadsAskedForDuringAFetchMakeOneMoreFetchAfterItAndWaitForThatOne() {
        grant("get");
        HostRosters r = rosters(10);
        java.util.concurrent.CompletableFuture<Void> first = r.reload("alice@example.test");
        java.util.concurrent.CompletableFuture<Void> second = r.reload("alice@example.test");
        java.util.concurrent.CompletableFuture<Void> third = r.reload("alice@example.test");
        assertEquals(1, out.count(), "one fetch in flight per owner");
        answer(0, "");
        assertTrue(first.isDone());
        assertFalse(second.isDone(), "the fetch in flight may predate what made the caller ask");
        assertEquals(2, out.count(), "one more fetch for both callers that came meanwhile");
        answer(1, "<item jid='bob@example.test' subscription='from'/>");
        assertTrue(second.isDone());
        assertTrue(third.isDone());
        assertEquals(2, out.count());
        assertEquals(2, r.fetches());
    }

    @Test
    void aFailedFetchReleasesItsWaitersAndLeavesNoFetchBehind() {
        grant("get");
        HostRosters r = rosters(10);
        java.util.concurrent.CompletableFuture<Void> read = r.reload("alice@example.test");
        IQ get = (IQ) out.all().get(0);
        assertTrue(tracker.matches(TestStanzas.iq("<iq type='error' id='" + get.getID() + "' from='"
                + get.getTo() + "' to='pubsub.example.test'><error type='cancel'><forbidden "
                + "xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>")));
        assertTrue(read.isDone());
        assertFalse(r.isCached("alice@example.test"));
        r.refresh("alice@example.test");
        assertEquals(2, out.count(), "the next re-read asks again");
    }

    @Test
    void withoutRosterReadPermissionAReadCompletesAtOnce() {
        grant("set");
        assertTrue(rosters(10).reload("alice@example.test").isDone());
        assertEquals(0, out.count());
    }
}
