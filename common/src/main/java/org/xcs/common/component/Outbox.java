package org.xcs.common.component;

import java.util.ArrayDeque;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmpp.packet.Packet;

/**
 * The {@link PacketSender} the core sees. While a transport is attached, stanzas go straight to it; otherwise they
 * wait in a bounded buffer and go out in order on the next {@link #attach}. Nothing is dropped without being
 * counted and logged.
 */
final class Outbox implements PacketSender {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private final String domain;
    private final int capacity;
    private final BiConsumer<Transport, RuntimeException> onWriteFailure;
    private final ArrayDeque<Packet> buffer = new ArrayDeque<>();
    private Transport live;
    private boolean closed;
    private long bufferedTotal;
    private long dropped;
    private long droppedInOutage;

    Outbox(String domain, int capacity, BiConsumer<Transport, RuntimeException> onWriteFailure) {
        this.domain = domain;
        this.capacity = capacity;
        this.onWriteFailure = onWriteFailure;
    }

    @Override
    public void send(Packet packet) {
        deliver(List.of(packet), transport -> transport.send(packet));
    }

    /** As {@link #send} for each, in one batch: what the transport did not write whole is kept, in order. */
    @Override
    public void sendAll(List<? extends Packet> packets) {
        if (packets.isEmpty()) {
            return; // an empty broadcast (a room's first occupant gets no roster) must not probe the connection
        }
        deliver(packets, transport -> transport.sendAll(packets));
    }

    /**
     * Writes {@code packets} through the live transport with {@code write}, or keeps them while none is attached or
     * older stanzas still wait. A failed write detaches the transport and keeps what it did not write whole.
     */
    private void deliver(List<? extends Packet> packets, Consumer<Transport> write) {
        Transport failed = null;
        RuntimeException failure = null;
        synchronized (this) {
            int from = 0;
            if (live != null && buffer.isEmpty()) {
                try {
                    write.accept(live);
                    return;
                } catch (RuntimeException e) {
                    failed = live;
                    failure = e;
                    live = null;
                    from = e instanceof PartialWrite partial ? partial.written() : 0;
                }
            }
            for (int i = from; i < packets.size(); i++) {
                keep(packets.get(i));
            }
        }
        if (failed != null) {
            onWriteFailure.accept(failed, failure);
        }
    }

    private void keep(Packet packet) {
        if (closed) {
            dropped++;
            log.warn("{}: dropped an outbound <{}/> to {}: the runtime has stopped", domain,
                    packet.getElement().getName(), packet.getTo());
            return;
        }
        if (buffer.size() >= capacity) {
            dropped++;
            droppedInOutage++;
            if (droppedInOutage == 1) {
                log.warn("{}: outbound buffer full ({} stanzas) while disconnected: dropping newer stanzas"
                        + " until the host is back", domain, capacity);
            }
            return;
        }
        buffer.add(packet);
        bufferedTotal++;
    }

    /**
     * Sends the buffered stanzas in order through {@code transport}, then routes new ones straight to it.
     * Returns false if a write failed; the unsent stanzas stay buffered and the transport stays detached.
     */
    synchronized boolean attach(Transport transport) {
        int flushed = 0;
        while (!buffer.isEmpty()) {
            try {
                transport.send(buffer.peek());
            } catch (RuntimeException e) {
                log.warn("{}: write failed after {} of {} buffered stanzas", domain, flushed, flushed + buffer.size());
                return false;
            }
            buffer.poll();
            flushed++;
        }
        if (flushed > 0 || droppedInOutage > 0) {
            log.info("{}: sent {} stanzas buffered while disconnected; {} dropped (buffer capacity {})", domain,
                    flushed, droppedInOutage, capacity);
        }
        droppedInOutage = 0;
        live = transport;
        return true;
    }

    synchronized void detach(Transport transport) {
        if (live == transport) {
            live = null;
        }
    }

    /** Stops taking stanzas; what is still buffered will never be sent and is reported. */
    synchronized void close() {
        closed = true;
        live = null;
        if (!buffer.isEmpty()) {
            dropped += buffer.size();
            log.warn("{}: {} outbound stanzas were never sent: the host was not connected at shutdown", domain,
                    buffer.size());
            buffer.clear();
        }
    }

    synchronized int buffered() {
        return buffer.size();
    }

    synchronized long bufferedTotal() {
        return bufferedTotal;
    }

    synchronized long dropped() {
        return dropped;
    }
}
