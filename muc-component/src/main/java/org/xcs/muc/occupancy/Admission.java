package org.xcs.muc.occupancy;

import java.util.Optional;
import org.xcs.common.error.XmppException;
import org.xcs.muc.room.Affiliation;
import org.xcs.muc.room.Occupant;
import org.xcs.muc.room.Role;
import org.xcs.muc.room.Room;
import org.xcs.muc.room.RoomConfig;
import org.xcs.muc.service.MucSettings;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError;
import org.xmpp.packet.PacketError.Condition;

/**
 * Who may enter an existing room under which nick (XEP-0045 §7.2.5-§7.2.10, errors of §7.2.17), on room state only.
 * The order makes each refusal tell no more than the one before it: a locked room "does not (yet) exist" for all
 * but its owners, so nothing else about it may show; a banned user learns only that; members-only before the
 * password (a non-member learns nothing of a password); nick checks before the occupant limit.
 */
final class Admission {
    private final MucSettings settings;

    Admission(MucSettings settings) {
        this.settings = settings;
    }

    /** A service admin has owner rights in every room ({@link MucSettings#admins}). */
    Affiliation affiliationOf(Room room, JID user) {
        return settings.isAdmin(user) ? Affiliation.OWNER : room.affiliation(user);
    }

    /** XEP-0045 §5.1.2 default role; a service admin moderates. */
    Role roleOf(Room room, JID user) {
        return settings.isAdmin(user) ? Role.MODERATOR : room.defaultRole(room.affiliation(user));
    }

    /** Throws the spec's error when {@code user} may not enter {@code room} as {@code nick}. */
    void admit(Room room, JID user, String nick, String password) {
        Affiliation affiliation = affiliationOf(room, user);
        RoomConfig config = room.config();
        if (room.isLocked() && affiliation != Affiliation.OWNER) {
            throw refuse(Condition.item_not_found, PacketError.Type.cancel); // §7.2.10
        }
        if (affiliation == Affiliation.OUTCAST) {
            throw refuse(Condition.forbidden, PacketError.Type.auth); // §7.2.7
        }
        if (config.membersOnly && !affiliation.atLeast(Affiliation.MEMBER)) {
            throw refuse(Condition.registration_required, PacketError.Type.auth); // §7.2.6
        }
        // §7.2.5. Owners may enter without it, as on ejabberd: they can read and change it anyway (§10.2).
        if (config.passwordProtected && affiliation != Affiliation.OWNER && !config.password.equals(password)) {
            throw refuse(Condition.not_authorized, PacketError.Type.auth);
        }
        Optional<Occupant> holder = room.occupant(nick);
        if (holder.isPresent() && !holder.get().bareJid().equals(user.asBareJID())) {
            throw refuse(Condition.conflict, PacketError.Type.cancel); // §7.2.8
        }
        if (reservedByAnother(room, nick, user)) {
            throw refuse(Condition.conflict, PacketError.Type.cancel); // §7.2.8 "or registered by another user"
        }
        // §7.2.9: another session under the same nick adds no occupant; owners and admins may exceed the limit.
        if (holder.isEmpty() && config.maxUsers > 0 && room.occupantCount() >= config.maxUsers
                && !affiliation.atLeast(Affiliation.ADMIN)) {
            throw refuse(Condition.service_unavailable, PacketError.Type.wait);
        }
    }

    /** XEP-0045 §7.6: the checks on a new nick for an occupant already in the room. */
    void admitNickChange(Room room, Occupant occupant, String newNick) {
        Optional<Occupant> holder = room.occupant(newNick);
        // The bare JID rule would let one user's two occupants merge into one nick, which §7.6 leaves optional
        // ("MAY allow"): refused, so an occupant is never folded into another.
        if (holder.isPresent() && holder.get() != occupant) {
            throw refuse(Condition.conflict, PacketError.Type.cancel);
        }
        if (reservedByAnother(room, newNick, occupant.bareJid())) {
            throw refuse(Condition.conflict, PacketError.Type.cancel);
        }
    }

    private static boolean reservedByAnother(Room room, String nick, JID user) {
        return room.registrantOf(nick).filter(owner -> !owner.asBareJID().equals(user.asBareJID())).isPresent();
    }

    private static XmppException refuse(Condition condition, PacketError.Type type) {
        return new XmppException(condition, type);
    }
}
