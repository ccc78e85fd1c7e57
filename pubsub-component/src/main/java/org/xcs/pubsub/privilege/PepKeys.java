package org.xcs.pubsub.privilege;

import java.util.Objects;
import java.util.function.Function;

import org.dom4j.Element;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Packet;

/**
 * The router's entity key in PEP mode: a delegated request and a roster push run on the queue of the owner they
 * concern, so one user's PEP service handles its requests, roster changes and events in order, and users run in
 * parallel. Everything else keeps the generic service's key.
 */
public final class PepKeys implements Function<Packet, String> {
    private static final String PREFIX = "pep:";

    private final Function<Packet, String> generic;

    public PepKeys(Function<Packet, String> generic) {
        this.generic = Objects.requireNonNull(generic);
    }

    /** The serial-queue key of {@code ownerBare}'s PEP service. */
    public static String ownerKey(String ownerBare) {
        return PREFIX + ownerBare;
    }

    @Override
    public String apply(Packet packet) {
        if (packet instanceof IQ iq) {
            Element child = iq.getChildElement();
            if (child != null) {
                if ("delegation".equals(child.getName())
                        && PrivilegeNs.version(child.getNamespaceURI(), PrivilegeNs.DELEGATION_PREFIX) > 0) {
                    String owner = DelegatedIqs.ownerOf(child);
                    if (owner != null) {
                        return ownerKey(owner);
                    }
                } else if (PrivilegeNs.ROSTER.equals(child.getNamespaceURI())) {
                    JID from = iq.getFrom();
                    if (from != null && from.getNode() != null) {
                        return ownerKey(from.toBareJID());
                    }
                }
            }
        }
        return generic.apply(packet);
    }
}
