package org.xcs.relay.net;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.xcs.relay.credentials.LongTermAuthenticator;
import org.xcs.relay.credentials.StatelessNonces;
import org.xcs.relay.credentials.TimeLimitedCredentials;
import org.xcs.relay.credentials.TurnCredential;
import org.xcs.relay.turn.TurnCredentialsForTest;
import org.xcs.relay.turn.TurnServer;
import org.xcs.relay.turn.TurnSettings;

/** Our TURN server on 127.0.0.1, a free port, relayed ports from a test range; closed by the test. */
final class LoopbackTurn implements AutoCloseable {

    static final String SECRET = "loopback-secret";
    static final String REALM = "example.test";
    static final PortRange RELAY_PORTS = new PortRange(42000, 42999);

    final TimeLimitedCredentials credentials = new TimeLimitedCredentials(List.of(SECRET), Clock.systemUTC());
    final TurnServer server;
    final TurnListeners listeners;
    final InetSocketAddress address;

    LoopbackTurn(TurnSettings settings, List<String> allowedPeers) throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        UdpRelayEndpoints endpoints = new UdpRelayEndpoints(loopback, RELAY_PORTS);
        server = new TurnServer(settings, new LongTermAuthenticator(REALM, credentials,
                StatelessNonces.withRandomKey(new SecureRandom(), Clock.systemUTC(), Duration.ofMinutes(10))),
                new PeerAddressPolicy(allowedPeers), endpoints, loopback, Clock.systemUTC(), System::nanoTime);
        listeners = TurnListeners.start(new InetSocketAddress(loopback, 0), server, endpoints);
        address = new InetSocketAddress(loopback, listeners.port());
    }

    TurnCredentialsForTest user(String jid) {
        TurnCredential c = credentials.issue(jid, Duration.ofHours(1));
        return new TurnCredentialsForTest(c.username(), c.password());
    }

    TurnTestClient client(boolean udp, String jid) throws Exception {
        return udp ? TurnTestClient.udp(address, user(jid)) : TurnTestClient.tcp(address, user(jid));
    }

    @Override
    public void close() {
        listeners.close();
    }
}
