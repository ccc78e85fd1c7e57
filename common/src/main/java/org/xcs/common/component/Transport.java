package org.xcs.common.component;

import java.util.List;
import java.util.function.Consumer;
import org.xmpp.packet.Packet;

/**
 * One XEP-0114 connection to the host. The seam between the runtime and the library doing the wire work (Whack
 * today): the runtime creates a fresh instance for every (re)connect attempt and never reuses a closed one.
 */
public interface Transport {

    /**
     * Opens the stream and completes the handshake (XEP-0114 §3), bounded by the params' connect and handshake
     * timeouts. Afterwards {@code inbound} receives every stanza on ONE thread in arrival order, and
     * {@code onLost} is called at most once if the connection ends without {@link #close()}.
     */
    void connect(ConnectParams params, PacketHandler inbound, Consumer<Throwable> onLost) throws ConnectFailure;

    /**
     * Writes one stanza. Thread-safe. Throws {@link java.io.UncheckedIOException} when the stanza could not be
     * written (not connected, or the write failed), so the caller can keep it for the next connection.
     */
    void send(Packet packet);

    /**
     * Writes {@code packets} in order; a transport may batch them into fewer writes. Thread-safe. When a write fails,
     * throws {@link PartialWrite} saying how many leading packets were written whole, so the caller keeps the rest.
     */
    default void sendAll(List<? extends Packet> packets) {
        int written = 0;
        try {
            for (Packet packet : packets) {
                send(packet);
                written++;
            }
        } catch (java.io.UncheckedIOException e) {
            throw new PartialWrite(written, e.getCause());
        }
    }

    boolean isConnected();

    /** Closes the stream cleanly ({@code </stream:stream>}, RFC 6120 §4.4). Idempotent; no onLost afterwards. */
    void close();

    /**
     * Drops a connection already judged dead, without the closing handshake. Must not block: on a half-open link
     * a write (even the closing tag) can hang until TCP gives up. Idempotent; no onLost afterwards.
     */
    default void abort() {
        close();
    }
}
