package org.xcs.common.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xcs.common.testing.XmlAssert.assertXmlMatches;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.dom4j.DocumentHelper;
import org.dom4j.QName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xcs.common.concurrent.KeyedSerialExecutor;
import org.xcs.common.error.XmppException;
import org.xcs.common.testing.RecordingSender;
import org.xcs.common.testing.TestStanzas;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Message;
import org.xmpp.packet.PacketError;

class StanzaRouterTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration QUIET = Duration.ofMillis(30);
    private static final String PING = "urn:xmpp:ping";
    private static final String PING_GET = "<iq type='get' id='p1' from='alice@example.test/r' to='svc.example.test'>"
            + "<ping xmlns='urn:xmpp:ping'/></iq>";
    private static final String STANZAS = "urn:ietf:params:xml:ns:xmpp-stanzas";

    private final RecordingSender sender = new RecordingSender();
    private KeyedSerialExecutor executor = new KeyedSerialExecutor("router-test", 2, 100, 1000);
    private StanzaRouter router = new StanzaRouter(sender, executor);

    @AfterEach
    void stop() {
        executor.drain(WAIT);
    }

    /** The one reply for the request, and nothing else once everything queued has run. */
    private void assertOnlyReply(String expectedXml) {
        assertXmlMatches(expectedXml, sender.next(WAIT));
        assertTrue(router.awaitIdle(WAIT));
        sender.assertNothingMore(QUIET);
    }

    @Test
    void theHandlersResultIsTheOnlyReply() {
        router.onIq(IQ.Type.get, PING, IQ::createResultIQ);
        router.handle(TestStanzas.parse(PING_GET));
        assertOnlyReply("<iq type='result' id='p1' from='svc.example.test' to='alice@example.test/r'/>");
    }

    @Test
    void anXmppExceptionFromTheHandlerBecomesThatErrorWithItsApplicationCondition() {
        router.onIq(IQ.Type.get, PING, request -> {
            throw new XmppException(PacketError.Condition.not_allowed, PacketError.Type.cancel, "no pings here",
                    DocumentHelper.createElement(QName.get("closed", "urn:example:app")));
        });
        router.handle(TestStanzas.parse(PING_GET));
        assertOnlyReply("<iq type='error' id='p1' from='svc.example.test' to='alice@example.test/r'>"
                + "<ping xmlns='urn:xmpp:ping'/><error type='cancel'><not-allowed xmlns='" + STANZAS + "'/>"
                + "<text xmlns='" + STANZAS + "'>no pings here</text><closed xmlns='urn:example:app'/></error></iq>");
    }

    @Test
    void aHandlerReturningNothingIsAnsweredFeatureNotImplemented() {
        router.onIq(IQ.Type.get, PING, request -> null);
        router.handle(TestStanzas.parse(PING_GET));
        assertOnlyReply("<iq type='error' id='p1' from='svc.example.test' to='alice@example.test/r'>"
                + "<ping xmlns='urn:xmpp:ping'/><error type='cancel'>"
                + "<feature-not-implemented xmlns='" + STANZAS + "'/></error></iq>");
    }

    @Test
    void everyIqGetIsAnsweredExactlyOnceEvenWhenTheHandlerThrows() {
        router.onIq(IQ.Type.get, PING, request -> {
            throw new IllegalStateException("handler bug (expected by the test)");
        });
        router.handle(TestStanzas.parse(PING_GET));
        assertOnlyReply("<iq type='error' id='p1' from='svc.example.test' to='alice@example.test/r'>"
                + "<ping xmlns='urn:xmpp:ping'/><error type='wait'>"
                + "<internal-server-error xmlns='" + STANZAS + "'/></error></iq>");
        assertEquals(1, router.stats().handlerFailures());
    }

    @Test
    void aReplyThatDoesNotAnswerTheRequestIsReplacedByInternalServerError() {
        router.onIq(IQ.Type.get, PING, request -> {
            IQ wrong = IQ.createResultIQ(request);
            wrong.setID("other");
            return wrong;
        });
        router.handle(TestStanzas.parse(PING_GET));
        assertOnlyReply("<iq type='error' id='p1' from='svc.example.test' to='alice@example.test/r'>"
                + "<ping xmlns='urn:xmpp:ping'/><error type='wait'>"
                + "<internal-server-error xmlns='" + STANZAS + "'/></error></iq>");
    }

    @Test
    void anIqForAnUnregisteredNamespaceIsAnsweredServiceUnavailable() {
        router.onIq(IQ.Type.get, "jabber:iq:version", IQ::createResultIQ);
        router.handle(TestStanzas.parse(PING_GET));
        assertOnlyReply("<iq type='error' id='p1' from='svc.example.test' to='alice@example.test/r'>"
                + "<ping xmlns='urn:xmpp:ping'/><error type='cancel'>"
                + "<service-unavailable xmlns='" + STANZAS + "'/></error></iq>");
    }

    @Test
    void aSetIsNotRoutedToTheGetHandlerOfTheSameNamespace() {
        router.onIq(IQ.Type.get, PING, IQ::createResultIQ);
        router.handle(TestStanzas.parse(PING_GET.replace("type='get'", "type='set'")));
        assertOnlyReply("<iq type='error' id='p1' from='svc.example.test' to='alice@example.test/r'>"
                + "<ping xmlns='urn:xmpp:ping'/><error type='cancel'>"
                + "<service-unavailable xmlns='" + STANZAS + "'/></error></iq>");
    }

    @Test
    void aHandlerForTheChildElementNameTakesPrecedenceOverTheNamespaceHandler() {
        String pubsub = "http://jabber.org/protocol/pubsub";
        router.onIq(IQ.Type.set, pubsub, request -> {
            throw new XmppException(PacketError.Condition.feature_not_implemented);
        });
        router.onIq(IQ.Type.set, pubsub, "pubsub", IQ::createResultIQ);
        router.handle(TestStanzas.parse("<iq type='set' id='s1' from='a@example.test/r' to='ps.example.test'>"
                + "<pubsub xmlns='" + pubsub + "'><create node='n'/></pubsub></iq>"));
        assertOnlyReply("<iq type='result' id='s1' from='ps.example.test' to='a@example.test/r'/>");
    }

    @Test
    void anIqToAFullJidGoesToTheFullJidHandlerWhateverItsNamespace() {
        router.onIq(IQ.Type.get, PING, IQ::createResultIQ);
        router.onFullJidIq(request -> {
            throw new XmppException(PacketError.Condition.not_acceptable);
        });
        router.handle(TestStanzas.parse("<iq type='get' id='o1' from='a@example.test/r' to='room@svc.example.test/nick'>"
                + "<ping xmlns='urn:xmpp:ping'/></iq>"));
        assertOnlyReply("<iq type='error' id='o1' from='room@svc.example.test/nick' to='a@example.test/r'>"
                + "<ping xmlns='urn:xmpp:ping'/><error type='modify'>"
                + "<not-acceptable xmlns='" + STANZAS + "'/></error></iq>");
    }

    @Test
    void iqsToTheServiceOrABareJidStillGoToTheNamespaceHandlers() {
        router.onIq(IQ.Type.get, PING, IQ::createResultIQ);
        router.onFullJidIq(request -> {
            throw new XmppException(PacketError.Condition.not_acceptable);
        });
        router.handle(TestStanzas.parse("<iq type='get' id='b1' from='a@example.test/r' to='room@svc.example.test'>"
                + "<ping xmlns='urn:xmpp:ping'/></iq>"));
        assertXmlMatches("<iq type='result' id='b1' from='room@svc.example.test' to='a@example.test/r'/>",
                sender.next(WAIT));
        router.handle(TestStanzas.parse("<iq type='get' id='s1' from='a@example.test/r' to='svc.example.test/x'>"
                + "<ping xmlns='urn:xmpp:ping'/></iq>"));
        assertOnlyReply("<iq type='result' id='s1' from='svc.example.test/x' to='a@example.test/r'/>");
    }

    @Test
    void aFullJidHandlerReturningNothingIsStillAnsweredAndOnlyOneMayBeRegistered() {
        router.onFullJidIq(request -> null);
        assertThrows(IllegalStateException.class, () -> router.onFullJidIq(IQ::createResultIQ));
        router.handle(TestStanzas.parse("<iq type='set' id='n1' from='a@example.test/r' to='room@svc.example.test/nick'>"
                + "<query xmlns='jabber:iq:version'/></iq>"));
        assertOnlyReply("<iq type='error' id='n1' from='room@svc.example.test/nick' to='a@example.test/r'>"
                + "<query xmlns='jabber:iq:version'/><error type='cancel'>"
                + "<feature-not-implemented xmlns='" + STANZAS + "'/></error></iq>");
    }

    @Test
    void registeringTheSameRouteTwiceIsRefused() {
        router.onIq(IQ.Type.get, PING, IQ::createResultIQ);
        assertThrows(IllegalStateException.class, () -> router.onIq(IQ.Type.get, PING, IQ::createResultIQ));
        assertThrows(IllegalArgumentException.class, () -> router.onIq(IQ.Type.result, PING, IQ::createResultIQ));
    }

    @Test
    void anIqGetWithoutChildIsABadRequest() {
        router.handle(TestStanzas.parse("<iq type='get' id='e1' from='a@example.test/r' to='svc.example.test'/>"));
        assertOnlyReply("<iq type='error' id='e1' from='svc.example.test' to='a@example.test/r'>"
                + "<error type='modify'><bad-request xmlns='" + STANZAS + "'/><text xmlns='" + STANZAS + "'>{any}</text>"
                + "</error></iq>");
    }

    @Test
    void anIqSetWithTwoChildrenIsABadRequest() {
        router.onIq(IQ.Type.set, PING, IQ::createResultIQ);
        router.handle(TestStanzas.parse("<iq type='set' id='e2' from='a@example.test/r' to='svc.example.test'>"
                + "<ping xmlns='urn:xmpp:ping'/><ping xmlns='urn:xmpp:ping'/></iq>"));
        assertOnlyReply("<iq type='error' id='e2' from='svc.example.test' to='a@example.test/r'>"
                + "<ping xmlns='urn:xmpp:ping'/><ping xmlns='urn:xmpp:ping'/><error type='modify'>"
                + "<bad-request xmlns='" + STANZAS + "'/><text xmlns='" + STANZAS + "'>{any}</text></error></iq>");
    }

    @Test
    void anIqOfUnknownTypeIsABadRequest() {
        router.handle(TestStanzas.parse("<iq type='query' id='e3' from='a@example.test/r' to='svc.example.test'>"
                + "<ping xmlns='urn:xmpp:ping'/></iq>"));
        assertOnlyReply("<iq type='error' id='e3' from='svc.example.test' to='a@example.test/r'>"
                + "<ping xmlns='urn:xmpp:ping'/><error type='modify'>"
                + "<bad-request xmlns='" + STANZAS + "'/><text xmlns='" + STANZAS + "'>{any}</text></error></iq>");
    }

    @Test
    void anAsyncHandlerIsAnsweredWhenItsStageCompletes() {
        CompletableFuture<IQ> later = new CompletableFuture<>();
        router.onIqAsync(IQ.Type.get, PING, null, request -> later.thenApply(ignored -> IQ.createResultIQ(request)));
        router.handle(TestStanzas.parse(PING_GET));
        assertTrue(router.awaitIdle(WAIT));
        sender.assertNothingMore(QUIET);
        later.complete(null);
        assertOnlyReply("<iq type='result' id='p1' from='svc.example.test' to='alice@example.test/r'/>");
    }

    @Test
    void anAsyncHandlerFailingWithAnXmppExceptionIsAnsweredWithThatError() {
        router.onIqAsync(IQ.Type.get, PING, null,
                request -> CompletableFuture.failedFuture(new XmppException(PacketError.Condition.item_not_found)));
        router.handle(TestStanzas.parse(PING_GET));
        assertOnlyReply("<iq type='error' id='p1' from='svc.example.test' to='alice@example.test/r'>"
                + "<ping xmlns='urn:xmpp:ping'/><error type='cancel'>"
                + "<item-not-found xmlns='" + STANZAS + "'/></error></iq>");
    }

    @Test
    void iqResultsAndErrorsGoToTheResponseListenerAndAreNeverAnswered() {
        List<String> responses = Collections.synchronizedList(new ArrayList<>());
        router.onIq(IQ.Type.get, PING, IQ::createResultIQ);
        router.onResponse(iq -> responses.add(iq.getID()));
        router.handle(TestStanzas.parse("<iq type='result' id='r1' from='a@example.test/r' to='svc.example.test'/>"));
        router.handle(TestStanzas.parse("<iq type='error' id='r2' from='a@example.test/r' to='svc.example.test'>"
                + "<error type='cancel'><service-unavailable xmlns='" + STANZAS + "'/></error></iq>"));
        assertEquals(List.of("r1", "r2"), responses);
        assertTrue(router.awaitIdle(WAIT));
        sender.assertNothingMore(QUIET);
    }

    @Test
    void iqResponsesWithoutListenerAreNotAnsweredEither() {
        router.handle(TestStanzas.parse("<iq type='result' id='r1' from='a@example.test/r' to='svc.example.test'/>"));
        assertTrue(router.awaitIdle(WAIT));
        sender.assertNothingMore(QUIET);
        assertEquals(1, router.stats().responses());
    }

    @Test
    void aMessageWithoutHandlerIsBouncedServiceUnavailable() {
        router.handle(TestStanzas.parse("<message id='m1' from='a@example.test/r' to='svc.example.test'>"
                + "<body>hello</body></message>"));
        assertOnlyReply("<message type='error' id='m1' from='svc.example.test' to='a@example.test/r'>"
                + "<body>hello</body><error type='cancel'><service-unavailable xmlns='" + STANZAS + "'/></error>"
                + "</message>");
    }

    @Test
    void aMessageHandlerRefusingWithAnXmppExceptionBouncesTheMessage() {
        router.onMessage(message -> {
            throw new XmppException(PacketError.Condition.forbidden);
        });
        router.handle(TestStanzas.parse("<message type='groupchat' id='m1' from='a@example.test/r'"
                + " to='room@svc.example.test'><body>hello</body></message>"));
        assertOnlyReply("<message type='error' id='m1' from='room@svc.example.test' to='a@example.test/r'>"
                + "<body>hello</body><error type='auth'><forbidden xmlns='" + STANZAS + "'/></error></message>");
    }

    @Test
    void errorMessagesReachTheHandlerButAreNeverAnswered() {
        List<Message> seen = Collections.synchronizedList(new ArrayList<>());
        router.onMessage(message -> {
            seen.add(message);
            throw new XmppException(PacketError.Condition.not_acceptable);
        });
        router.handle(TestStanzas.parse("<message type='error' id='m1' from='a@example.test/r'"
                + " to='room@svc.example.test'><error type='cancel'><gone xmlns='" + STANZAS + "'/></error>"
                + "</message>"));
        assertTrue(router.awaitIdle(WAIT));
        sender.assertNothingMore(QUIET);
        assertEquals(1, seen.size());
    }

    @Test
    void aPresenceHandlerThatThrowsIsAnsweredInternalServerError() {
        router.onPresence(presence -> {
            throw new NullPointerException("handler bug (expected by the test)");
        });
        router.handle(TestStanzas.parse("<presence from='a@example.test/r' to='room@svc.example.test/nick'/>"));
        assertOnlyReply("<presence type='error' from='room@svc.example.test/nick' to='a@example.test/r'>"
                + "<error type='wait'><internal-server-error xmlns='" + STANZAS + "'/></error></presence>");
    }

    @Test
    void unavailablePresenceWithoutHandlerIsNotAnswered() {
        router.handle(TestStanzas.parse("<presence type='unavailable' from='a@example.test/r'"
                + " to='room@svc.example.test/nick'/>"));
        assertTrue(router.awaitIdle(WAIT));
        sender.assertNothingMore(QUIET);
    }

    @Test
    void stanzasForOneEntityAreHandledInArrivalOrder() {
        // Queues large enough for the whole burst: this test is about order, not overload.
        executor.drain(WAIT);
        executor = new KeyedSerialExecutor("router-test", 2, 1000, 10_000);
        router = new StanzaRouter(sender, executor);
        Map<String, List<String>> bodies = new ConcurrentHashMap<>();
        router.onMessage(message -> bodies.computeIfAbsent(message.getTo().toBareJID(),
                k -> Collections.synchronizedList(new ArrayList<>())).add(message.getBody()));
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            expected.add("m" + i);
            for (String room : List.of("r1", "r2", "r3")) {
                Message message = new Message();
                message.setType(Message.Type.groupchat);
                message.setFrom("a@example.test/r");
                message.setTo(room + "@svc.example.test");
                message.setBody("m" + i);
                router.handle(message);
            }
        }
        assertTrue(router.awaitIdle(WAIT));
        sender.assertNothingMore(Duration.ZERO);
        for (String room : List.of("r1", "r2", "r3")) {
            assertEquals(expected, bodies.get(room + "@svc.example.test"));
        }
    }

    @Test
    void overloadIsAnsweredAtOnceWithResourceConstraintWait() throws InterruptedException {
        executor.drain(WAIT);
        executor = new KeyedSerialExecutor("router-test", 2, 1, 1000);
        router = new StanzaRouter(sender, executor);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        router.onIq(IQ.Type.get, PING, request -> {
            started.countDown();
            awaitQuietly(release);
            return IQ.createResultIQ(request);
        });
        router.handle(TestStanzas.parse(PING_GET));
        assertTrue(started.await(10, TimeUnit.SECONDS));
        router.handle(TestStanzas.parse(PING_GET.replace("p1", "p2")));
        router.handle(TestStanzas.parse(PING_GET.replace("p1", "p3")));
        router.handle(TestStanzas.parse("<message id='m1' from='a@example.test/r' to='svc.example.test'>"
                + "<body>x</body></message>"));
        // Both answered while the first request is still being handled: on the dispatch thread, not queued.
        assertXmlMatches("<iq type='error' id='p3' from='svc.example.test' to='alice@example.test/r'>"
                + "<ping xmlns='urn:xmpp:ping'/><error type='wait'><resource-constraint xmlns='" + STANZAS + "'/>"
                + "</error></iq>", sender.next(WAIT));
        assertXmlMatches("<message type='error' id='m1' from='svc.example.test' to='a@example.test/r'>"
                + "<body>x</body><error type='wait'><resource-constraint xmlns='" + STANZAS + "'/>"
                + "</error></message>", sender.next(WAIT));
        release.countDown();
        List<String> ids = sender.await(2, WAIT).stream().map(p -> p.getID()).toList();
        assertEquals(List.of("p1", "p2"), ids);
        assertTrue(router.awaitIdle(WAIT));
        sender.assertNothingMore(QUIET);
        assertEquals(2, router.stats().overloadAnswered());
    }

    @Test
    void anErrorStanzaRefusedForOverloadIsCountedNotAnswered() {
        executor.drain(WAIT);
        router.handle(TestStanzas.parse("<message type='error' from='a@example.test/r' to='svc.example.test'/>"));
        router.handle(TestStanzas.parse("<presence type='error' from='a@example.test/r' to='svc.example.test'/>"));
        sender.assertNothingMore(QUIET);
        assertEquals(2, router.stats().overloadDroppedErrors());
    }

    @Test
    void afterDrainNewRequestsAreAnsweredResourceConstraint() {
        List<String> handled = Collections.synchronizedList(new ArrayList<>());
        router.onIq(IQ.Type.get, PING, request -> {
            handled.add(request.getID());
            return IQ.createResultIQ(request);
        });
        router.handle(TestStanzas.parse(PING_GET));
        assertTrue(router.drain(WAIT));
        assertEquals(List.of("p1"), handled);
        assertXmlMatches("<iq type='result' id='p1' from='svc.example.test' to='alice@example.test/r'/>",
                sender.next(WAIT));
        router.handle(TestStanzas.parse(PING_GET.replace("p1", "p2")));
        assertXmlMatches("<iq type='error' id='p2' from='svc.example.test' to='alice@example.test/r'>"
                + "<ping xmlns='urn:xmpp:ping'/><error type='wait'><resource-constraint xmlns='" + STANZAS + "'/>"
                + "</error></iq>", sender.next(WAIT));
        sender.assertNothingMore(QUIET);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
