package org.xcs.pubsub.privilege;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.xcs.common.router.IqTracker;
import org.xcs.common.testing.RecordingSender;
import org.xcs.common.testing.TestStanzas;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;

class HostPresencesTest {
    static final String VER = "QgayPKawpkPSDYmwT/WM94uAlu0=";
    static final String NODE = "http://code.google.com/p/exodus";

    final RecordingSender out = new RecordingSender();
    final IqTracker tracker = new IqTracker(out);
    final FakePep pep = new FakePep();
    /** Owners whose roster was asked to be read again, in order. */
    final List<String> online = new CopyOnWriteArrayList<>();
    /** When set, roster reads stay pending here until the test completes them. */
    List<CompletableFuture<Void>> heldRosterReads;

    HostPresences presences(int maxResources, int maxCaps) {
        return new HostPresences(new JID("pubsub.example.test"), "example.test", tracker, (owner, task) -> {
            task.run();
            return true;
        }, pep, owner -> {
            online.add(owner);
            if (heldRosterReads == null) {
                return CompletableFuture.completedFuture(null);
            }
            CompletableFuture<Void> read = new CompletableFuture<>();
            heldRosterReads.add(read);
            return read;
        }, maxResources, maxCaps, Duration.ofSeconds(5));
    }

    static String available(String from, String ver) {
        return "<presence from='" + from + "' to='pubsub.example.test'><c xmlns='http://jabber.org/protocol/caps'"
                + " hash='sha-1' node='" + NODE + "' ver='" + ver + "'/></presence>";
    }

    IQ answer(IQ query, String features) {
        return TestStanzas.iq("<iq type='result' id='" + query.getID() + "' from='" + query.getTo()
                + "' to='pubsub.example.test'><query xmlns='http://jabber.org/protocol/disco#info' node='" + NODE
                + "#" + VER + "'><identity category='client' name='Exodus 0.9.1' type='pc'/>" + features
                + "</query></iq>");
    }

    static final String EXODUS_FEATURES = "<feature var='http://jabber.org/protocol/caps'/>"
            + "<feature var='http://jabber.org/protocol/disco#info'/>"
            + "<feature var='http://jabber.org/protocol/disco#items'/>"
            + "<feature var='http://jabber.org/protocol/muc'/>";

    @Test
    void capsAreAskedOncePerVerAndAVerifiedAnswerServesEveryResourceAnnouncingIt() {
        HostPresences p = presences(100, 10);
        assertTrue(p.accept(TestStanzas.presence(available("alice@example.test/a", VER))));
        assertTrue(p.accept(TestStanzas.presence(available("bob@example.test/b", VER))));
        assertEquals(1, out.count(), "one disco#info for two resources with one ver");
        IQ query = (IQ) out.all().get(0);
        assertEquals("alice@example.test/a", query.getTo().toString());
        assertEquals(NODE + "#" + VER, query.getChildElement().attributeValue("node"));
        assertTrue(pep.events.isEmpty(), "caps unknown yet: nothing to send");
        assertTrue(tracker.matches(answer(query, EXODUS_FEATURES)));
        assertEquals(Set.of("available alice@example.test/a", "available bob@example.test/b"),
                Set.copyOf(pep.events));
        assertEquals(1, p.verifiedCapsCount());
        assertFalse(p.wantsNotify("alice@example.test/a", "http://jabber.org/protocol/mood"));
        p.accept(TestStanzas.presence(available("carol@example.test/c", VER)));
        assertEquals(1, out.count(), "a cached ver is not asked again");
        assertTrue(pep.events.contains("available carol@example.test/c"));
        assertEquals(List.of("alice@example.test", "bob@example.test", "carol@example.test"), online);
    }

