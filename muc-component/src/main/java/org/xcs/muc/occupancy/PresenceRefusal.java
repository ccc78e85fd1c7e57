package org.xcs.muc.occupancy;

import org.dom4j.Element;
import org.xcs.common.error.ErrorReplies;
import org.xcs.common.error.XmppException;
import org.xcs.muc.protocol.MucNamespaces;
import org.xmpp.packet.JID;
import org.xmpp.packet.Presence;

/**
 * The error presence a room answers with (XEP-0045 §7.2.1-§7.2.10, §7.6, §10.1.1 examples): from the address the
 * user wrote to, the request's id, an empty muc {@code <x/>} (not the user's payload: the password is not echoed)
 * and an error {@code by} the room (RFC 6120 §8.3.2).
 */
final class PresenceRefusal {
    private PresenceRefusal() {
    }

    static Presence of(Presence request, XmppException error, JID by) {
        Presence refusal = new Presence(Presence.Type.error);
        if (request.getID() != null) {
            refusal.setID(request.getID());
        }
        refusal.setFrom(request.getTo());
        refusal.setTo(request.getFrom());
        refusal.getElement().addElement("x", MucNamespaces.MUC);
        Element errorElement = ErrorReplies.errorElement(error);
        errorElement.addAttribute("by", by.toString());
        refusal.getElement().add(errorElement);
        return refusal;
    }
}
