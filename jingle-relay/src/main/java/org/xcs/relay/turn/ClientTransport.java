package org.xcs.relay.turn;

/** How the client reaches the server (RFC 8656 §3.1: UDP, TCP or TLS-over-TCP; we serve UDP and TCP). */
public enum ClientTransport {
    UDP("udp"),
    TCP("tcp");

    private final String token;

    ClientTransport(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    /** Over a stream, ChannelData is padded to 4 bytes (RFC 8656 §12.5). */
    public boolean stream() {
        return this == TCP;
    }
}
