package org.xcs.common.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xcs.common.component.RuntimeFixture.DOMAIN;
import static org.xcs.common.component.RuntimeFixture.FAST;
import static org.xcs.common.component.RuntimeFixture.params;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.dom4j.Element;
import org.junit.jupiter.api.Test;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;
import org.xmpp.packet.PacketError;

/** A reply the host would refuse (and close our stream for) is answered with an error instead. */
class StanzaSizeGuardTest {

    private static final int LIMIT = RuntimeSettings.MIN_STANZA_BYTES;

    private final List<Packet> written = new ArrayList<>();
    private final StanzaSizeGuard guard = new StanzaSizeGuard(written::add, LIMIT, DOMAIN);

    @Test
    void aResultWithinTheLimitGoesOutUnchanged() {
        IQ result = resultWithText("x".repeat(LIMIT - 500));
        guard.send(result);
        assertEquals(List.of(result), written);
        assertEquals(0, guard.refused());
    }

    // RFC 6120 §8.3.3.18; "modify": the requester can ask for fewer items (XEP-0059).
    @Test
    void aResultAboveTheLimitIsAnsweredWithOneResourceConstraintErrorToTheSameRequest() {
        guard.send(resultWithText("x".repeat(LIMIT + 1)));
        assertEquals(1, written.size());
        IQ error = (IQ) written.get(0);
        assertEquals(IQ.Type.error, error.getType());
        assertEquals("items7", error.getID());
        assertEquals(new JID("alice@example.test/phone"), error.getTo());
        assertEquals(new JID(DOMAIN), error.getFrom());
        assertEquals(PacketError.Condition.resource_constraint, error.getError().getCondition());
        assertEquals(PacketError.Type.modify, error.getError().getType());
        assertTrue(error.getError().getText().contains("XEP-0059"), error.getError().getText());
        assertEquals(1, guard.refused());
    }

    @Test
    void theLimitCountsUtf8BytesNotCharacters() {
        // 6,000 characters of three bytes each: 18,000 bytes, above the 16 KiB limit in fewer than 16 K chars.
        guard.send(resultWithText("\u20ac".repeat(6_000)));
        assertEquals(IQ.Type.error, ((IQ) written.get(0)).getType());
    }

    @Test
    void messagesAreNotMeasured() {
        Message big = new Message();
        big.setTo("alice@example.test/phone");
        big.setBody("x".repeat(LIMIT * 2));
        guard.send(big);
        assertSame(big, written.get(0));
    }

    @Test
    void throughTheRuntimeTheHostGetsTheErrorAndTheLinkStays() throws Exception {
        try (FakeComponentHost host = RuntimeFixture.startedHost()) {
            PacketSender[] sender = new PacketSender[1];
            ComponentCore core = new ComponentCore() {
                @Override
                public void handle(Packet packet) {
                }

                @Override
                public void onConnected(PacketSender s) {
                    sender[0] = s;
                }

                @Override
                public void drain(Duration timeout) {
                }
            };
            ComponentRuntime runtime = ComponentRuntime.overWhack(params(host.port()), core,
                    FAST.withMaxStanzaBytes(LIMIT));
            try {
                runtime.start();
                sender[0].send(resultWithText("x".repeat(LIMIT * 4)));
                sender[0].send(resultWithText("small"));
                List<Packet> got = host.awaitReceived(p -> p instanceof IQ iq && "items7".equals(iq.getID()), 2,
                        Duration.ofSeconds(5));
                assertEquals(List.of(IQ.Type.error, IQ.Type.result), got.stream().map(p -> ((IQ) p).getType()).toList());
                assertTrue(runtime.isConnected());
                assertEquals(0, runtime.counters().reconnects());
                assertEquals(1, runtime.counters().resultsTooLarge());
            } finally {
                runtime.stop(Duration.ofMillis(100));
            }
        }
    }

    private static IQ resultWithText(String text) {
        IQ result = new IQ(IQ.Type.result, "items7");
        result.setFrom(DOMAIN);
        result.setTo("alice@example.test/phone");
        Element query = result.setChildElement("query", "http://jabber.org/protocol/disco#items");
        query.addElement("item").addAttribute("jid", "room@" + DOMAIN).addAttribute("name", text);
        return result;
    }
}
