package org.xcs.common.component;

import java.util.List;
import org.xmpp.packet.Packet;

/** Where a component's outgoing stanzas go: the live connection in production, a recorder in tests. */
@FunctionalInterface
public interface PacketSender {
    void send(Packet packet);

    /**
     * Sends {@code packets} in order, as if by {@link #send} one after the other. A fan-out (a room's message to
     * every occupant, an item to every subscriber) should come through here: the connection writes it in a few
     * large writes instead of one system call per stanza, on the component's side and on the host's.
     */
    default void sendAll(List<? extends Packet> packets) {
        for (Packet packet : packets) {
            send(packet);
        }
    }
}
