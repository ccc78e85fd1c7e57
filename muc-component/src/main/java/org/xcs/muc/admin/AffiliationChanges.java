package org.xcs.muc.admin;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.dom4j.Element;
import org.xcs.common.error.XmppException;
import org.xcs.common.stanza.sid.IdGenerator;
import org.xcs.muc.protocol.MucNamespaces;
import org.xcs.muc.protocol.StatusCode;
import org.xcs.muc.room.Affiliation;
import org.xcs.muc.room.Occupant;
import org.xcs.muc.room.Role;
import org.xcs.muc.room.Room;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.PacketError;

/**
 * Affiliation items of a muc#admin set, by bare JID (XEP-0045 §9.1-§9.5 bans and members, §10.3-§10.8 owners and
 * admins): the request is a delta; every item is checked (and the owner count) before any is applied.
 */
final class AffiliationChanges {
    private record Change(JID target, Affiliation affiliation, String reason, String reservedNick) {
    }

    private final IdGenerator ids;

    AffiliationChanges(IdGenerator ids) {
        this.ids = ids;
    }

    Outcome apply(Room room, Requester requester, List<AdminItem> items) {
        List<Change> changes = new ArrayList<>();
        Set<String> targets = new HashSet<>();
        Set<String> owners = new LinkedHashSet<>();
        room.withAffiliation(Affiliation.OWNER).forEach(o -> owners.add(o.toBareJID()));
        boolean removesAnOwner = false;
        for (AdminItem item : items) {
            JID target = target(room, item);
            if (!targets.add(target.toBareJID())) {
                throw AdminQuery.badRequest("the JID " + target + " appears twice");
            }
            AffiliationRules.check(room, requester, target, item.affiliation());
            String nick = item.jid() != null ? item.nick() : null;
            checkReservedNick(room, target, item.affiliation(), nick);
            if (room.affiliation(target) == Affiliation.OWNER && item.affiliation() != Affiliation.OWNER) {
                removesAnOwner = true;
                owners.remove(target.toBareJID());
            } else if (item.affiliation() == Affiliation.OWNER) {
                owners.add(target.toBareJID());
            }
            changes.add(new Change(target, item.affiliation(), item.reason(), nick));
        }
        AffiliationRules.checkOwnersRemain(owners.size(), removesAnOwner);

        Outcome outcome = new Outcome();
        for (Change change : changes) {
            applyOne(room, requester, change, outcome);
        }
        return outcome;
    }

    /** XEP-0045 §9 and §10: items name a bare JID (a full JID counts as its bare JID); a nick alone names an occupant. */
    private static JID target(Room room, AdminItem item) {
        if (item.jid() != null) {
            try {
                JID jid = new JID(item.jid());
                if (jid.getDomain() == null || jid.getDomain().isEmpty()) {
                    throw new IllegalArgumentException("no domain");
                }
                return jid.asBareJID();
            } catch (IllegalArgumentException e) {
                throw new XmppException(PacketError.Condition.jid_malformed, PacketError.Type.modify,
                        "not a JID: " + item.jid(), null);
            }
        }
        if (item.nick() != null && !item.nick().isEmpty()) {
            return room.occupant(item.nick()).map(Occupant::bareJid).orElseThrow(() -> new XmppException(
                    PacketError.Condition.item_not_found, PacketError.Type.cancel,
                    "no occupant '" + item.nick() + "'", null));
        }
        throw AdminQuery.badRequest("an affiliation item names a JID");
    }

    /** XEP-0045 §9.5: a nick with a JID (re)sets the member's reserved nick; one nick is reserved once (§7.10). */
    private static void checkReservedNick(Room room, JID target, Affiliation affiliation, String nick) {
        if (nick == null || nick.isEmpty() || !affiliation.atLeast(Affiliation.MEMBER)) {
            return;
        }
        Optional<JID> holder = room.registrantOf(nick);
        if (holder.isPresent() && !holder.get().toBareJID().equals(target.toBareJID())) {
            throw new XmppException(PacketError.Condition.conflict, "the nick '" + nick + "' is reserved");
        }
    }