    @Test
    void anUnverifiableAnswerServesOnlyTheResourceThatGaveItAndTheNextResourceIsAskedItself() {
        HostPresences p = presences(100, 10);
        p.accept(TestStanzas.presence(available("alice@example.test/a", VER)));
        p.accept(TestStanzas.presence(available("mallory@example.test/m", VER)));
        IQ first = (IQ) out.all().get(0);
        tracker.matches(answer(first, EXODUS_FEATURES
                + "<feature var='http://jabber.org/protocol/mood+notify'/>"));
        assertTrue(p.wantsNotify("alice@example.test/a", "http://jabber.org/protocol/mood"));
        assertFalse(p.wantsNotify("mallory@example.test/m", "http://jabber.org/protocol/mood"));
        assertEquals(0, p.verifiedCapsCount());
        assertEquals(2, out.count(), "the next resource is asked for itself");
        IQ second = (IQ) out.all().get(1);
        assertEquals("mallory@example.test/m", second.getTo().toString());
        tracker.matches(answer(second, EXODUS_FEATURES));
        assertEquals(1, p.verifiedCapsCount());
        assertEquals(List.of("available alice@example.test/a", "available mallory@example.test/m"), pep.events);
    }

    static IQ failed(IQ query) {
        return TestStanzas.iq("<iq type='error' id='" + query.getID() + "' from='" + query.getTo()
                + "' to='pubsub.example.test'><error type='cancel'><service-unavailable"
                + " xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>");
    }

    // XEP-0163 §4.4: notifications follow the +notify features; a resource whose caps query failed once would get
    // none until its caps changed. Its next presence (a status change, a re-sent available) asks again.
    @Test
    void aResourceWhoseCapsQueryFailedIsAskedAgainOnItsNextPresence() {
        HostPresences p = presences(100, 10);
        p.accept(TestStanzas.presence(available("alice@example.test/a", VER)));
        p.accept(TestStanzas.presence(availableWithStatus("alice@example.test/a", VER, "busy")));
        assertEquals(1, out.count(), "a query still in flight is not repeated");
        assertTrue(tracker.matches(failed((IQ) out.all().get(0))));
        assertTrue(pep.events.isEmpty(), "features unknown: nothing to send");

        p.accept(TestStanzas.presence(availableWithStatus("alice@example.test/a", VER, "back")));
        assertEquals(2, out.count(), "asked again");
        IQ again = (IQ) out.all().get(1);
        assertEquals("alice@example.test/a", again.getTo().toString());
        assertTrue(tracker.matches(answer(again, EXODUS_FEATURES)));
        assertEquals(List.of("available alice@example.test/a"), pep.events);
        assertEquals(1, p.verifiedCapsCount());
    }

    @Test
    void aResourceWhoseCapsQueryFailedTakesTheFeaturesAnotherResourceVerifiedMeanwhile() {
        HostPresences p = presences(100, 10);
        p.accept(TestStanzas.presence(available("alice@example.test/a", VER)));
        p.accept(TestStanzas.presence(available("bob@example.test/b", VER)));
        tracker.matches(failed((IQ) out.all().get(0)));
        IQ toBob = (IQ) out.all().get(1);
        assertEquals("bob@example.test/b", toBob.getTo().toString(), "the next resource is asked itself");
        tracker.matches(answer(toBob, EXODUS_FEATURES));
        assertEquals(List.of("available bob@example.test/b"), pep.events);

        p.accept(TestStanzas.presence(availableWithStatus("alice@example.test/a", VER, "back")));
        assertEquals(2, out.count(), "the verified ver is not asked again");
        assertEquals(List.of("available bob@example.test/b", "available alice@example.test/a"), pep.events);
    }

    @Test
    void unavailableRemovesTheResourceAndAvailableListsTheRest() {
        HostPresences p = presences(100, 10);
        p.accept(TestStanzas.presence("<presence from='alice@example.test/a' to='pubsub.example.test'/>"));
        p.accept(TestStanzas.presence("<presence from='alice@example.test/b' to='alice@example.test'/>"));
        assertEquals(Set.of("alice@example.test/a", "alice@example.test/b"), p.available("alice@example.test"));
        p.accept(TestStanzas.presence("<presence type='unavailable' from='alice@example.test/a'/>"));
        assertEquals(Set.of("alice@example.test/b"), p.available("alice@example.test"));
        assertFalse(p.accept(TestStanzas.presence("<presence type='subscribe' from='alice@example.test/b'/>")));
        assertEquals(List.of("alice@example.test", "alice@example.test"), online,
                "each resource coming online has its owner's roster read again");
        assertEquals(0, out.count(), "no caps, no query");
    }

