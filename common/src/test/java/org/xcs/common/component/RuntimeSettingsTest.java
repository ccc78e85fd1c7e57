package org.xcs.common.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;

class RuntimeSettingsTest {

    @Test
    void theLivenessPingGoesToTheParentDomainOfTheComponent() {
        assertEquals("example.test", RuntimeSettings.defaults().pingTargetFor("muc.example.test"));
    }

    @Test
    void anExplicitPingTargetWins() {
        assertEquals("xmpp.example.org",
                RuntimeSettings.defaults().withPingTarget("xmpp.example.org").pingTargetFor("muc.example.test"));
    }

    @Test
    void aDotlessDomainPingsItselfThroughTheHost() {
        assertEquals("muc", RuntimeSettings.defaults().pingTargetFor("muc"));
    }

    @Test
    void aMaximumBelowTheInitialBackoffIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> RuntimeSettings.defaults().withBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
    }

    @Test
    void defaultsMatchTheDocumentedValues() {
        RuntimeSettings defaults = RuntimeSettings.defaults();
        assertEquals(Duration.ofMillis(500), defaults.initialBackoff());
        assertEquals(Duration.ofSeconds(30), defaults.maxBackoff());
        assertEquals(Duration.ofSeconds(5), defaults.pingInterval());
        assertEquals(Duration.ofSeconds(30), defaults.pingTimeout(), "a busy host's late pong must not drop the link");
        assertEquals(false, defaults.waitForHost());
        assertEquals(511 * 1024, defaults.maxStanzaBytes(), "under Prosody's 512 KiB component_stanza_size_limit");
    }

    @Test
    void aStanzaLimitTooSmallForOrdinaryRepliesIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> RuntimeSettings.defaults().withMaxStanzaBytes(1024));
    }

    @Test
    void thePingIsAnXep0199GetFromTheComponentAndBothResultAndErrorRepliesAreRecognised() {
        HostPing ping = new HostPing(new JID("muc.example.test"), new JID("example.test"));
        String id = ping.nextId();
        IQ request = ping.request(id);
        assertEquals(IQ.Type.get, request.getType());
        assertEquals("muc.example.test", request.getFrom().toString());
        assertEquals("example.test", request.getTo().toString());
        assertEquals("urn:xmpp:ping", request.getChildElement().getNamespaceURI());
        assertEquals("ping", request.getChildElement().getName());

        IQ result = IQ.createResultIQ(request);
        IQ error = IQ.createResultIQ(request);
        error.setType(IQ.Type.error);
        assertEquals(true, ping.isReply(result));
        assertEquals(true, ping.isReply(error));
        IQ someoneElses = new IQ(IQ.Type.result, "other-id");
        assertEquals(false, ping.isReply(someoneElses));
        assertEquals(false, ping.isReply(request), "a get is not a reply");
        assertEquals(false, ping.isReply(new Message()));
    }

    @Test
    void theParentDomainIsWhatFollowsTheFirstLabel() {
        assertEquals("example.org", RuntimeSettings.parentDomainOf("muc.example.org"));
        assertEquals("localhost", RuntimeSettings.parentDomainOf("localhost"));
        // No label after the first dot: nothing above it, the domain is its own host (never an empty domain).
        assertEquals("muc.", RuntimeSettings.parentDomainOf("muc."));
    }
}
