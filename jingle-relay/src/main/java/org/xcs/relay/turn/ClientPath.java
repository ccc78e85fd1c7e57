package org.xcs.relay.turn;

import java.net.InetSocketAddress;

/**
 * The client side of the 5-tuple (RFC 8656 §2): transport and the client's transport address as the server sees
 * it. For TCP the remote address names the connection, and {@link #send} writes on that connection.
 */
public interface ClientPath {

    ClientTransport transport();

    InetSocketAddress client();

    /** One whole STUN message or ChannelData frame toward the client; failures are the path's to absorb. */
    void send(byte[] packet);

    default ClientKey key() {
        return new ClientKey(transport(), client());
    }
}
