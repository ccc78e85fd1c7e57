package org.xcs.relay.turn;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/** An allocation's relayed transport address (RFC 8656 §2): a UDP socket in the relay port range. */
public interface RelayEndpoint extends AutoCloseable {

    /** The address the socket is bound to. */
    InetSocketAddress boundAddress();

    /**
     * Toward a peer: the bytes between the buffer's position and limit, sent before this returns. A failure
     * (unreachable, full buffer) drops the datagram, as UDP would.
     */
    void send(ByteBuffer data, InetSocketAddress peer);

    default void send(byte[] data, InetSocketAddress peer) {
        send(ByteBuffer.wrap(data), peer);
    }

    @Override
    void close();
}
