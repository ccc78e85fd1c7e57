package org.xcs.muc.owner;

import java.util.Optional;
import org.dom4j.Element;
import org.xcs.common.error.XmppException;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError;

/**
 * XEP-0045 §10.9: {@code <destroy jid='alternate venue'><password/><reason/></destroy>}, all parts optional.
 * Every occupant is told the same in its unavailable presence.
 */
record DestroyRequest(Optional<JID> alternateVenue, Optional<String> reason, Optional<String> password) {

    static final DestroyRequest PLAIN = new DestroyRequest(Optional.empty(), Optional.empty(), Optional.empty());

    static DestroyRequest parse(Element destroy) {
        Optional<JID> venue = Optional.ofNullable(destroy.attributeValue("jid")).filter(v -> !v.isBlank()).map(v -> {
            try {
                return new JID(v.trim());
            } catch (IllegalArgumentException e) {
                throw new XmppException(PacketError.Condition.jid_malformed,
                        "destroy: alternate venue '" + v + "' is not a valid JID");
            }
        });
        return new DestroyRequest(venue, text(destroy, "reason"), text(destroy, "password"));
    }

    /** Adds the {@code <destroy/>} to a muc#user {@code <x/>} (XEP-0045 §10.9 "Service Removes Each Occupant"). */
    void addTo(Element mucUser) {
        Element destroy = mucUser.addElement("destroy");
        alternateVenue.ifPresent(j -> destroy.addAttribute("jid", j.toString()));
        // The alternate venue's password helps occupants follow there (§10.9); only sent with a venue.
        password.filter(p -> alternateVenue.isPresent()).ifPresent(p -> destroy.addElement("password").setText(p));
        reason.ifPresent(r -> destroy.addElement("reason").setText(r));
    }

    private static Optional<String> text(Element parent, String name) {
        Element child = parent.element(name);
        return child == null ? Optional.empty() : Optional.of(child.getText());
    }
}
