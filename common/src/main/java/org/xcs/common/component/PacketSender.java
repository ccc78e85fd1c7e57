package org.xcs.common.component;

import java.util.ArrayList;
import java.util.List;
import org.xmpp.packet.JID;
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

    /**
     * {@code stanza} to each of {@code recipients} in order, as {@link #sendAll} of copies that differ only in
     * {@code to}. A sender that can hand the host one stanza for many recipients (XEP-0033) does so without making
     * the copies; {@code stanza} itself is not changed and may be reused.
     */
    default void sendToEach(Packet stanza, List<JID> recipients) {
        List<Packet> copies = new ArrayList<>(recipients.size());
        for (JID to : recipients) {
            Packet copy = stanza.createCopy();
            copy.setTo(to);
            copies.add(copy);
        }
        sendAll(copies);
    }
}
