package org.xcs.muc.admin;

import java.util.List;
import java.util.Optional;
import org.xcs.muc.room.Affiliation;
import org.xcs.muc.room.Occupant;
import org.xcs.muc.room.Role;
import org.xcs.muc.room.Room;
import org.xmpp.packet.JID;

/** The entries of muc#admin lists (XEP-0045 §8.5, §9.2, §9.5, §9.8, §10.5, §10.8), without XML. */
final class AdminLists {
    /** One list item; absent parts are null. */
    record Entry(Affiliation affiliation, JID jid, String nick, Role role, String reason) {
    }

    private AdminLists() {
    }

    /**
     * XEP-0045 §17.4 rule 5: role results carry nick, role, affiliation and the occupant's full JID (the reader is
     * a moderator, who may see real JIDs).
     */
    static List<Entry> byRole(Room room, Role role) {
        return room.occupants().stream().filter(o -> o.role() == role)
                .map(o -> new Entry(room.affiliation(o.bareJid()), o.realJid(), o.nick(), o.role(), null))
                .toList();
    }

    /**
     * XEP-0045 §17.4 rule 6: affiliation results carry affiliation and bare JID, no role, and the nick except for
     * outcasts (the reserved nick, else the nick in use); the reason given with the change (§9.2 ban list).
     */
    static List<Entry> byAffiliation(Room room, Affiliation affiliation) {
        return room.withAffiliation(affiliation).stream()
                .map(jid -> new Entry(affiliation, jid, affiliation == Affiliation.OUTCAST ? null : nick(room, jid),
                        null, room.affiliationReason(jid).orElse(null)))
                .toList();
    }

    private static String nick(Room room, JID jid) {
        Optional<String> reserved = room.registeredNick(jid);
        return reserved.orElseGet(() -> room.occupantsOf(jid).stream().findFirst().map(Occupant::nick)
                .orElse(null));
    }
}
