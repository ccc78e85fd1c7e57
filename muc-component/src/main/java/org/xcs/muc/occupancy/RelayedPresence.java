package org.xcs.muc.occupancy;

import org.dom4j.Element;
import org.xcs.muc.protocol.MucNamespaces;
import org.xmpp.packet.JID;
import org.xmpp.packet.Presence;

/**
 * The part of a client's presence the room keeps and relays (XEP-0045 §17.3): show, status, priority and other
 * extensions pass through; the muc and muc#user elements do not (a password is never kept, and muc#user data comes
 * only from the service).
 */
final class RelayedPresence {
    private RelayedPresence() {
    }

    static Presence of(Presence sent) {
        Presence kept = sent.createCopy();
        kept.setFrom((JID) null);
        kept.setTo((JID) null);
        kept.setID(null);
        for (Element child : kept.getElement().elements()) {
            if (child.getNamespaceURI().startsWith(MucNamespaces.MUC)) {
                kept.getElement().remove(child);
            }
        }
        return kept;
    }

    /** Whether two kept presences show the same thing (§17.3: an unchanged presence needs no broadcast). */
    static boolean same(Presence a, Presence b) {
        return a.getElement().asXML().equals(b.getElement().asXML());
    }
}
