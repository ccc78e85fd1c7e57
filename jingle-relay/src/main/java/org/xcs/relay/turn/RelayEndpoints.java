package org.xcs.relay.turn;

import java.io.IOException;
import java.net.InetSocketAddress;

/** Opens relayed sockets; what arrives on one is handed to its {@link Inbound}. */
public interface RelayEndpoints {

    @FunctionalInterface
    interface Inbound {
        void fromPeer(InetSocketAddress peer, byte[] data);
    }

    /** {@code evenPort}: RFC 8656 §14.6 EVEN-PORT asks for an even port. Throws when the range is exhausted. */
    RelayEndpoint open(boolean evenPort, Inbound inbound) throws IOException;
}
