/**
 * TURN credentials: coturn's {@code use-auth-secret} time-limited usernames and passwords (the "TURN REST API",
 * draft-uberti-behave-turn-rest-00), stateless MACed nonces, and the long-term credential check of
 * RFC 8489 §9.2.4 (401 challenge, 400, 438 Stale Nonce) over a parsed request. No sockets here.
 */
package org.xcs.relay.credentials;
