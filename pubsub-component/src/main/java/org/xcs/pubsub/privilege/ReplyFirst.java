package org.xcs.pubsub.privilege;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.xcs.common.component.PacketSender;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Packet;

/**
 * The router's sender in PEP mode: what a delegated request sends on its users' behalf (notifications) leaves after
 * the reply to that request (XEP-0060 §7.1.2: the publisher learns of success first; clients rely on it). While
 * {@link #capture} runs, privileged stanzas of the current thread are collected; {@link #holdUntilReply} then
 * releases them right after the outer reply goes out on this sender.
 */
final class ReplyFirst implements PacketSender {
    private record ReplyKey(String to, String id) {
    }

    private final PacketSender out;
    private final ThreadLocal<List<Packet>> captured = new ThreadLocal<>();
    private final Map<ReplyKey, List<Packet>> held = new ConcurrentHashMap<>();

    ReplyFirst(PacketSender out) {
        this.out = Objects.requireNonNull(out);
    }

    /** Runs {@code work} collecting what {@link #sendOrCapture} is given meanwhile on this thread. */
    <T> T capture(java.util.function.Supplier<T> work, List<Packet> into) {
        List<Packet> outer = captured.get();
        captured.set(into);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                captured.remove();
            } else {
                captured.set(outer);
            }
        }
    }

    /** Sends now, or collects when a delegated request is being handled on this thread. */
    void sendOrCapture(Packet packet) {
        List<Packet> into = captured.get();
        if (into != null) {
            into.add(packet);
        } else {
            trace(packet);
            out.send(packet);
        }
    }

    void holdUntilReply(IQ reply, List<Packet> packets) {
        if (!packets.isEmpty()) {
            held.put(new ReplyKey(String.valueOf(reply.getTo()), reply.getID()), new ArrayList<>(packets));
        }
    }

    @Override
    public void send(Packet packet) {
        trace(packet);
        out.send(packet);
        if (packet instanceof IQ iq && iq.isResponse()) {
            List<Packet> after = held.remove(new ReplyKey(String.valueOf(iq.getTo()), iq.getID()));
            if (after != null) {
                pass(after);
            }
        }
    }

    /** A batch without replies passes as one; a batch holding a reply is sent one by one, releasing what it holds. */
    @Override
    public void sendAll(List<? extends Packet> packets) {
        for (Packet packet : packets) {
            if (packet instanceof IQ iq && iq.isResponse()) {
                packets.forEach(this::send);
                return;
            }
        }
        pass(packets);
    }

    private void pass(List<? extends Packet> packets) {
        packets.forEach(ReplyFirst::trace);
        out.sendAll(packets);
    }

    private static void trace(Packet packet) {
        if (PepFront.WIRE.isTraceEnabled()) {
            PepFront.WIRE.trace("OUT {}", packet.toXML());
        }
    }
}
