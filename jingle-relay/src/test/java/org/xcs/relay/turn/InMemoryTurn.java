package org.xcs.relay.turn;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.xcs.relay.credentials.LongTermAuthenticator;
import org.xcs.relay.credentials.StatelessNonces;
import org.xcs.relay.credentials.TimeLimitedCredentials;
import org.xcs.relay.credentials.TurnCredential;
import org.xcs.relay.net.PeerAddressPolicy;
import org.xcs.relay.stun.StunMessage;
import org.xcs.relay.stun.StunMessageBuilder;
import org.xcs.relay.stun.StunParseException;

/** A {@link TurnServer} with fake relay sockets, clients as recorded paths, and a clock the test moves. */
final class InMemoryTurn {

    static final String SECRET = "test-secret";
    static final String REALM = "example.test";
    static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

    final ManualClock clock = new ManualClock(START);
    final TimeLimitedCredentials credentials = new TimeLimitedCredentials(List.of(SECRET), clock);
    final FakeEndpoints endpoints = new FakeEndpoints();
    final TurnServer server;

    InMemoryTurn(TurnSettings settings, List<String> allowedPeers) {
        LongTermAuthenticator auth = new LongTermAuthenticator(REALM, credentials,
                new StatelessNonces(new byte[32], clock, Duration.ofMinutes(10)));
        server = new TurnServer(settings, auth, new PeerAddressPolicy(allowedPeers), endpoints,
                InetAddress.getLoopbackAddress(), clock, clock::nanoTime);
    }

    Client client(String jid, int port) {
        TurnCredential c = credentials.issue(jid, Duration.ofDays(1));
        return new Client(new TurnCredentialsForTest(c.username(), c.password()),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), port), ClientTransport.UDP);
    }

    final class Client implements ClientPath {
        final TurnCredentialsForTest creds;
        final InetSocketAddress address;
        final ClientTransport transport;
        final List<byte[]> received = new ArrayList<>();

        Client(TurnCredentialsForTest creds, InetSocketAddress address, ClientTransport transport) {
            this.creds = creds;
            this.address = address;
            this.transport = transport;
        }

        @Override
        public ClientTransport transport() {
            return transport;
        }

        @Override
        public InetSocketAddress client() {
            return address;
        }

        @Override
        public void send(byte[] packet) {
            received.add(packet);
        }

        void deliver(byte[] packet) {
            server.onClientPacket(packet, 0, packet.length, this);
        }

        /** Sends and returns the single answer (throws if there was none). */
        StunMessage raw(byte[] packet) {
            int before = received.size();
            deliver(packet);
            if (received.size() != before + 1) {
                throw new AssertionError("expected one answer, got " + (received.size() - before));
            }
            try {
                return StunMessage.parse(received.remove(received.size() - 1));
            } catch (StunParseException e) {
                throw new AssertionError("unparsable answer", e);
            }
        }

        /** Signed with the current nonce; a 401/438 challenge teaches the nonce and the request is sent again. */
        StunMessage signed(Supplier<StunMessageBuilder> request) {
            for (int attempt = 0; attempt < 3; attempt++) {
                StunMessageBuilder b = request.get();
                StunMessage answer = raw((creds.hasChallenge() ? creds.sign(b) : b).encode());
                if (!creds.learn(answer)) {
                    return answer;
                }
            }
            throw new AssertionError("still challenged after 3 attempts");
        }

        List<byte[]> drain() {
            List<byte[]> copy = List.copyOf(received);
            received.clear();
            return copy;
        }
    }

    static final class FakeEndpoints implements RelayEndpoints {
        final List<FakeEndpoint> opened = new ArrayList<>();
        private int nextPort = 50_000;

        @Override
        public RelayEndpoint open(boolean evenPort, Inbound inbound) {
            FakeEndpoint e = new FakeEndpoint(nextPort, inbound);
            nextPort += 2;
            opened.add(e);
            return e;
        }
    }

    record Sent(byte[] data, InetSocketAddress peer) {
    }

    static final class FakeEndpoint implements RelayEndpoint {
        final int port;
        final RelayEndpoints.Inbound inbound;
        final List<Sent> sent = new ArrayList<>();
        boolean closed;

        FakeEndpoint(int port, RelayEndpoints.Inbound inbound) {
            this.port = port;
            this.inbound = inbound;
        }

        @Override
        public InetSocketAddress boundAddress() {
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        }

        @Override
        public void send(ByteBuffer data, InetSocketAddress peer) {
            byte[] copy = new byte[data.remaining()];
            data.get(copy);
            sent.add(new Sent(copy, peer));
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
