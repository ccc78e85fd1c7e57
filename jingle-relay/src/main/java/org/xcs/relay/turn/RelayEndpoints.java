package org.xcs.relay.turn;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/** Opens relayed sockets; what arrives on one is handed to its {@link Inbound}. */
public interface RelayEndpoints {

    @FunctionalInterface
    interface Inbound {
        void fromPeer(InetSocketAddress peer, byte[] data);

        /**
         * The datagram is between the buffer's position and limit and is valid only during the call. The receiver
         * may write anywhere in the buffer, before the position too: the socket layer leaves room there so that a
         * header (ChannelData, Data indication) can go in front of the data without copying it.
         */
        default void fromPeer(InetSocketAddress peer, ByteBuffer datagram) {
            byte[] data = new byte[datagram.remaining()];
            datagram.get(data);
            fromPeer(peer, data);
        }
    }

    /** {@code evenPort}: RFC 8656 §14.6 EVEN-PORT asks for an even port. Throws when the range is exhausted. */
    RelayEndpoint open(boolean evenPort, Inbound inbound) throws IOException;
}