    @Test
    void trackedResourcesAndCachedVersAreBounded() {
        HostPresences p = presences(2, 1);
        p.accept(TestStanzas.presence("<presence from='a@example.test/1'/>"));
        p.accept(TestStanzas.presence("<presence from='b@example.test/1'/>"));
        p.accept(TestStanzas.presence("<presence from='c@example.test/1'/>"));
        assertEquals(2, p.resourceCount());
        assertEquals(Set.of(), p.available("c@example.test"));
        p.accept(TestStanzas.presence("<presence type='unavailable' from='a@example.test/1'/>"));
        p.accept(TestStanzas.presence("<presence type='unavailable' from='b@example.test/1'/>"));
        p.accept(TestStanzas.presence(available("x@example.test/1", VER)));
        tracker.matches(answer((IQ) out.all().get(0), EXODUS_FEATURES));
        String otherVer = CapsVer.generate(TestStanzas.element("<query xmlns='http://jabber.org/protocol/disco#info'>"
                + "<identity category='client' type='pc'/></query>"), "sha-1");
        p.accept(TestStanzas.presence(available("y@example.test/1", otherVer)));
        IQ q2 = (IQ) out.all().get(1);
        tracker.matches(TestStanzas.iq("<iq type='result' id='" + q2.getID() + "' from='y@example.test/1'>"
                + "<query xmlns='http://jabber.org/protocol/disco#info'><identity category='client' type='pc'/>"
                + "</query></iq>"));
        assertEquals(1, p.verifiedCapsCount(), "the older ver was evicted");
    }

    static String availableWithStatus(String from, String ver, String status) {
        return "<presence from='" + from + "' to='pubsub.example.test'><status>" + status + "</status>"
                + "<c xmlns='http://jabber.org/protocol/caps' hash='sha-1' node='" + NODE + "' ver='" + ver
                + "'/></presence>";
    }

    static String otherVer(String features) {
        return CapsVer.generate(TestStanzas.element("<query xmlns='http://jabber.org/protocol/disco#info'>"
                + "<identity category='client' name='Exodus 0.9.1' type='pc'/>" + features + "</query>"), "sha-1");
    }

    @Test
    void aStatusOnlyUpdateSendsNoLastItemsAgainAndReadsNoRoster() {
        HostPresences p = presences(100, 10);
        p.accept(TestStanzas.presence(available("alice@example.test/a", VER)));
        tracker.matches(answer((IQ) out.all().get(0), EXODUS_FEATURES));
        assertEquals(List.of("available alice@example.test/a"), pep.events);
        p.accept(TestStanzas.presence(availableWithStatus("alice@example.test/a", VER, "away for lunch")));
        p.accept(TestStanzas.presence(availableWithStatus("alice@example.test/a", VER, "back")));
        assertEquals(List.of("available alice@example.test/a"), pep.events, "XEP-0163 §4.3.4: on coming online");
        assertEquals(List.of("alice@example.test"), online);
        assertEquals(1, out.count(), "no disco#info for the same ver");
    }

