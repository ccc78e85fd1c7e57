/**
 * Jingle relay: STUN/TURN, SOCKS5 bytestreams proxy, relay nodes (RFC 8489, RFC 8656, XEP-0215, XEP-0065, XEP-0278). At this stage: attaches to the host and answers disco, ping, version and time.
 */
package org.xcs.relay;
