package org.xcs.muc.occupancy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.dom4j.Element;
import org.xcs.common.error.XmppException;
import org.xcs.muc.MucContext;
import org.xcs.muc.protocol.MucNamespaces;
import org.xcs.muc.protocol.StatusCode;
import org.xcs.muc.room.Affiliation;
import org.xcs.muc.room.Occupant;
import org.xcs.muc.room.Role;
import org.xcs.muc.room.Room;
import org.xcs.muc.room.RoomConfig;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError;
import org.xmpp.packet.Presence;

/**
 * Entering a room (XEP-0045 §7.2), creating it on first entry (§10.1.1), and the full resynchronisation an
 * already-joined session asks for by joining again (§7.2.1, §17.3). The order of what the session receives is
 * §7.1's: the others' presences, its own, the history, the subject.
 */
final class Entering {
    private final MucContext context;
    private final Admission admission;
    private final PresenceBroadcast broadcast;
    private final EntryReplay replay;

    Entering(MucContext context, Admission admission, PresenceBroadcast broadcast, EntryReplay replay) {
        this.context = context;
        this.admission = admission;
        this.broadcast = broadcast;
        this.replay = replay;
    }

    /** A join from a session that is not in the room; {@code mucX} is its muc {@code <x/>}. */
    void enter(Presence request, OccupantAddress address, Element mucX) {
        JID user = request.getFrom();
        Optional<Room> existing = context.rooms().get(address.room());
        boolean creating = existing.isEmpty();
        Room room = creating ? newRoom(address.room(), user) : existing.get();
        if (!creating) {
            admission.admit(room, user, address.nick(), password(mucX));
        }
        Role role = admission.roleOf(room, user);
        Occupant occupant = room.addSession(address.nick(), user, role);
        occupant.presence(user, RelayedPresence.of(request));
        if (creating) {
            context.rooms().add(room);
        }
        List<Integer> selfCodes = entryCodes(room, address);
        if (creating) {
            selfCodes.add(StatusCode.ROOM_CREATED);
        }
        welcome(room, occupant, request, selfCodes, PresenceBroadcast.everyone(), mucX);
    }

    /**
     * XEP-0045 §7.2.1 / §17.3: a session already in the room under this nick joined again: it gets everything of a
     * join; the others hear of it only when its presence changed.
     */
    void resynchronise(Room room, Occupant occupant, Presence request, OccupantAddress address, Element mucX) {
        JID session = request.getFrom();
        Presence kept = RelayedPresence.of(request);
        boolean changed = occupant.presence().map(old -> !RelayedPresence.same(old, kept)).orElse(true);
        occupant.presence(session, kept);
        welcome(room, occupant, request, entryCodes(room, address),
                changed ? PresenceBroadcast.everyone() : session::equals, mucX);
    }

    private void welcome(Room room, Occupant occupant, Presence request, List<Integer> selfCodes,
                         Predicate<JID> announceTo, Element mucX) {
        JID session = request.getFrom();
        broadcast.rosterTo(room, occupant, session);
        broadcast.available(room, occupant, List.of(),
                new PresenceBroadcast.Acting(session, request.getID(), selfCodes), announceTo);
        replay.replay(room, session, HistoryRequest.parse(mucX == null ? null : mucX.element("history")));
    }

    /** Self-presence codes on entry: §7.2.3 (100, non-anonymous), §7.2.12 (170, logged), §7.2.2 (210, nick changed). */
    private static List<Integer> entryCodes(Room room, OccupantAddress address) {
        List<Integer> codes = new ArrayList<>();
        if (room.config().nonAnonymous()) {
            codes.add(StatusCode.REAL_JID_VISIBLE);
        }
        if (room.config().enableLogging) {
            codes.add(StatusCode.LOGGING_ENABLED);
        }
        if (address.nickModified()) {
            codes.add(StatusCode.NICK_ASSIGNED);
        }
        return codes;
    }

    /**
     * XEP-0045 §10.1.1: the creator becomes owner and the room stays locked (§7.2.10) until the owner submits a
     * configuration or accepts the default (muc#owner, the owner area unlocks it). Nothing is stored: a room is
     * persisted only once configured persistent.
     */
    private Room newRoom(JID roomJid, JID creator) {
        if (!context.settings().mayCreate(creator)) {
            throw new XmppException(PacketError.Condition.not_allowed, PacketError.Type.cancel);
        }
        RoomConfig config = new RoomConfig();
        config.historyLength = Math.min(config.historyLength, context.settings().maxHistory());
        Room room = new Room(roomJid, config, context.clock().instant());
        room.locked(true);
        room.affiliation(creator, Affiliation.OWNER, null);
        return room;
    }

    private static String password(Element mucX) {
        Element password = mucX == null ? null : mucX.element("password");
        return password == null ? null : password.getText();
    }

    static Element mucX(Presence presence) {
        return presence.getChildElement("x", MucNamespaces.MUC);
    }
}
