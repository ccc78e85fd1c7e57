package org.xcs.common.testing;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.dom4j.Element;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;
import org.xcs.common.component.PacketHandler;
import org.xcs.common.component.PacketSender;
import org.xcs.common.concurrent.KeyedSerialExecutor;
import org.xcs.common.router.IqTracker;
import org.xcs.common.router.StanzaRouter;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;

class TranscriptRunnerTest {
    private static final List<String> OCCUPANTS = List.of("alice@example.test/r", "bob@example.test/home");

    /**
     * A tiny component: XEP-0199 ping, a room reflecting groupchat to two fixed occupants, and on presence a
     * jabber:iq:version query to the sender whose answer is reported back.
     */
    static PacketHandler component(PacketSender sender) {
        IqTracker tracker = new IqTracker(sender);
        StanzaRouter router = new StanzaRouter(sender, new KeyedSerialExecutor("transcript", 2, 100, 1000))
                .onResponse(tracker);
        router.onIq(IQ.Type.get, "urn:xmpp:ping", IQ::createResultIQ);
        router.onMessage(message -> {
            if (message.getType() != Message.Type.groupchat) {
                return;
            }
            for (String occupant : OCCUPANTS) {
                Message copy = new Message();
                copy.setType(Message.Type.groupchat);
                copy.setID(java.util.UUID.randomUUID().toString());
                copy.setFrom(new JID(message.getTo().getNode(), message.getTo().getDomain(),
                        message.getFrom().getNode()));
                copy.setTo(occupant);
                copy.setBody(message.getBody());
                sender.send(copy);
            }
        });
        router.onPresence(presence -> {
            IQ query = new IQ(IQ.Type.get);
            query.setID(null);
            query.setFrom(presence.getTo());
            query.setTo(presence.getFrom());
            query.setChildElement("query", "jabber:iq:version");
            tracker.send(query, Duration.ofSeconds(5)).thenAccept(reply -> {
                Element name = reply.getChildElement().element("name");
                Message report = new Message();
                report.setFrom(presence.getTo());
                report.setTo(presence.getFrom());
                report.setBody("you run " + name.getText());
                sender.send(report);
            });
        });
        return router;
    }

    @TestFactory
    Stream<DynamicTest> routerTranscripts() {
        return TranscriptRunner.dynamicTests("transcripts/router", TranscriptRunnerTest::component);
    }

    private static AssertionFailedError failure(String transcriptXml) {
        TranscriptRunner runner = new TranscriptRunner(TranscriptRunnerTest::component, Duration.ofMillis(300));
        return assertThrows(AssertionFailedError.class, () -> runner.runXml(transcriptXml));
    }

    @Test
    void aStanzaSentButNotExpectedFailsTheTranscript() {
        AssertionFailedError e = failure("<transcript name='bob forgotten'><send>"
                + "<message type='groupchat' from='alice@example.test/r' to='room@svc.example.test'><body>x</body>"
                + "</message></send><receive><message type='groupchat' id='{any}' from='room@svc.example.test/alice'"
                + " to='alice@example.test/r'><body>x</body></message></receive></transcript>");
        assertTrue(e.getMessage().contains("unexpected stanzas sent"), e.getMessage());
        assertTrue(e.getMessage().contains("bob@example.test/home"), e.getMessage());
    }

    @Test
    void aStanzaThatDiffersFailsTheTranscriptNamingTheStep() {
        AssertionFailedError e = failure("<transcript name='wrong'><send><iq type='get' id='v1'"
                + " from='alice@example.test/r' to='svc.example.test'><query xmlns='jabber:iq:version'/></iq></send>"
                + "<receive><iq type='result' id='v1' from='svc.example.test' to='alice@example.test/r'/></receive>"
                + "</transcript>");
        assertTrue(e.getMessage().contains("transcript 'wrong', step 2 <receive>"), e.getMessage());
        assertTrue(e.getMessage().contains("/iq/@type: expected \"result\" but was \"error\""), e.getMessage());
    }

    @Test
    void anExpectedStanzaThatNeverComesFailsTheTranscript() {
        AssertionFailedError e = failure("<transcript name='silence'><send><iq type='result' id='r1'"
                + " from='alice@example.test/r' to='svc.example.test'/></send>"
                + "<receive><iq type='result' id='r1' from='svc.example.test' to='alice@example.test/r'/></receive>"
                + "</transcript>");
        assertTrue(e.getMessage().contains("nothing sent to alice@example.test/r"), e.getMessage());
    }

    @Test
    void aNamedPlaceholderUsedBeforeItIsBoundFailsTheTranscript() {
        AssertionFailedError e = failure("<transcript name='unbound'><send><iq type='result' id='{$q}'"
                + " from='alice@example.test/r' to='svc.example.test'/></send></transcript>");
        assertTrue(e.getMessage().contains("{$q} used before"), e.getMessage());
    }

    @Test
    void inMemoryClientsTalkToTheComponent() {
        InMemoryRouter host = new InMemoryRouter();
        StanzaRouter component = (StanzaRouter) component(host);
        host.attach(component);
        InMemoryRouter.Client alice = host.client("alice@example.test/r");
        alice.send("<iq type='get' id='c1' to='svc.example.test'><ping xmlns='urn:xmpp:ping'/></iq>");
        alice.expect("<iq type='result' id='c1' from='svc.example.test' to='alice@example.test/r'/>");
        assertTrue(component.drain(Duration.ofSeconds(5)));
        assertTrue(host.unreceived().isEmpty());
    }
}
