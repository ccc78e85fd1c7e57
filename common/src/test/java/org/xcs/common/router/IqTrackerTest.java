package org.xcs.common.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.xcs.common.concurrent.KeyedSerialExecutor;
import org.xcs.common.testing.RecordingSender;
import org.xcs.common.testing.TestStanzas;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Packet;

class IqTrackerTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final RecordingSender sender = new RecordingSender();
    private final IqTracker tracker = new IqTracker(sender);

    private static IQ rosterGet() {
        IQ iq = new IQ(IQ.Type.get);
        iq.setID(null);
        iq.setFrom("pubsub.example.test");
        iq.setTo("alice@example.test");
        iq.setChildElement("query", "jabber:iq:roster");
        return iq;
    }

    @Test
    void theReplyFromTheAddressedEntityCompletesTheRequest() throws Exception {
        CompletableFuture<IQ> future = tracker.send(rosterGet(), WAIT);
        Packet sent = sender.next(WAIT);
        assertNotNull(sent.getID(), "an id is assigned");
        IQ reply = TestStanzas.iq("<iq type='result' id='" + sent.getID() + "' from='alice@example.test'"
                + " to='pubsub.example.test'><query xmlns='jabber:iq:roster'/></iq>");
        assertTrue(tracker.matches(reply));
        assertSame(reply, future.get(1, TimeUnit.SECONDS));
        assertEquals(0, tracker.pendingCount());
    }

    @Test
    void aReplyWithTheRightIdFromAnotherEntityIsIgnored() {
        CompletableFuture<IQ> future = tracker.send(rosterGet(), WAIT);
        String id = sender.next(WAIT).getID();
        assertFalse(tracker.matches(TestStanzas.iq("<iq type='result' id='" + id + "' from='mallory@example.test'"
                + " to='pubsub.example.test'/>")));
        assertFalse(future.isDone());
        assertEquals(1, tracker.pendingCount());
    }

    @Test
    void anUnansweredRequestTimesOutAndIsForgotten() {
        CompletableFuture<IQ> future = tracker.send(rosterGet(), Duration.ofMillis(50));
        ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS));
        assertInstanceOf(TimeoutException.class, e.getCause());
        assertEquals(0, tracker.pendingCount());
    }

    @Test
    void onlyGetAndSetCanBeTracked() {
        IQ result = new IQ(IQ.Type.result);
        assertThrows(IllegalArgumentException.class, () -> tracker.send(result, WAIT));
    }

    @Test
    void theRouterHandsErrorRepliesToTheTrackerAndDoesNotAnswerThem() throws Exception {
        KeyedSerialExecutor executor = new KeyedSerialExecutor("tracker-test", 1, 10, 10);
        StanzaRouter router = new StanzaRouter(sender, executor).onResponse(tracker);
        CompletableFuture<IQ> future = tracker.send(rosterGet(), WAIT);
        String id = sender.next(WAIT).getID();
        router.handle(TestStanzas.parse("<iq type='error' id='" + id + "' from='alice@example.test'"
                + " to='pubsub.example.test'><error type='cancel'><forbidden"
                + " xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>"));
        assertEquals(IQ.Type.error, future.get(1, TimeUnit.SECONDS).getType());
        assertTrue(executor.drain(WAIT));
        sender.assertNothingMore(Duration.ofMillis(30));
    }
}
