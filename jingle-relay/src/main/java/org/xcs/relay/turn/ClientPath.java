package org.xcs.relay.turn;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * The client side of the 5-tuple (RFC 8656 §2): transport and the client's transport address as the server sees
 * it. For TCP the remote address names the connection, and {@link #send} writes on that connection.
 */
public interface ClientPath {

    ClientTransport transport();

    InetSocketAddress client();

    /** One whole STUN message or ChannelData frame toward the client; failures are the path's to absorb. */
    void send(byte[] packet);

    /** The same for the bytes between position and limit, which the caller may reuse once this returns. */
    default void send(ByteBuffer packet) {
        byte[] copy = new byte[packet.remaining()];
        packet.get(copy);
        send(copy);
    }

    default ClientKey key() {
        return new ClientKey(transport(), client());
    }
}
