package org.xcs.bench.scenarios.relay;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Sends numbered datagrams of one size to a target that echoes them (directly, or through a TURN channel: then each
 * datagram carries the ChannelData header, RFC 8656 §12.4, and so does each echo) and measures the echoes. The
 * payload is [sequence:8][send nanos:8][filler]; only the payload is echoed by the peer, the header is the relay's.
 */
final class UdpProbe {
    /** A lost ping must not stall the round-trip series for long; loopback answers in microseconds. */
    static final Duration PING_TIMEOUT = Duration.ofMillis(200);
    /** A full window that does not move this long counts its packets as lost and opens again. */
    static final long STALL_NANOS = Duration.ofMillis(20).toNanos();

    record RoundTrips(Histogram nanos, long lost) {
    }

    record Pipelined(long sent, long received, double seconds) {
        double packetsPerSecond() {
            return received / seconds;
        }

        double lossPercent() {
            return sent == 0 ? 0 : 100.0 * (sent - received) / sent;
        }
    }

    private final DatagramSocket socket;
    private final InetSocketAddress target;
    private final byte[] header;
    private final int payload;

    UdpProbe(DatagramSocket socket, InetSocketAddress target, byte[] header, int payloadBytes) {
        if (payloadBytes < 16) {
            throw new IllegalArgumentException("payload holds sequence and time: at least 16 bytes");
        }
        this.socket = socket;
        this.target = target;
        this.header = header.clone();
        this.payload = payloadBytes;
    }

    /** One datagram in flight at a time: send, wait for its echo, next. */
    RoundTrips pingPong(int count) throws IOException {
        Histogram rtt = new Histogram(Duration.ofSeconds(10).toNanos(), 3);
        byte[] out = packet();
        DatagramPacket send = new DatagramPacket(out, out.length, target);
        byte[] in = new byte[header.length + payload + 64];
        DatagramPacket receive = new DatagramPacket(in, in.length);
        socket.setSoTimeout((int) PING_TIMEOUT.toMillis());
        long lost = 0;
        for (long seq = 0; seq < count; seq++) {
            long t0 = System.nanoTime();
            stamp(out, seq, t0);
            socket.send(send);
            while (true) {
                try {
                    receive.setLength(in.length);
                    socket.receive(receive);
                } catch (SocketTimeoutException timeout) {
                    lost++;
                    break;
                }
                // Late echoes of a ping given up for lost are skipped.
                if (receive.getLength() == out.length && sequence(in) == seq) {
                    rtt.recordValue(System.nanoTime() - t0);
                    break;
                }
            }
        }
        return new RoundTrips(rtt, lost);
    }

    /**
     * As fast as the echoes come back, with at most {@code window} datagrams unanswered, for {@code duration} or
     * {@code maxPackets}, whichever ends first. Counts the echoes; what never returned is loss.
     */
    Pipelined pipelined(Duration duration, long maxPackets, int window) throws Exception {
        AtomicLong received = new AtomicLong();
        AtomicLong newest = new AtomicLong(-1);
        int expectedLength = header.length + payload;
        socket.setSoTimeout(50);
        Thread receiver = new Thread(() -> {
            byte[] in = new byte[expectedLength + 64];
            DatagramPacket receive = new DatagramPacket(in, in.length);
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    receive.setLength(in.length);
                    socket.receive(receive);
                    if (receive.getLength() == expectedLength) {
                        received.incrementAndGet();
                        newest.accumulateAndGet(sequence(in), Math::max);
                    }
                } catch (SocketTimeoutException idle) {
                    // look at the interrupt flag again
                } catch (IOException e) {
                    return;
                }
            }
        }, "probe-receiver");
        receiver.setDaemon(true);
        receiver.start();

        byte[] out = packet();
        DatagramPacket send = new DatagramPacket(out, out.length, target);
        long sent = 0;
        long writtenOff = -1;
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        long stalledSince = 0;
        long now = start;
        while (now < end && sent < maxPackets) {
            // Loopback and both relays keep order: an echo of n means every datagram before n came back or never
            // will, so a lost datagram leaves the window at once instead of shrinking it.
            long inFlight = sent - 1 - Math.max(newest.get(), writtenOff);
            if (inFlight >= window) {
                if (stalledSince == 0) {
                    stalledSince = now;
                } else if (now - stalledSince > STALL_NANOS) {
                    writtenOff = sent - 1; // the whole window lost: open it again, the final count shows the loss
                    stalledSince = 0;
                }
                LockSupport.parkNanos(10_000);
                now = System.nanoTime();
                continue;
            }
            stalledSince = 0;
            stamp(out, sent, now);
            socket.send(send);
            sent++;
            now = System.nanoTime();
        }
        long sendEnd = System.nanoTime();
        // The last window's echoes are still on their way: wait for them (bounded), count only the sending time.
        long drainDeadline = System.nanoTime() + PING_TIMEOUT.toNanos();
        while (received.get() < sent && System.nanoTime() < drainDeadline) {
            LockSupport.parkNanos(100_000);
        }
        receiver.interrupt();
        receiver.join(1_000);
        return new Pipelined(sent, Math.min(sent, received.get()), (sendEnd - start) / 1e9);
    }

    private byte[] packet() {
        byte[] p = new byte[header.length + payload];
        System.arraycopy(header, 0, p, 0, header.length);
        for (int i = header.length + 16; i < p.length; i++) {
            p[i] = (byte) i;
        }
        return p;
    }

    private void stamp(byte[] p, long seq, long nanos) {
        ByteBuffer.wrap(p, header.length, 16).putLong(seq).putLong(nanos);
    }

    private long sequence(byte[] p) {
        return ByteBuffer.wrap(p, header.length, 8).getLong();
    }
}
