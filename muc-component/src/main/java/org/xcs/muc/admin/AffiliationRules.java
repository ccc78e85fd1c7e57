package org.xcs.muc.admin;

import org.xcs.common.error.XmppException;
import org.xcs.muc.room.Affiliation;
import org.xcs.muc.room.Room;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError;

/** Who may change whose affiliation (XEP-0045 §5.2.2, §9.1-§9.5, §10.3-§10.8), with the spec's error conditions. */
final class AffiliationRules {
    private AffiliationRules() {
    }

    static void check(Room room, Requester requester, JID target, Affiliation affiliation) {
        Affiliation actor = requester.affiliation();
        // XEP-0045 §9 (intro): affiliation changes are admin requests.
        if (!actor.atLeast(Affiliation.ADMIN)) {
            throw RoleRules.forbidden("only admins and owners change affiliations");
        }
        // XEP-0045 §9.1: an admin or owner who tries to ban himself gets conflict.
        if (affiliation == Affiliation.OUTCAST && requester.isSelf(target)) {
            throw new XmppException(PacketError.Condition.conflict, "you cannot ban yourself");
        }
        // XEP-0045 §10.3, §10.6, §10.5, §10.8: only owners edit the owner and admin lists.
        if (affiliation.atLeast(Affiliation.ADMIN) && actor != Affiliation.OWNER) {
            throw RoleRules.forbidden("only owners grant admin or owner status");
        }
        Affiliation current = room.affiliation(target);
        // XEP-0045 §9.1 and §5.2.2 chart: an admin cannot ban, demote or otherwise touch an owner or admin.
        if (current.atLeast(Affiliation.ADMIN) && actor != Affiliation.OWNER && current != affiliation) {
            throw RoleRules.notAllowed("only owners change an admin's or owner's affiliation");
        }
    }

    /** XEP-0045 §10 (intro), §10.4, §10.5: every room keeps an owner; removing the last one is conflict. */
    static void checkOwnersRemain(long ownersAfter, boolean removesAnOwner) {
        if (removesAnOwner && ownersAfter == 0) {
            throw new XmppException(PacketError.Condition.conflict, "the room must keep at least one owner");
        }
    }
}
