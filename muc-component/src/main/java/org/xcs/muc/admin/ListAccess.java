package org.xcs.muc.admin;

import org.xcs.muc.room.Affiliation;
import org.xcs.muc.room.Role;
import org.xcs.muc.room.Room;

/** Who may read which muc#admin list (XEP-0045 §5.2.1, §8.5, §9.2, §9.5, §9.8, §10.5, §10.8). */
final class ListAccess {
    private ListAccess() {
    }

    static void checkRoleList(Requester requester, Role role) {
        if (role == Role.MODERATOR) {
            // XEP-0045 §9.8: the moderator list is an admin use case.
            if (!requester.affiliation().atLeast(Affiliation.ADMIN)) {
                throw RoleRules.forbidden("only admins and owners read the moderator list");
            }
        } else if (!requester.hasModeratorPrivileges()) {
            // XEP-0045 §8.5: moderators read the voice (and visitor) list.
            throw RoleRules.forbidden("only moderators read role lists");
        }
    }

    static void checkAffiliationList(Room room, Requester requester, Affiliation affiliation) {
        boolean allowed = switch (affiliation) {
            // XEP-0045 §9.2: the ban list is for admins.
            case OUTCAST -> requester.affiliation().atLeast(Affiliation.ADMIN);
            case MEMBER -> mayReadMemberList(room, requester);
            // XEP-0045 §10.5/§10.8: owners; in non-anonymous rooms the service MAY answer others, and does for
            // those who may read the member list (OMEMO clients gather members, admins and owners).
            case ADMIN, OWNER -> requester.affiliation() == Affiliation.OWNER
                    || room.config().nonAnonymous() && mayReadMemberList(room, requester);
            case NONE -> throw AdminQuery.badRequest("there is no list of unaffiliated users (XEP-0045 §5.2)");
        };
        if (!allowed) {
            throw RoleRules.forbidden("you may not read the " + affiliation.wireName() + " list");
        }
    }

    /**
     * XEP-0045 §9.5 note and §5.2.1 ***: admins always; in non-anonymous rooms members (in the room or not) and
     * occupants whose role muc#roomconfig_getmemberlist (§15.5.3, a list of roles) names; in semi-anonymous rooms,
     * whose member list would reveal JIDs, only moderators (who see JIDs anyway), when the list names them.
     */
    static boolean mayReadMemberList(Room room, Requester requester) {
        if (requester.affiliation().atLeast(Affiliation.ADMIN)) {
            return true;
        }
        boolean roleMay = requester.occupant()
                .map(o -> room.config().getMemberListRoles.contains(o.role())).orElse(false);
        if (room.config().nonAnonymous()) {
            return requester.affiliation() == Affiliation.MEMBER || roleMay;
        }
        return roleMay && requester.isModerator();
    }
}