    @Test
    void newCapsSendTheLastItemsAgainOnlyWhenTheNotifySetChanged() {
        HostPresences p = presences(100, 10);
        p.accept(TestStanzas.presence(available("alice@example.test/a", VER)));
        tracker.matches(answer((IQ) out.all().get(0), EXODUS_FEATURES));
        String moreFeatures = EXODUS_FEATURES + "<feature var='urn:xmpp:ping'/>";
        String sameNotify = otherVer(moreFeatures);
        p.accept(TestStanzas.presence(available("alice@example.test/a", sameNotify)));
        IQ second = (IQ) out.all().get(1);
        tracker.matches(TestStanzas.iq("<iq type='result' id='" + second.getID() + "' from='alice@example.test/a'>"
                + "<query xmlns='http://jabber.org/protocol/disco#info'><identity category='client' "
                + "name='Exodus 0.9.1' type='pc'/>" + moreFeatures + "</query></iq>"));
        assertEquals(List.of("available alice@example.test/a"), pep.events, "a new ver, the same +notify set");

        String moodFeatures = EXODUS_FEATURES + "<feature var='http://jabber.org/protocol/mood+notify'/>";
        p.accept(TestStanzas.presence(available("alice@example.test/a", otherVer(moodFeatures))));
        IQ third = (IQ) out.all().get(2);
        tracker.matches(TestStanzas.iq("<iq type='result' id='" + third.getID() + "' from='alice@example.test/a'>"
                + "<query xmlns='http://jabber.org/protocol/disco#info'><identity category='client' "
                + "name='Exodus 0.9.1' type='pc'/>" + moodFeatures + "</query></iq>"));
        assertEquals(List.of("available alice@example.test/a", "available alice@example.test/a"), pep.events,
                "mood+notify turned on: the last items of the nodes it now wants");
        assertEquals(List.of("alice@example.test", "alice@example.test", "alice@example.test"), online,
                "each caps change re-reads the roster");
    }

    @Test
    void theLastItemsWaitUntilBothTheCapsAndTheRereadRosterAreKnown() {
        heldRosterReads = new ArrayList<>();
        HostPresences p = presences(100, 10);
        p.accept(TestStanzas.presence(available("bob@example.test/b", VER)));
        tracker.matches(answer((IQ) out.all().get(0), EXODUS_FEATURES));
        assertTrue(pep.events.isEmpty(), "caps known, roster still being read");
        heldRosterReads.get(0).complete(null);
        assertEquals(List.of("available bob@example.test/b"), pep.events);

        p.accept(TestStanzas.presence("<presence type='unavailable' from='bob@example.test/b'/>"));
        p.accept(TestStanzas.presence(available("bob@example.test/b", VER)));
        heldRosterReads.get(1).complete(null);
        assertEquals(List.of("available bob@example.test/b", "available bob@example.test/b"), pep.events,
                "back online with cached caps: sent once the roster is read");
    }

    @Test
    void aContactOnAnotherServerNeedsNoRosterRead() {
        heldRosterReads = new ArrayList<>();
        HostPresences p = presences(100, 10);
        p.accept(TestStanzas.presence(available("dave@remote.test/d", VER)));
        tracker.matches(answer((IQ) out.all().get(0), EXODUS_FEATURES));
        assertEquals(List.of("available dave@remote.test/d"), pep.events);
        assertTrue(online.isEmpty());
    }

    @Test
    void aNotifySwitchedOffAndOnAgainBeforeTheRosterWasReadSendsTheLastItemsAgain() {
        heldRosterReads = new ArrayList<>();
        HostPresences p = presences(100, 10);
        String moodFeatures = EXODUS_FEATURES + "<feature var='http://jabber.org/protocol/mood+notify'/>";
        String moodVer = otherVer(moodFeatures);
        p.accept(TestStanzas.presence(available("alice@example.test/a", VER)));
        tracker.matches(answer((IQ) out.all().get(0), EXODUS_FEATURES));
        heldRosterReads.get(0).complete(null);
        p.accept(TestStanzas.presence(available("alice@example.test/a", moodVer)));
        IQ second = (IQ) out.all().get(1);
        tracker.matches(TestStanzas.iq("<iq type='result' id='" + second.getID() + "' from='alice@example.test/a'>"
                + "<query xmlns='http://jabber.org/protocol/disco#info'><identity category='client' "
                + "name='Exodus 0.9.1' type='pc'/>" + moodFeatures + "</query></iq>"));
        heldRosterReads.get(1).complete(null);
        assertEquals(2, pep.events.size());

        p.accept(TestStanzas.presence(available("alice@example.test/a", VER))); // mood+notify off...
        p.accept(TestStanzas.presence(available("alice@example.test/a", moodVer))); // ...and on again (SINT does)
        heldRosterReads.get(2).complete(null);
        heldRosterReads.get(3).complete(null);
        assertEquals(List.of("available alice@example.test/a", "available alice@example.test/a",
                "available alice@example.test/a"), pep.events, "the client expects the last mood again");
    }
}
