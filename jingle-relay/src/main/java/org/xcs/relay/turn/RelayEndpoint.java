package org.xcs.relay.turn;

import java.net.InetSocketAddress;

/** An allocation's relayed transport address (RFC 8656 §2): a UDP socket in the relay port range. */
public interface RelayEndpoint extends AutoCloseable {

    /** The address the socket is bound to. */
    InetSocketAddress boundAddress();

    /** Toward a peer; a failure (unreachable, full buffer) drops the datagram, as UDP would. */
    void send(byte[] data, InetSocketAddress peer);

    @Override
    void close();
}
