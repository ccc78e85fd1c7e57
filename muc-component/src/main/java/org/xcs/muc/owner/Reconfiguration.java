package org.xcs.muc.owner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xcs.common.error.XmppException;
import org.xcs.muc.room.Affiliation;
import org.xcs.muc.room.Occupant;
import org.xcs.muc.room.Room;
import org.xcs.muc.room.RoomConfig;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError;

/**
 * Applies a validated {@link ConfigChange} to a room (XEP-0045 §10.1.3, §10.2), without XML: the owner and admin
 * lists, the configuration, the unlocking of a new room, and the removal of non-members when the room becomes
 * members-only. Checks everything before changing anything.
 */
final class Reconfiguration {

    /**
     * What the stanza layer announces.
     *
     * @param newlyAffiliated occupants whose affiliation (and so role) changed, to be re-announced (§10.2)
     * @param removedNonMembers occupants removed because the room became members-only (status 322)
     * @param statusCodes     codes of the §10.2.1 notification message; empty for the initial configuration
     */
    record Outcome(List<Occupant> newlyAffiliated, List<Occupant> removedNonMembers, List<Integer> statusCodes) {
    }

    private Reconfiguration() {
    }

    static Outcome apply(Room room, ConfigChange change) {
        Map<JID, Affiliation> affiliationChanges = affiliationChanges(room, change);
        RoomConfig before = room.config();
        boolean wasLocked = room.isLocked();

        affiliationChanges.forEach((jid, affiliation) -> room.affiliation(jid, affiliation, null));
        room.config(change.config());
        // XEP-0045 §10.1.2/§10.1.3: a submitted form (even an empty one) unlocks a new room.
        room.locked(false);

        List<Occupant> newlyAffiliated = new ArrayList<>();
        for (Occupant occupant : room.occupants()) {
            if (affiliationChanges.containsKey(occupant.bareJid())) {
                // XEP-0045 §10.2: e.g. a new admin becomes moderator, a former admin participant or visitor.
                occupant.role(room.defaultRole(room.affiliation(occupant.bareJid())));
                newlyAffiliated.add(occupant);
            }
        }
        List<Occupant> removed = new ArrayList<>();
        if (change.config().membersOnly && !before.membersOnly) {
            // XEP-0045 §10.2: turning members-only removes the non-members (status 322).
            for (Occupant occupant : List.copyOf(room.occupants())) {
                if (!room.affiliation(occupant.bareJid()).atLeast(Affiliation.MEMBER)) {
                    room.removeOccupant(occupant);
                    removed.add(occupant);
                }
            }
        }
        newlyAffiliated.removeAll(removed);
        // The initial configuration of a locked room changes nothing anyone has seen: no §10.2.1 notification.
        List<Integer> codes = wasLocked ? List.of()
                : ConfigStatusCodes.between(before, change.config(), !affiliationChanges.isEmpty());
        return new Outcome(newlyAffiliated, removed, codes);
    }

    /**
     * The affiliation each JID gets from the full owner and admin lists. A JID in both is an owner. An owner
     * left out of the owner list becomes admin (the §10.2 "loss of owner" example) unless the admin list is
     * submitted without it; an admin left out becomes member (the §10.2 "loss of admin" example), so neither
     * loses entry to a members-only room.
     */
    private static Map<JID, Affiliation> affiliationChanges(Room room, ConfigChange change) {
        Set<JID> currentOwners = new LinkedHashSet<>(room.withAffiliation(Affiliation.OWNER));
        Set<JID> currentAdmins = new LinkedHashSet<>(room.withAffiliation(Affiliation.ADMIN));
        Set<JID> owners = change.owners().orElse(currentOwners);
        if (owners.isEmpty()) {
            // XEP-0045 §10.2: every room keeps an owner; removing the last one is a conflict.
            throw new XmppException(PacketError.Condition.conflict,
                    "the room needs at least one owner: muc#roomconfig_roomowners may not be empty");
        }
        Set<JID> admins = new LinkedHashSet<>(change.admins().orElse(currentAdmins));
        admins.removeAll(owners);

        Set<JID> everyone = new LinkedHashSet<>(currentOwners);
        everyone.addAll(currentAdmins);
        everyone.addAll(owners);
        everyone.addAll(admins);
        Map<JID, Affiliation> changes = new LinkedHashMap<>();
        for (JID jid : everyone) {
            Affiliation target;
            if (owners.contains(jid)) {
                target = Affiliation.OWNER;
            } else if (admins.contains(jid)) {
                target = Affiliation.ADMIN;
            } else if (currentOwners.contains(jid) && change.admins().isEmpty()) {
                target = Affiliation.ADMIN;
            } else {
                target = Affiliation.MEMBER;
            }
            if (room.affiliation(jid) != target) {
                changes.put(jid, target);
            }
        }
        return changes;
    }
}
