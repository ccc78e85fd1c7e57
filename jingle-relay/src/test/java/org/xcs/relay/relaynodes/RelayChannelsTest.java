package org.xcs.relay.relaynodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xcs.relay.net.PortRange;
import org.xcs.relay.net.UdpRelayEndpoints;

/** XEP-0278 channels on loopback with real UDP sockets: latching both ways, expiry, limits, drain. */
class RelayChannelsTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final PortRange PORTS = new PortRange(44000, 44999);

    private final RelayNodeCounters counters = new RelayNodeCounters();
    private RelayChannels channels;

    private RelayChannels start(RelayNodeSettings settings) throws IOException {
        channels = new RelayChannels(new UdpRelayEndpoints(LOOPBACK, PORTS), settings, System::nanoTime, counters);
        return channels;
    }

    @AfterEach
    void close() {
        if (channels != null) {
            channels.close();
        }
    }

    @Test
    void datagramsAreForwardedToTheLastSourceSeenOnTheOtherPortBothWays() throws Exception {
        RelayChannels.Opened c = start(RelayNodeSettings.defaults()).open("romeo@montague.lit");
        assertNotEquals(c.localPort(), c.remotePort());
        assertTrue(c.localPort() >= PORTS.min() && c.remotePort() <= PORTS.max(), "ports from the relay range");
        try (DatagramSocket requester = socket(); DatagramSocket remote = socket()) {
            InetSocketAddress local = new InetSocketAddress(LOOPBACK, c.localPort());
            InetSocketAddress remotePort = new InetSocketAddress(LOOPBACK, c.remotePort());
            // Before the remote party has sent anything, the relay has nowhere to send the requester's media.
            send(requester, "early", local);
            waitUntil(() -> counters.droppedNoPeer() == 1);
            send(remote, "hello requester", remotePort);
            DatagramPacket atRequester = receive(requester);
            assertEquals("hello requester", text(atRequester));
            assertEquals(c.localPort(), atRequester.getPort(), "the requester sees the relay's local port");
            send(requester, "hello remote", local);
            DatagramPacket atRemote = receive(remote);
            assertEquals("hello remote", text(atRemote));
            assertEquals(c.remotePort(), atRemote.getPort(), "the remote party sees the relay's remote port");
            // Latching follows the last source: a new requester socket takes over.
            try (DatagramSocket moved = socket()) {
                send(moved, "moved", local);
                assertEquals("moved", text(receive(remote)));
                send(remote, "to the new address", remotePort);
                assertEquals("to the new address", text(receive(moved)));
            }
            assertEquals(4, counters.forwarded());
        }
    }

    @Test
    void aChannelThatReceivesNothingForTheIdleTimeoutIsClosedAndItsPortsReleased() throws Exception {
        start(RelayNodeSettings.defaults().withIdleTimeout(Duration.ofMillis(200)));
        RelayChannels.Opened c = channels.open("romeo@montague.lit");
        assertEquals(1, channels.open());
        waitUntil(() -> channels.open() == 0);
        assertEquals(1, counters.expired());
        assertEquals(0, channels.openBy("romeo@montague.lit"));
        // The ports are free again (the selector releases a closed socket on its next round).
        waitUntil(() -> bindable(c.localPort()) && bindable(c.remotePort()));
    }

    @Test
    void anyDatagramRestartsTheIdleTimeAndTheChannelExpiresExactlyAtTheTimeoutAfterTheLast() throws Exception {
        AtomicLong now = new AtomicLong();
        Duration idle = Duration.ofSeconds(60);
        channels = new RelayChannels(new UdpRelayEndpoints(LOOPBACK, PORTS),
                RelayNodeSettings.defaults().withIdleTimeout(idle), now::get, counters);
        RelayChannels.Opened c = channels.open("romeo@montague.lit");
        now.addAndGet(idle.toNanos() - 1);
        try (DatagramSocket requester = socket()) {
            send(requester, "keepalive", new InetSocketAddress(LOOPBACK, c.localPort()));
            waitUntil(() -> counters.droppedNoPeer() == 1); // received (nobody latched on the other port yet)
        }
        now.addAndGet(idle.toNanos() - 1);
        channels.sweep();
        assertEquals(1, channels.open(), "idle for just under the timeout since the last datagram");
        now.addAndGet(1);
        channels.sweep();
        assertEquals(0, channels.open(), "idle for the timeout: closed (XEP-0278 §6)");
        assertEquals(1, counters.expired());
    }

    @Test
    void theUserAndTotalLimitsRefuseFurtherChannelsUntilOneCloses() throws Exception {
        start(RelayNodeSettings.defaults().withLimits(3, 2));
        channels.open("romeo@montague.lit");
        channels.open("romeo@montague.lit");
        RelayChannels.RefusedException user = assertThrows(RelayChannels.RefusedException.class,
                () -> channels.open("romeo@montague.lit"));
        assertEquals(RelayChannels.Refusal.USER_LIMIT, user.refusal());
        channels.open("juliet@capulet.lit");
        RelayChannels.RefusedException total = assertThrows(RelayChannels.RefusedException.class,
                () -> channels.open("nurse@capulet.lit"));
        assertEquals(RelayChannels.Refusal.TOTAL_LIMIT, total.refusal());
        assertEquals(2, counters.refusedLimit());
        assertEquals(3, counters.opened());
    }

    @Test
    void aRangeWithoutTwoFreePortsRefusesTheChannelAndReleasesTheOneItTook() throws Exception {
        int port;
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            port = probe.getLocalPort(); // a free port, so that no concurrent test owns the one-port range
        }
        channels = new RelayChannels(new UdpRelayEndpoints(LOOPBACK, new PortRange(port, port)),
                RelayNodeSettings.defaults(), System::nanoTime, counters);
        RelayChannels.RefusedException e = assertThrows(RelayChannels.RefusedException.class,
                () -> channels.open("romeo@montague.lit"));
        assertEquals(RelayChannels.Refusal.NO_PORT, e.refusal());
        assertEquals(0, channels.open());
        assertEquals(1, counters.refusedNoPort());
        waitUntil(() -> bindable(port));
    }

    @Test
    void closingClosesEveryChannelAndRefusesNewOnes() throws Exception {
        start(RelayNodeSettings.defaults());
        RelayChannels.Opened c = channels.open("romeo@montague.lit");
        channels.close();
        assertEquals(0, channels.open());
        assertEquals(RelayChannels.Refusal.CLOSED, assertThrows(RelayChannels.RefusedException.class,
                () -> channels.open("romeo@montague.lit")).refusal());
        waitUntil(() -> bindable(c.localPort()) && bindable(c.remotePort()));
    }

    private static boolean bindable(int port) {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(LOOPBACK, port))) {
            return s.isBound();
        } catch (IOException e) {
            return false;
        }
    }

    private static DatagramSocket socket() throws IOException {
        DatagramSocket s = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
        s.setSoTimeout(5_000);
        return s;
    }

    private static void send(DatagramSocket s, String text, InetSocketAddress to) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        s.send(new DatagramPacket(b, b.length, to));
    }

    private static DatagramPacket receive(DatagramSocket s) throws IOException {
        DatagramPacket p = new DatagramPacket(new byte[2048], 2048);
        try {
            s.receive(p);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("nothing relayed within 5 s", e);
        }
        return p;
    }

    private static String text(DatagramPacket p) {
        return new String(p.getData(), p.getOffset(), p.getLength(), StandardCharsets.UTF_8);
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    /** Bounded wait for liveness (5 s), never a timing assertion. */
    private static void waitUntil(Condition condition) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not reached within 5 s");
            }
            Thread.sleep(10);
        }
    }
}
