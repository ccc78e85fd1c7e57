package org.xcs.muc.admin;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.xcs.common.error.XmppException;
import org.xcs.muc.protocol.StatusCode;
import org.xcs.muc.room.Occupant;
import org.xcs.muc.room.Role;
import org.xcs.muc.room.Room;
import org.xmpp.packet.PacketError;

/**
 * Role items of a muc#admin set, by nick (XEP-0045 §8.2 kick, §8.3/§8.4 voice, §8.5 voice list, §9.6-§9.8
 * moderator status): every item is checked before any is applied, so a refused request changes nothing.
 */
final class RoleChanges {
    private record Change(Occupant target, Role role, String reason) {
    }

    private RoleChanges() {
    }

    static Outcome apply(Room room, Requester requester, List<AdminItem> items) {
        List<Change> changes = new ArrayList<>();
        Set<String> nicks = new HashSet<>();
        for (AdminItem item : items) {
            // XEP-0045 §17.4 rule 5: role items name the occupant by nick.
            if (item.nick() == null || item.nick().isEmpty()) {
                throw AdminQuery.badRequest("a role item names the occupant by nick");
            }
            if (!nicks.add(item.nick())) {
                throw AdminQuery.badRequest("the nick '" + item.nick() + "' appears twice");
            }
            Occupant target = room.occupant(item.nick()).orElseThrow(() -> new XmppException(
                    PacketError.Condition.item_not_found, PacketError.Type.cancel,
                    "no occupant '" + item.nick() + "'", null));
            RoleRules.check(room, requester, target, item.role());
            changes.add(new Change(target, item.role(), item.reason()));
        }
        OccupantNotices notices = new OccupantNotices(room);
        OccupantNotices.Actor actor = OccupantNotices.Actor.of(requester);
        Outcome outcome = new Outcome();
        for (Change change : changes) {
            Occupant target = change.target();
            if (change.role() == Role.NONE) {
                // XEP-0045 §8.2: the kicked occupant leaves with 307, then everyone else learns it.
                room.removeOccupant(target);
                outcome.beforeReply.addAll(notices.removalToSubject(target, StatusCode.KICKED, actor,
                        change.reason()));
                outcome.afterReply.addAll(notices.removalToOthers(target, StatusCode.KICKED, actor,
                        change.reason()));
            } else if (change.role() != target.role()) {
                Role previous = target.role();
                target.role(change.role());
                outcome.afterReply.addAll(notices.update(target, previous, change.reason()));
            }
        }
        return outcome;
    }
}
