package org.xcs.muc.occupancy;

import java.util.Optional;
import org.xcs.common.error.XmppException;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError;

/**
 * The {@code room@service/nick} a presence is addressed to, with the nick normalised. XEP-0045 §17.1 (Addresses): a nick MUST
 * match Resourceprep and MUST NOT be empty or only spaces. Tinder's {@code Packet.getTo()} does not apply
 * stringprep, so the nick is prepared here; when that changes it, the service "modified the nick" (status 210).
 *
 * @param nick null when the address has no resource (the room's bare JID)
 */
record OccupantAddress(JID room, String nick, boolean nickModified) {

    /** {@code rawTo} is the {@code to} attribute as received; throws jid-malformed when the nick is unusable. */
    static OccupantAddress parse(String rawTo) {
        int slash = rawTo.indexOf('/');
        String bare = slash < 0 ? rawTo : rawTo.substring(0, slash);
        JID room;
        try {
            room = new JID(bare).asBareJID();
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
        if (slash < 0) {
            return new OccupantAddress(room, null, false);
        }
        String requested = rawTo.substring(slash + 1);
        String nick;
        try {
            nick = JID.resourceprep(requested);
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
        if (nick == null || nick.isBlank()) {
            throw malformed();
        }
        return new OccupantAddress(room, nick, !nick.equals(requested));
    }

    /** The bare address part, when it is a valid JID: who refuses a presence whose nick is unusable. */
    static Optional<JID> bareOf(String rawTo) {
        int slash = rawTo.indexOf('/');
        try {
            return Optional.of(new JID(slash < 0 ? rawTo : rawTo.substring(0, slash)).asBareJID());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    boolean hasNick() {
        return nick != null;
    }

    /** As in the spec's examples: the condition alone. */
    private static XmppException malformed() {
        return new XmppException(PacketError.Condition.jid_malformed, PacketError.Type.modify);
    }
}
