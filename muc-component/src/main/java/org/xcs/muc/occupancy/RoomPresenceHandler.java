package org.xcs.muc.occupancy;

import java.util.List;
import java.util.Optional;
import org.dom4j.Element;
import org.xcs.common.component.PacketSender;
import org.xcs.common.error.XmppException;
import org.xcs.common.router.PresenceHandler;
import org.xcs.muc.MucContext;
import org.xcs.muc.protocol.MucNamespaces;
import org.xcs.muc.protocol.StatusCode;
import org.xcs.muc.room.Occupant;
import org.xcs.muc.room.Room;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError;
import org.xmpp.packet.Presence;

/**
 * The service's one presence handler: sorts each presence into entry, resynchronisation, availability change, nick
 * change, exit or error removal (XEP-0045 §7.2, §7.6, §7.7, §7.14, §11.1, §17.3) and answers refusals as the spec's
 * error presences. Runs on the room's serial queue.
 */
final class RoomPresenceHandler implements PresenceHandler {
    private final MucContext context;
    private final PacketSender sender;
    private final Entering entering;
    private final NickChange nickChange;
    private final Departure departure;
    private final PresenceBroadcast broadcast;

    RoomPresenceHandler(MucContext context) {
        this.context = context;
        this.sender = context.sender();
        Admission admission = new Admission(context.settings());
        this.broadcast = new PresenceBroadcast(sender);
        this.entering = new Entering(context, admission, broadcast,
                new EntryReplay(sender, context.clock(), context.ids()));
        this.nickChange = new NickChange(admission, broadcast);
        this.departure = new Departure(context.rooms(), broadcast);
    }

    @Override
    public void handle(Presence presence) {
        JID from = presence.getFrom();
        String rawTo = presence.getElement().attributeValue("to");
        if (from == null || rawTo == null) {
            return;
        }
        Presence.Type type;
        try {
            type = presence.getType();
        } catch (IllegalArgumentException e) {
            // RFC 6121 §4.7.1: the type is one of a fixed set; anything else is a malformed stanza.
            refuse(presence, new XmppException(PacketError.Condition.bad_request, PacketError.Type.modify),
                    OccupantAddress.bareOf(rawTo).orElse(context.service()));
            return;
        }
        if (type == Presence.Type.error) {
            // RFC 6120 §8.3.1: never answered; §18.1.2: the session behind it is gone.
            removeAfterError(presence);
            return;
        }
        if (type != null && type != Presence.Type.unavailable) {
            // §17.3: a probe or subscription request neither joins nor leaves; nothing is owed to it.
            return;
        }
        OccupantAddress address;
        try {
            address = OccupantAddress.parse(rawTo);
        } catch (XmppException e) {
            if (type == null) {
                refuse(presence, e, OccupantAddress.bareOf(rawTo).orElse(context.service()));
            }
            return;
        }
        if (address.room().getNode() == null) {
            // Presence to the service itself is not a room's business; a join attempt lacks the room.
            if (type == null && Entering.mucX(presence) != null) {
                refuse(presence, malformed(), context.service());
            }
            return;
        }
        try {
            if (type == Presence.Type.unavailable) {
                unavailable(presence, address);
            } else {
                available(presence, address);
            }
        } catch (XmppException e) {
            refuse(presence, e, address.room());
        }
    }

    private void available(Presence presence, OccupantAddress address) {
        if (!address.hasNick()) {
            throw malformed(); // §7.2.1 "No Nickname Specified"
        }
        Optional<Room> room = context.rooms().get(address.room());
        Optional<Occupant> current = room.flatMap(r -> r.occupantByRealJid(presence.getFrom()));
        Element mucX = Entering.mucX(presence);
        if (current.isEmpty()) {
            if (mucX == null) {
                notAnOccupant(presence, address, room);
            } else {
                entering.enter(presence, address, mucX);
            }
        } else if (!current.get().nick().equals(address.nick())) {
            nickChange.change(room.get(), current.get(), presence, address);
        } else if (mucX != null) {
            entering.resynchronise(room.get(), current.get(), presence, address, mucX);
        } else {
            changeAvailability(room.get(), current.get(), presence);
        }
    }

    /** §7.7: the new presence is kept and passed on (subject to the room's presence broadcast roles). */
    private void changeAvailability(Room room, Occupant occupant, Presence presence) {
        occupant.presence(presence.getFrom(), RelayedPresence.of(presence));
        broadcast.available(room, occupant, List.of(), PresenceBroadcast.Acting.of(presence.getFrom(), presence),
                PresenceBroadcast.everyone());
    }

    /** §17.3: unavailable presence from someone who is not (or not under that nick) an occupant is ignored. */
    private void unavailable(Presence presence, OccupantAddress address) {
        context.rooms().get(address.room()).ifPresent(room -> room.occupantByRealJid(presence.getFrom())
                .filter(occupant -> occupant.nick().equals(address.nick()))
                .ifPresent(occupant -> departure.exit(room, occupant, presence)));
    }

    /** Whatever occupant JID the error came back from, it is the session (its full JID) that is gone. */
    private void removeAfterError(Presence presence) {
        JID roomJid;
        try {
            roomJid = new JID(presence.getTo().toBareJID());
        } catch (IllegalArgumentException e) {
            return;
        }
        context.rooms().get(roomJid).ifPresent(room -> room.occupantByRealJid(presence.getFrom())
                .ifPresent(occupant -> departure.removeAfterError(room, occupant, presence.getFrom())));
    }

    /**
     * XEP-0045 §7.2.18: available presence without the muc {@code <x/>} from a session that is not in the room is
     * an old groupchat 1.0 join or a client out of sync; the RECOMMENDED answer is a kick with 110, 307 and 333, so
     * the client learns it is not in the room (and may join properly).
     */
    private void notAnOccupant(Presence presence, OccupantAddress address, Optional<Room> room) {
        Presence kick = new Presence(Presence.Type.unavailable);
        kick.setFrom(new JID(address.room().getNode(), address.room().getDomain(), address.nick()));
        kick.setTo(presence.getFrom());
        Element x = kick.addChildElement("x", MucNamespaces.USER);
        Element item = x.addElement("item");
        item.addAttribute("affiliation", room.map(r -> r.affiliation(presence.getFrom()).wireName()).orElse("none"));
        item.addAttribute("role", "none");
        item.addElement("reason").setText("You are not in the room.");
        for (int code : List.of(StatusCode.SELF_PRESENCE, StatusCode.KICKED, StatusCode.REMOVED_ERROR)) {
            x.addElement("status").addAttribute("code", String.valueOf(code));
        }
        sender.send(kick);
    }

    private void refuse(Presence presence, XmppException error, JID by) {
        sender.send(PresenceRefusal.of(presence, error, by));
    }

    private static XmppException malformed() {
        return new XmppException(PacketError.Condition.jid_malformed, PacketError.Type.modify);
    }
}
