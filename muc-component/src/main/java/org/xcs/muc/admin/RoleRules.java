package org.xcs.muc.admin;

import org.xcs.common.error.XmppException;
import org.xcs.muc.room.Affiliation;
import org.xcs.muc.room.Occupant;
import org.xcs.muc.room.Role;
import org.xcs.muc.room.Room;
import org.xmpp.packet.PacketError;

/** Who may change whose role (XEP-0045 §5.1.3, §8.2-§8.5, §9.6-§9.8), with the spec's error conditions. */
final class RoleRules {
    private RoleRules() {
    }

    /** Throws the error the spec names when {@code requester} may not give {@code target} the role {@code role}. */
    static void check(Room room, Requester requester, Occupant target, Role role) {
        // XEP-0045 §8 (intro): role changes are moderator requests; others get forbidden.
        if (!requester.hasModeratorPrivileges()) {
            throw forbidden("only moderators change roles");
        }
        if (role == Role.NONE && requester.isSelf(target.bareJid())) {
            // XEP-0045 §8.2: kicking oneself MAY be refused with conflict; we do, as the ban rule of §9.1 does.
            throw new XmppException(PacketError.Condition.conflict, "you cannot kick yourself");
        }
        if (role == target.role()) {
            return;
        }
        Affiliation actor = requester.affiliation();
        Affiliation subject = room.affiliation(target.bareJid());
        // XEP-0045 §8.2, §8.4, §5.1.3 *: nobody acts on someone of a higher affiliation.
        if (higher(subject, actor)) {
            throw notAllowed("the occupant has a higher affiliation than yours");
        }
        // XEP-0045 §8.4 / §9.7: admins and owners keep voice and moderator status, whoever asks.
        if (role != Role.NONE && role != Role.MODERATOR && subject.atLeast(Affiliation.ADMIN)) {
            throw notAllowed("admins and owners keep their moderator role");
        }
        // XEP-0045 §8.4: no revoking voice from an affiliation at or above one's own (among the affiliated).
        if (role == Role.VISITOR && subject != Affiliation.NONE && subject.atLeast(actor)) {
            throw notAllowed("the occupant's affiliation is at or above yours");
        }
        // XEP-0045 §9.6: granting moderator status is an admin use case.
        if (role == Role.MODERATOR && !actor.atLeast(Affiliation.ADMIN)) {
            throw forbidden("only admins and owners grant moderator status");
        }
        // XEP-0045 §5.1.3 role chart: only an admin or owner changes a moderator's role (revokes or kicks).
        if (target.role() == Role.MODERATOR && !actor.atLeast(Affiliation.ADMIN)) {
            throw notAllowed("only admins and owners change a moderator's role");
        }
    }

    private static boolean higher(Affiliation subject, Affiliation actor) {
        return subject.atLeast(actor) && subject != actor;
    }

    static XmppException forbidden(String text) {
        return new XmppException(PacketError.Condition.forbidden, PacketError.Type.auth, text, null);
    }

    static XmppException notAllowed(String text) {
        return new XmppException(PacketError.Condition.not_allowed, PacketError.Type.cancel, text, null);
    }
}
