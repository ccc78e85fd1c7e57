package org.xcs.muc.admin;

import org.xcs.muc.room.Affiliation;
import org.xcs.muc.room.Role;

/**
 * One {@code <item/>} of a muc#admin query (XEP-0045 §19.2 schema), as values. Exactly one of {@code role} and
 * {@code affiliation} is set (§17.4 rule 4); {@code nick}, {@code jid} and {@code reason} are null when absent
 * ({@code nick} may be empty: §9.5 unsets a reserved nick with {@code nick=''}).
 */
record AdminItem(String nick, String jid, Role role, Affiliation affiliation, String reason) {

    boolean isRoleItem() {
        return role != null;
    }
}
