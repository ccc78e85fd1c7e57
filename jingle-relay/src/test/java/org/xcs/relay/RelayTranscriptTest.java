package org.xcs.relay;

import static org.xcs.relay.socks5.LoopbackSocks5.LOOPBACK_SOCKS5;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.xcs.common.launch.ComponentContext;
import org.xcs.common.store.InMemoryStore;
import org.xcs.common.testing.TranscriptRunner;
import org.xcs.relay.extdisco.ExternalService;
import org.xcs.relay.net.PortRange;
import org.xmpp.packet.JID;

class RelayTranscriptTest {

    /** Fixed, so the transcripts can state the exact credentials: expiry 2030-01-02T00:00:00Z, secret "s3cret". */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);

    @TestFactory
    Stream<DynamicTest> transcripts() throws Exception {
        // TURN on loopback, a free port; advertised as a documentation address so the transcripts can name it.
        RelaySettings settings = RelaySettings.defaults()
                .withListen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), new PortRange(41000, 41999))
                .withSocks5(LOOPBACK_SOCKS5)
                .withExternalAddress(InetAddress.getByName("192.0.2.10"))
                .withSecrets(List.of("s3cret"));
        RelayModule module = new RelayModule(settings);
        return TranscriptRunner.dynamicTests("transcripts/relay", sender -> module.create(new ComponentContext(
                new JID("relay.example.test"), sender, new InMemoryStore(module.schemaVersion()), CLOCK,
                "1.2.3")));
    }

    @TestFactory
    Stream<DynamicTest> externalCoturnTranscripts() {
        RelaySettings settings = RelaySettings.defaults().withSocks5(LOOPBACK_SOCKS5).withSecrets(List.of("s3cret"))
                .withAllowedDomains(Set.of("example.org"))
                .withExternalTurn(List.of(ExternalService.parseUri("stun:stun.example.test"),
                        ExternalService.parseUri("turn:turn.example.test:3478?transport=udp"),
                        ExternalService.parseUri("turn:turn.example.test:443?transport=tcp")));
        RelayModule module = new RelayModule(settings);
        return TranscriptRunner.dynamicTests("transcripts/relay-external", sender -> module.create(
                new ComponentContext(new JID("relay.example.test"), sender, new InMemoryStore(module.schemaVersion()),
                        CLOCK, "1.2.3")));
    }
}
