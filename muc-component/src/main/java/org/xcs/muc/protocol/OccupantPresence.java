package org.xcs.muc.protocol;

import java.util.Collection;
import org.dom4j.Element;
import org.xcs.muc.room.Occupant;
import org.xcs.muc.room.Room;
import org.xmpp.packet.JID;
import org.xmpp.packet.Presence;

/**
 * Builds the presence an occupant shows to one recipient (XEP-0045 §7.2.3/§7.2.4): the occupant's own presence
 * payload (show, status, caps...), from the occupant JID, with a muc#user item carrying affiliation and role, the
 * real JID only when the recipient may see it, and the status codes of the event. Every broadcast of presence
 * (entry, change, nick change, kick, ban, role or affiliation change, destroy) goes through here.
 */
public final class OccupantPresence {

    private OccupantPresence() {
    }

    /**
     * @param recipientMaySeeJids whether the recipient may see real JIDs ({@link Room#mayDiscoverRealJids})
     * @param unavailable         an exit (type unavailable) rather than the current presence
     * @param statuses            status codes in this presence (110 is added for a self-presence by the caller)
     * @return the presence; add {@code actor}, {@code reason}, {@code nick} or {@code destroy} through {@link #item}
     *         / {@link #mucUser}
     */
    public static Presence build(Room room, Occupant occupant, JID recipient, boolean recipientMaySeeJids,
                                 boolean unavailable, Collection<Integer> statuses) {
        Presence presence;
        if (unavailable) {
            presence = new Presence(Presence.Type.unavailable);
        } else {
            presence = occupant.presence().map(OccupantPresence::payloadCopy).orElseGet(Presence::new);
        }
        presence.setFrom(room.occupantJid(occupant.nick()));
        presence.setTo(recipient);
        Element x = presence.addChildElement("x", MucNamespaces.USER);
        Element item = x.addElement("item");
        item.addAttribute("affiliation", room.affiliation(occupant.bareJid()).wireName());
        item.addAttribute("role", unavailable ? "none" : occupant.role().wireName());
        if (recipientMaySeeJids) {
            item.addAttribute("jid", occupant.realJid().toString());
        }
        for (Integer code : statuses) {
            x.addElement("status").addAttribute("code", String.valueOf(code));
        }
        return presence;
    }

    /** The muc#user {@code <x/>} of a presence built here. */
    public static Element mucUser(Presence presence) {
        return presence.getChildElement("x", MucNamespaces.USER);
    }

    /** The {@code <item/>} of a presence built here. */
    public static Element item(Presence presence) {
        return mucUser(presence).element("item");
    }

    /** The client's presence without addressing, muc elements or errors: what the room relays. */
    private static Presence payloadCopy(Presence original) {
        Presence copy = original.createCopy();
        copy.setFrom((JID) null);
        copy.setTo((JID) null);
        copy.setID(null);
        for (Element child : copy.getElement().elements()) {
            String ns = child.getNamespaceURI();
            if (ns.startsWith(MucNamespaces.MUC) || "error".equals(child.getName())) {
                copy.getElement().remove(child);
            }
        }
        return copy;
    }
}