    private void applyOne(Room room, Requester requester, Change change, Outcome outcome) {
        JID target = change.target();
        Affiliation previous = room.affiliation(target);
        Affiliation affiliation = change.affiliation();
        room.affiliation(target, affiliation, change.reason());
        if (!affiliation.atLeast(Affiliation.MEMBER)) {
            // XEP-0045 §9.1: a ban drops the reserved nick; losing membership ends the registration (§7.10).
            room.registerNick(target, null);
        } else if (change.reservedNick() != null) {
            room.registerNick(target, change.reservedNick().isEmpty() ? null : change.reservedNick());
        }

        OccupantNotices notices = new OccupantNotices(room);
        OccupantNotices.Actor actor = OccupantNotices.Actor.of(requester);
        List<Occupant> present = room.occupantsOf(target);
        for (Occupant occupant : present) {
            if (affiliation == Affiliation.OUTCAST) {
                // XEP-0045 §9.1: a banned occupant is removed with 301.
                remove(room, occupant, StatusCode.BANNED, actor, change.reason(), notices, outcome);
            } else if (room.config().membersOnly && !affiliation.atLeast(Affiliation.MEMBER)) {
                // XEP-0045 §9.4: a non-member cannot stay in a members-only room: removed with 321 only.
                remove(room, occupant, StatusCode.REMOVED_AFFILIATION, actor, change.reason(), notices, outcome);
            } else if (affiliation != previous) {
                // XEP-0045 §9.3, §9.4, §10.6, §10.7: everyone sees the new affiliation (and the role it brings).
                Role before = occupant.role();
                occupant.role(roleAfter(room, previous, affiliation, before));
                outcome.afterReply.addAll(notices.update(occupant, before, change.reason()));
            }
        }
        if (present.isEmpty() && affiliation == Affiliation.MEMBER && room.config().membersOnly
                && !previous.atLeast(Affiliation.MEMBER)) {
            outcome.afterReply.add(invitation(room, requester, target, change.reason()));
        }
    }

    private static void remove(Room room, Occupant occupant, int status, OccupantNotices.Actor actor, String reason,
                               OccupantNotices notices, Outcome outcome) {
        room.removeOccupant(occupant);
        outcome.beforeReply.addAll(notices.removalToSubject(occupant, status, actor, reason));
        outcome.afterReply.addAll(notices.removalToOthers(occupant, status, actor, reason));
    }

    /**
     * XEP-0045 §5.1.3 note: the role gained with an affiliation is fixed (admins and owners moderate, members
     * speak); the role after losing one is ours to choose: the default of the new affiliation, but an occupant
     * keeps a role a moderator gave it (voice, moderator) unless it only had that role through the lost admin
     * or owner affiliation.
     */
    private static Role roleAfter(Room room, Affiliation previous, Affiliation affiliation, Role current) {
        if (affiliation.atLeast(Affiliation.ADMIN)) {
            return Role.MODERATOR;
        }
        Role standard = room.defaultRole(affiliation);
        if (previous.atLeast(Affiliation.ADMIN)) {
            return standard;
        }
        return current.atLeast(standard) ? current : standard;
    }

    /** XEP-0045 §9.5: a user added to a members-only room's member list SHOULD be invited. */
    private Message invitation(Room room, Requester requester, JID invitee, String reason) {
        Message message = new Message();
        message.setID(ids.next());
        message.setFrom(room.jid());
        message.setTo(invitee);
        Element x = message.addChildElement("x", MucNamespaces.USER);
        Element invite = x.addElement("invite").addAttribute("from", requester.jid().toBareJID());
        if (reason != null && !reason.isEmpty()) {
            invite.addElement("reason").setText(reason);
        }
        if (room.config().passwordProtected && !room.config().password.isEmpty()) {
            x.addElement("password").setText(room.config().password);
        }
        return message;
    }
}
