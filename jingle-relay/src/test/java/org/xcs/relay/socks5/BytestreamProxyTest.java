package org.xcs.relay.socks5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xcs.common.error.XmppException;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError;

/** Pairing, activation and limits over real loopback sockets (XEP-0065 §6.3, §10.1). */
class BytestreamProxyTest {

    static final JID ALICE = new JID("alice@example.test/a");
    static final String BOB = "bob@example.test/b";
    static final int WAIT_MS = 5000;

    private Socks5Listener listener;
    private BytestreamService service;

    private void start(Socks5Settings settings) throws IOException {
        Socks5Counters counters = new Socks5Counters();
        listener = Socks5Listener.start(settings, new BytestreamProxy(settings, counters), counters);
        service = new BytestreamService(Set.of("example.test"),
                new BytestreamService.Streamhost("127.0.0.1", listener.port()), listener.proxy());
    }

    private void start() throws IOException {
        start(LoopbackSocks5.LOOPBACK_SOCKS5);
    }

    @AfterEach
    void stop() {
        if (listener != null) {
            listener.close();
        }
    }

    /** Connects and runs the handshake for {@code address}; returns the socket and the reply code. */
    private Socket connect(String address) throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), listener.port());
        s.setSoTimeout(WAIT_MS);
        s.getOutputStream().write(Socks5HandshakeTest.connect(5, 1, 3, address));
        return s;
    }

    private static int replyCode(Socket s) throws IOException {
        byte[] method = s.getInputStream().readNBytes(2);
        assertArrayEquals(new byte[] {5, 0}, method);
        byte[] reply = s.getInputStream().readNBytes(7 + 40);
        assertEquals(47, reply.length, "a full reply");
        return reply[1];
    }

    private static String hash(String sid) {
        return DestinationAddress.of(sid, ALICE.toString(), BOB);
    }

    private static void assertClosed(Socket s) throws IOException {
        try {
            assertEquals(-1, s.getInputStream().read(), "closed by the proxy");
        } catch (java.net.SocketException reset) {
            // a reset is a close too
        }
    }

    @Test
    void theTwoConnectionsOfOneHashAreRelayedBothWaysOnlyAfterTheRequesterActivates() throws Exception {
        start();
        try (Socket target = connect(hash("s1")); Socket requester = connect(hash("s1"))) {
            assertEquals(0, replyCode(target));
            assertEquals(0, replyCode(requester));
            requester.getOutputStream().write("early".getBytes());
            target.setSoTimeout(300);
            assertThrows(SocketTimeoutException.class, () -> target.getInputStream().read(),
                    "nothing is relayed before activation (§10.1)");
            target.setSoTimeout(WAIT_MS);

            service.activate(ALICE, "s1", BOB);
            assertArrayEquals("early".getBytes(), target.getInputStream().readNBytes(5));
            target.getOutputStream().write("back".getBytes());
            assertArrayEquals("back".getBytes(), requester.getInputStream().readNBytes(4));
            byte[] big = new byte[300_000];
            new java.util.Random(1).nextBytes(big);
            requester.getOutputStream().write(big);
            requester.shutdownOutput();
            assertArrayEquals(big, target.getInputStream().readAllBytes(), "the half-close is passed on");
            assertEquals(1, listener.counters().activated());
        }
    }

    @Test
    void activationWithOnlyTheTargetConnectedIsNotAllowedAndWithNoneItemNotFound() throws Exception {
        start();
        assertCondition(PacketError.Condition.item_not_found, () -> service.activate(ALICE, "s2", BOB));
        try (Socket target = connect(hash("s2"))) {
            assertEquals(0, replyCode(target));
            assertCondition(PacketError.Condition.not_allowed, () -> service.activate(ALICE, "s2", BOB));
        }
    }

    @Test
    void onlyTheRequesterCanActivateBecauseTheHashIncludesItsJid() throws Exception {
        start();
        try (Socket target = connect(hash("s3")); Socket requester = connect(hash("s3"))) {
            replyCode(target);
            replyCode(requester);
            assertCondition(PacketError.Condition.item_not_found,
                    () -> service.activate(new JID("carol@example.test/c"), "s3", BOB));
            assertCondition(PacketError.Condition.forbidden,
                    () -> service.activate(new JID("alice@evil.test/a"), "s3", BOB));
            service.activate(ALICE, "s3", BOB);
            assertCondition(PacketError.Condition.not_allowed, () -> service.activate(ALICE, "s3", BOB));
        }
    }

    @Test
    void aThirdConnectionForTheSameHashIsRefusedNotAllowedByRuleset() throws Exception {
        start();
        try (Socket target = connect(hash("s4")); Socket requester = connect(hash("s4"))) {
            replyCode(target);
            replyCode(requester);
            try (Socket third = connect(hash("s4"))) {
                assertEquals(Socks5Handshake.REP_NOT_ALLOWED, replyCode(third));
                assertClosed(third);
            }
            assertEquals(1, listener.counters().refusedPairing());
        }
    }

    @Test
    void aMalformedHandshakeIsRefusedClosedAndCountedAndTheListenerKeepsServing() throws Exception {
        start();
        try (Socket bad = new Socket(InetAddress.getLoopbackAddress(), listener.port())) {
            bad.setSoTimeout(WAIT_MS);
            bad.getOutputStream().write(new byte[] {5, 1, 0, 5, 2, 0, 1, 127, 0, 0, 1, 0, 80});
            // method reply, then VER REP RSV ATYP=3 an empty address and port 0 (RFC 1928 §6)
            assertArrayEquals(new byte[] {5, 0, 5, Socks5Handshake.REP_COMMAND_NOT_SUPPORTED, 0, 3, 0, 0, 0},
                    bad.getInputStream().readNBytes(9));
            assertClosed(bad);
        }
        awaitCount(() -> listener.counters().malformed(), 1);
        try (Socket good = connect(hash("s5"))) {
            assertEquals(0, replyCode(good));
        }
    }

    @Test
    void aUserBeyondItsConcurrentTransfersIsRefusedResourceConstraint() throws Exception {
        start(LoopbackSocks5.LOOPBACK_SOCKS5.withLimits(10, 1, 1 << 20));
        try (Socket t1 = connect(hash("u1")); Socket r1 = connect(hash("u1"));
             Socket t2 = connect(hash("u2")); Socket r2 = connect(hash("u2"))) {
            for (Socket s : new Socket[] {t1, r1, t2, r2}) {
                replyCode(s);
            }
            service.activate(ALICE, "u1", BOB);
            assertCondition(PacketError.Condition.resource_constraint, () -> service.activate(ALICE, "u2", BOB));
            assertEquals(1, listener.proxy().activeTransfers());
        }
    }

    @Test
    void theTotalOfConcurrentTransfersIsLimitedAcrossUsers() throws Exception {
        start(LoopbackSocks5.LOOPBACK_SOCKS5.withLimits(1, 5, 1 << 20));
        JID carol = new JID("carol@example.test/c");
        String carolHash = DestinationAddress.of("c1", carol.toString(), BOB);
        try (Socket t1 = connect(hash("a1")); Socket r1 = connect(hash("a1"));
             Socket t2 = connect(carolHash); Socket r2 = connect(carolHash)) {
            for (Socket s : new Socket[] {t1, r1, t2, r2}) {
                replyCode(s);
            }
            service.activate(ALICE, "a1", BOB);
            assertCondition(PacketError.Condition.resource_constraint, () -> service.activate(carol, "c1", BOB));
        }
    }

    @Test
    void aTransferIsClosedAfterItsByteLimitHavingCarriedExactlyThatMany() throws Exception {
        start(LoopbackSocks5.LOOPBACK_SOCKS5.withLimits(10, 5, 1000));
        try (Socket target = connect(hash("b1")); Socket requester = connect(hash("b1"))) {
            replyCode(target);
            replyCode(requester);
            service.activate(ALICE, "b1", BOB);
            try {
                requester.getOutputStream().write(new byte[5000]);
            } catch (IOException closedWhileWriting) {
                // the proxy may close before all of it is written
            }
            byte[] got = target.getInputStream().readAllBytes();
            assertEquals(1000, got.length);
            awaitCount(() -> listener.counters().byteLimitClosed(), 1);
            assertEquals(0, listener.proxy().activeTransfers());
        }
    }

    @Test
    void aConnectionNeverActivatedIsClosedAfterThePendingTimeout() throws Exception {
        start(LoopbackSocks5.LOOPBACK_SOCKS5.withTimeouts(Duration.ofMillis(300), Duration.ofSeconds(60)));
        try (Socket target = connect(hash("p1"))) {
            replyCode(target);
            assertClosed(target);
            awaitCount(() -> listener.counters().pendingExpired(), 1);
            assertEquals(0, listener.proxy().pendingStreams());
        }
    }

    @Test
    void anActivatedTransferIdleInBothDirectionsIsClosed() throws Exception {
        start(LoopbackSocks5.LOOPBACK_SOCKS5.withTimeouts(Duration.ofSeconds(60), Duration.ofMillis(300)));
        try (Socket target = connect(hash("i1")); Socket requester = connect(hash("i1"))) {
            replyCode(target);
            replyCode(requester);
            service.activate(ALICE, "i1", BOB);
            assertClosed(target);
            assertClosed(requester);
            awaitCount(() -> listener.counters().idleClosed(), 1);
        }
    }

    @Test
    void closingTheListenerClosesThePortAndEveryTransfer() throws Exception {
        start();
        try (Socket target = connect(hash("d1")); Socket requester = connect(hash("d1"));
             Socket pending = connect(hash("d2"))) {
            replyCode(target);
            replyCode(requester);
            replyCode(pending);
            service.activate(ALICE, "d1", BOB);
            int port = listener.port();
            listener.close();
            assertClosed(target);
            assertClosed(requester);
            assertClosed(pending);
            assertThrows(IOException.class, () -> new Socket(InetAddress.getLoopbackAddress(), port).close());
        }
    }

    private static void assertCondition(PacketError.Condition condition, Runnable call) {
        XmppException e = assertThrows(XmppException.class, call::run);
        assertEquals(condition, e.condition());
    }

    private static void awaitCount(java.util.function.LongSupplier counter, long atLeast) throws InterruptedException {
        for (int i = 0; i < WAIT_MS / 20 && counter.getAsLong() < atLeast; i++) {
            Thread.sleep(20);
        }
        assertTrue(counter.getAsLong() >= atLeast, "counter reached " + counter.getAsLong());
    }

}
