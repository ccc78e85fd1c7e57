package org.xcs.common.component;

import org.xmpp.packet.Packet;

/** Where a component's outgoing stanzas go: the live connection in production, a recorder in tests. */
@FunctionalInterface
public interface PacketSender {
    void send(Packet packet);
}
