package org.xcs.common.component;

import org.xmpp.packet.Packet;

/**
 * Receives inbound stanzas. The transport calls it from one thread, in arrival order, so an implementation that
 * hands work to per-entity serial executors keeps each entity's order (see {@code org.xcs.common.router}).
 */
@FunctionalInterface
public interface PacketHandler {
    void handle(Packet packet);
}
