/**
 * XEP-0065 SOCKS5 Bytestreams, the proxy (mediated connection, §6): streamhost discovery, the RFC 1928 subset
 * XEP-0065 §10.2 maps (no authentication, CONNECT, ATYP 3 carrying the hex SHA-1 of SID + requester JID + target
 * JID, port 0), pairing of the target's and the requester's connections by that address, activation by the
 * requester (§6.3.5), and the admin's limits (transfers, bytes, idle time, host users only).
 */
package org.xcs.relay.socks5;
