package org.xcs.relay.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xcs.relay.stun.MessageClass;
import org.xcs.relay.stun.StunAttribute;
import org.xcs.relay.stun.StunMessage;
import org.xcs.relay.stun.StunMethod;
import org.xcs.relay.turn.TurnCounters;
import org.xcs.relay.turn.TurnCredentialsForTest;
import org.xcs.relay.turn.TurnSettings;

/** The refusals the relay owes everyone on the wire: credentials (401), peers (403), quotas (486), junk. */
class TurnSecurityTest {

    private LoopbackTurn turn;

    @AfterEach
    void stop() {
        if (turn != null) {
            turn.close();
        }
    }

    static byte[] allocateRequest() {
        return TurnCredentialsForTest.request(StunMethod.ALLOCATE).add(new StunAttribute.RequestedTransport(17))
                .encode();
    }

    static int errorOf(StunMessage m) {
        assertEquals(MessageClass.ERROR_RESPONSE, m.messageClass(), m.toString());
        return m.get(StunAttribute.ErrorCode.class).orElseThrow().code();
    }

    /** A credential as coturn's REST API makes it, but with whatever expiry and secret the test chooses. */
    static TurnCredentialsForTest credential(long expiry, String jid, String secret) throws Exception {
        String username = expiry + ":" + jid;
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(secret.getBytes(), "HmacSHA1"));
        return new TurnCredentialsForTest(username, Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes())));
    }

    int allocateWith(TurnCredentialsForTest creds) throws Exception {
        try (TurnTestClient c = TurnTestClient.udp(turn.address, creds)) {
            StunMessage challenge = c.exchange(allocateRequest());
            assertEquals(401, errorOf(challenge), "RFC 8489 §9.2.4: no integrity -> 401 with REALM and NONCE");
            assertTrue(c.creds.learn(challenge));
            StunMessage answer = c.exchange(c.creds.sign(TurnCredentialsForTest.request(StunMethod.ALLOCATE)
                    .add(new StunAttribute.RequestedTransport(17))).encode());
            return answer.messageClass() == MessageClass.SUCCESS_RESPONSE ? 0 : errorOf(answer);
        }
    }

    @Test
    void expiredForgedAndForeignSecretCredentialsAreAnswered401AndNothingIsAllocated() throws Exception {
        turn = new LoopbackTurn(TurnSettings.defaults(), List.of());
        long now = System.currentTimeMillis() / 1000;
        assertEquals(401, allocateWith(credential(now - 1, "alice@example.test", LoopbackTurn.SECRET)), "expired");
        assertEquals(401, allocateWith(credential(now + 3600, "alice@example.test", "not-the-secret")), "other secret");
        TurnCredentialsForTest good = credential(now + 3600, "alice@example.test", LoopbackTurn.SECRET);
        assertEquals(401, allocateWith(new TurnCredentialsForTest(now + 3600 + ":alice@example.test",
                "Zm9yZ2VkIHBhc3N3b3JkIQ==")), "forged password");
        assertEquals(401, allocateWith(new TurnCredentialsForTest("alice", "password")), "not a time-limited name");
        assertEquals(0, turn.server.allocations().size());
        assertTrue(turn.server.counters().get(TurnCounters.UNAUTHENTICATED) >= 8);
        assertEquals(0, allocateWith(good), "and the right credential still works");
    }

    /** RFC 8656 §21.1 / issue: every special-purpose range, in every family and embedding, refused by default. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"127.0.0.1", "127.255.255.254", "0.0.0.0", "10.1.2.3", "172.16.0.1", "192.168.1.1",
            "169.254.1.1", "100.64.0.1", "224.0.0.1", "239.255.255.250", "255.255.255.255", "192.0.2.1",
            "198.51.100.1", "203.0.113.1", "198.18.0.1", "240.0.0.1", "::1", "::", "::ffff:127.0.0.1",
            "::ffff:10.0.0.1", "::127.0.0.1", "64:ff9b::7f00:1", "64:ff9b::a00:1", "2002:7f00:1::1",
            "2002:c0a8:101::1", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1", "2001:db8::1"})
    void everyDeniedPeerSpellingIsRefused403ByTheDefaultPolicy(String literal) throws Exception {
        turn = new LoopbackTurn(TurnSettings.defaults(), List.of());
        InetAddress peer = IpLiteral.parse(literal).orElseThrow();
        try (TurnTestClient c = turn.client(true, "alice@example.test")) {
            assertEquals(MessageClass.SUCCESS_RESPONSE, c.signed(() -> TurnCredentialsForTest
                    .request(StunMethod.ALLOCATE).add(new StunAttribute.RequestedTransport(17))).messageClass());
            InetSocketAddress target = new InetSocketAddress(peer, 5000);
            assertEquals(403, errorOf(c.signed(() -> TurnCredentialsForTest.request(StunMethod.CREATE_PERMISSION)
                    .add(new StunAttribute.XorPeerAddress(target)))), "CreatePermission " + literal);
            assertEquals(403, errorOf(c.signed(() -> TurnCredentialsForTest.request(StunMethod.CHANNEL_BIND)
                    .add(new StunAttribute.ChannelNumber(0x4000)).add(new StunAttribute.XorPeerAddress(target)))),
                    "ChannelBind " + literal);
        }
        assertEquals(2, turn.server.counters().get(TurnCounters.PEER_FORBIDDEN));
    }

    @Test
    void allocationsBeyondTheUserQuotaAreRefused486() throws Exception {
        turn = new LoopbackTurn(TurnSettings.defaults().withQuotas(1, 10), List.of());
        try (TurnTestClient first = turn.client(true, "alice@example.test");
             TurnTestClient second = turn.client(false, "alice@example.test")) {
            assertEquals(MessageClass.SUCCESS_RESPONSE, first.signed(() -> TurnCredentialsForTest
                    .request(StunMethod.ALLOCATE).add(new StunAttribute.RequestedTransport(17))).messageClass());
            assertEquals(486, errorOf(second.signed(() -> TurnCredentialsForTest
                    .request(StunMethod.ALLOCATE).add(new StunAttribute.RequestedTransport(17)))));
        }
    }

    @Test
    void malformedDatagramsAreAnswered400OrDroppedAndCountedWhileTheServerKeepsServing() throws Exception {
        turn = new LoopbackTurn(TurnSettings.defaults(), List.of());
        try (TurnTestClient c = turn.client(true, "alice@example.test")) {
            // A request header we can read with a broken attribute: RFC 8489 §6.3 -> 400.
            byte[] broken = TurnCredentialsForTest.request(StunMethod.BINDING)
                    .add(new StunAttribute.Software("x")).encode();
            broken[23] = (byte) 0x40; // SOFTWARE length 64: runs past the message end
            StunMessage bad = c.exchange(broken);
            assertEquals(400, errorOf(bad));

            Random random = new Random(8656);
            int sent = 0;
            for (int i = 0; i < 2_000; i++) {
                byte[] junk = new byte[random.nextInt(120)];
                random.nextBytes(junk);
                if (junk.length > 0 && i % 3 == 0) {
                    junk[0] = 0x01; // looks like a STUN request type
                }
                c.send(junk);
                sent++;
                if (i % 100 == 99) {
                    // Paced by a round trip, so the kernel's socket buffer never overflows and drops junk uncounted.
                    assertEquals(MessageClass.SUCCESS_RESPONSE, c.exchange(TurnCredentialsForTest
                            .request(StunMethod.BINDING).encode()).messageClass(), "serving after " + sent);
                }
            }
            c.send(new byte[0]);
            c.send(new byte[] {0x40, 0x00, 0x00, 0x10, 1, 2}); // ChannelData shorter than its length
            // Still serving: a Binding request is answered with the client's address (RFC 8489 §10.1).
            StunMessage binding = c.exchange(TurnCredentialsForTest.request(StunMethod.BINDING).encode());
            assertEquals(MessageClass.SUCCESS_RESPONSE, binding.messageClass());
            assertEquals(c.localAddress(), binding.get(StunAttribute.XorMappedAddress.class).orElseThrow().address());
            TurnCounters n = turn.server.counters();
            long counted = n.get(TurnCounters.MALFORMED_DROPPED) + n.get(TurnCounters.MALFORMED_ANSWERED)
                    + n.get(TurnCounters.NOT_TURN_DROPPED) + n.get(TurnCounters.NO_ALLOCATION_DROPPED)
                    + n.get(TurnCounters.UNAUTHENTICATED);
            assertTrue(counted >= sent, "every junk datagram counted: " + n);
            assertEquals(0, n.get(TurnCounters.HANDLER_FAILURES), n.toString());
        }
    }

    @Test
    void aTcpStreamThatCannotBeFramedIsClosedAndCountedAndOthersAreStillServed() throws Exception {
        turn = new LoopbackTurn(TurnSettings.defaults(), List.of());
        try (Socket s = new Socket()) {
            s.connect(turn.address, 5_000);
            s.setSoTimeout(5_000);
            OutputStream out = s.getOutputStream();
            out.write(new byte[] {(byte) 0xC0, 1, 2, 3, 4, 5, 6, 7}); // neither STUN nor ChannelData (RFC 8656 §12)
            out.flush();
            assertEquals(-1, s.getInputStream().read(), "the server closed the connection");
        }
        assertEquals(1, turn.server.counters().get(TurnCounters.STREAM_CLOSED_MALFORMED));
        try (TurnTestClient c = turn.client(false, "alice@example.test")) {
            assertEquals(MessageClass.SUCCESS_RESPONSE, c.signed(() -> TurnCredentialsForTest
                    .request(StunMethod.ALLOCATE).add(new StunAttribute.RequestedTransport(17))).messageClass());
        }
    }
}
