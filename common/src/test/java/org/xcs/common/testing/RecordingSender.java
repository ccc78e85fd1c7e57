package org.xcs.common.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assertions;
import org.xcs.common.component.PacketSender;
import org.xmpp.packet.Packet;

/**
 * A {@link PacketSender} that records copies of what was sent, from any thread. Tests take packets in order with
 * {@link #next}/{@link #await} and end with {@link #assertNothingMore} (Netty {@code EmbeddedChannel} style).
 */
public final class RecordingSender implements PacketSender {
    private final List<Packet> sent = new ArrayList<>();
    private final List<Integer> batchSizes = new ArrayList<>();
    private int taken;

    @Override
    public synchronized void send(Packet packet) {
        // A copy: the code under test may reuse or change the packet after sending it.
        sent.add(packet.createCopy());
        batchSizes.add(1);
        notifyAll();
    }

    @Override
    public synchronized void sendAll(List<? extends Packet> packets) {
        packets.forEach(p -> sent.add(p.createCopy()));
        batchSizes.add(packets.size());
        notifyAll();
    }

    /** How the packets came: one entry per {@link #send} (1) or {@link #sendAll} (its size), in order. */
    public synchronized List<Integer> batchSizes() {
        return List.copyOf(batchSizes);
    }

    /** Everything sent so far, taken or not. */
    public synchronized List<Packet> all() {
        return List.copyOf(sent);
    }

    /** The ids of everything sent so far, in order. */
    public synchronized List<String> ids() {
        return sent.stream().map(Packet::getID).toList();
    }

    public synchronized int count() {
        return sent.size();
    }

    /** The next packet not yet taken, waiting up to {@code timeout}; fails the test if none comes. */
    public Packet next(Duration timeout) {
        return await(1, timeout).get(0);
    }

    /** The next {@code count} packets not yet taken, waiting up to {@code timeout} for them all. */
    public synchronized List<Packet> await(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (sent.size() - taken < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Assertions.fail("expected " + count + " more sent packets within " + timeout + " but got "
                        + (sent.size() - taken) + ": " + describe(sent.subList(taken, sent.size())));
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Assertions.fail("interrupted");
            }
        }
        List<Packet> result = List.copyOf(sent.subList(taken, taken + count));
        taken += count;
        return result;
    }

    /** Waits {@code quietPeriod}, then fails if anything was sent that no test step took. */
    public void assertNothingMore(Duration quietPeriod) {
        try {
            Thread.sleep(quietPeriod.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (sent.size() > taken) {
                Assertions.fail("unexpected packets sent: " + describe(sent.subList(taken, sent.size())));
            }
        }
    }

    private static String describe(List<Packet> packets) {
        StringBuilder text = new StringBuilder();
        for (Packet p : packets) {
            text.append("\n").append(XmlAssert.pretty(p.getElement()));
        }
        return packets.isEmpty() ? "none" : text.toString();
    }
}
