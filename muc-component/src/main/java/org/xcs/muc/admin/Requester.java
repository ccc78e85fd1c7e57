package org.xcs.muc.admin;

import java.util.Comparator;
import java.util.Optional;
import org.xcs.muc.room.Affiliation;
import org.xcs.muc.room.Occupant;
import org.xcs.muc.room.Role;
import org.xcs.muc.room.Room;
import org.xcs.muc.service.MucSettings;
import org.xmpp.packet.JID;

/**
 * Who sent an admin request, as the rules need it: the effective affiliation (service admins act as owners) and the
 * occupant in the room, if any. XEP-0045 §8/§9 judge the request by the bare JID of the {@code from}.
 */
record Requester(JID jid, Affiliation affiliation, Optional<Occupant> occupant) {

    static Requester of(Room room, JID from, MucSettings settings) {
        Affiliation affiliation = settings.isAdmin(from) ? Affiliation.OWNER : room.affiliation(from);
        // The session that sent it, else the most privileged occupant of the same bare JID (multi-nick users).
        Optional<Occupant> occupant = room.occupantByRealJid(from).or(() -> room.occupantsOf(from).stream()
                .min(Comparator.comparing(Occupant::role)));
        return new Requester(from, affiliation, occupant);
    }

    boolean isModerator() {
        return occupant.map(o -> o.role() == Role.MODERATOR).orElse(false);
    }

    /** XEP-0045 §5.1.1: a moderator, or an admin or owner who holds those privileges in or out of the room. */
    boolean hasModeratorPrivileges() {
        return isModerator() || affiliation.atLeast(Affiliation.ADMIN);
    }

    boolean isSelf(JID other) {
        return jid.toBareJID().equals(other.toBareJID());
    }
}
