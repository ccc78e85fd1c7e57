/**
 * Jingle relay: STUN/TURN, SOCKS5 bytestreams proxy, relay nodes (RFC 8489, RFC 8656, XEP-0215, XEP-0065, XEP-0278).
 * At this stage: STUN/TURN over UDP and TCP ({@code turn}, {@code net}) with coturn-compatible time-limited
 * credentials handed out over XEP-0215 ({@code extdisco}), or credentials for an external coturn only; disco, ping,
 * version and time. {@link org.xcs.relay.RelayModule} starts the TURN listeners in create() and the core's drain
 * stops them.
 */
package org.xcs.relay;
