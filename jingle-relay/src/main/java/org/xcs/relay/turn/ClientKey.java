package org.xcs.relay.turn;

import java.net.InetSocketAddress;

/** Identifies an allocation: RFC 8656 §2 5-tuple, less the server address (one listener per transport). */
public record ClientKey(ClientTransport transport, InetSocketAddress client) {

    /** The nonce scope (credentials.StatelessNonces): a nonce from one client address is useless from another. */
    public String nonceScope() {
        return transport.token() + " " + client.getAddress().getHostAddress();
    }
}
