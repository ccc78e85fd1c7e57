/**
 * TURN (RFC 8656) protocol logic over the STUN codec: allocations, permissions, channel bindings and their
 * lifetimes, quotas and per-allocation bandwidth. No sockets here: {@link org.xcs.relay.turn.TurnServer} takes
 * whole packets with the path they came by and answers through it; relayed sockets are opened through
 * {@link org.xcs.relay.turn.RelayEndpoints}, which the {@code net} package implements.
 */
package org.xcs.relay.turn;
