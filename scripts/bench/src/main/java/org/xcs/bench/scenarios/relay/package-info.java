/**
 * Issue 6 scenarios 8 and 9: our relay's TURN (RFC 8656, ChannelData round trip and pipelined packets/s) against
 * coturn with a raw loopback UDP echo as the physical reference, and its XEP-0065 SOCKS5 bytestream proxy
 * (RFC 1928 CONNECT, activation by IQ) against Prosody's mod_proxy65. Clients are our own, on plain sockets.
 */
package org.xcs.bench.scenarios.relay;
