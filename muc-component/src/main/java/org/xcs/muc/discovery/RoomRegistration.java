package org.xcs.muc.discovery;

import java.util.List;
import java.util.Optional;
import org.dom4j.Element;
import org.xcs.common.error.XmppException;
import org.xcs.common.stanza.form.Field;
import org.xcs.common.stanza.form.FieldType;
import org.xcs.common.stanza.form.Form;
import org.xcs.common.stanza.form.FormType;
import org.xcs.common.stanza.form.SubmittedForm;
import org.xcs.muc.protocol.MucNamespaces;
import org.xcs.muc.protocol.StatusCode;
import org.xcs.muc.room.Affiliation;
import org.xcs.muc.room.Occupant;
import org.xcs.muc.room.Role;
import org.xcs.muc.room.Room;
import org.xcs.muc.service.Rooms;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError;

/**
 * Registering with a room (XEP-0045 §7.10) over {@code jabber:iq:register} with the {@code muc#register} form.
 *
 * <p>Policy (the spec leaves it to the service): in an open room a registration makes the user a member at once
 * and reserves the nick; in a members-only room only existing members (or admins, owners) may register, i.e.
 * reserve their nick, because there membership is what admins grant (§9.3, §9.5) and this service has no approval
 * workflow (§9.9); others get not-allowed. Outcasts get forbidden. An owner or admin who registers keeps the
 * higher affiliation. {@code <remove/>} gives the nick up and, for a member, the membership (§9.4 semantics: in a
 * members-only room the user then leaves, status 321).
 */
final class RoomRegistration {
    static final String ROOMNICK = "muc#register_roomnick";

    private final RoomLookup lookup;
    private final Rooms rooms;
    private final MembershipPresence presence;

    RoomRegistration(RoomLookup lookup, Rooms rooms, MembershipPresence presence) {
        this.lookup = lookup;
        this.rooms = rooms;
        this.presence = presence;
    }

    IQ get(IQ request) {
        Room room = target(request);
        JID user = request.getFrom();
        mayRegister(room, user);
        IQ reply = IQ.createResultIQ(request);
        Element query = reply.setChildElement("query", MucNamespaces.REGISTER);
        Optional<String> nick = room.registeredNick(user);
        if (nick.isPresent()) {
            // §7.10: already registered: an empty <registered/> and the nick as <username/>.
            query.addElement("registered");
            query.addElement("username").setText(nick.get());
        } else {
            query.add(form(room).toElement());
        }
        return reply;
    }

    IQ set(IQ request) {
        Room room = target(request);
        JID user = request.getFrom();
        Element query = request.getChildElement();
        if (query.element("remove") != null) {
            unregister(room, user);
            return IQ.createResultIQ(request);
        }
        mayRegister(room, user);
        SubmittedForm form = SubmittedForm.findIn(query, MucNamespaces.REGISTER_FORM)
                .orElseThrow(() -> bad("a muc#register data form is required"));
        if (form.isCancel()) {
            return IQ.createResultIQ(request); // XEP-0004 §3.1: nothing to apply
        }
        if (!form.formType().map(MucNamespaces.REGISTER_FORM::equals).orElse(false)) {
            throw bad("the form's FORM_TYPE must be " + MucNamespaces.REGISTER_FORM);
        }
        form.requireFields(ROOMNICK);
        String nick = validNick(room, form.text(ROOMNICK).orElse(""));
        boolean taken = room.registrantOf(nick).filter(other -> !sameUser(other, user)).isPresent()
                || room.occupant(nick).filter(o -> !sameUser(o.bareJid(), user)).isPresent();
        if (taken) {
            throw new XmppException(PacketError.Condition.conflict, PacketError.Type.cancel); // §7.10
        }
        Affiliation before = room.affiliation(user);
        room.registerNick(user, nick);
        if (before == Affiliation.NONE) {
            room.affiliation(user, Affiliation.MEMBER, null);
        }
        rooms.changed(room); // durable before anything acknowledges it
        if (before == Affiliation.NONE) {
            for (Occupant occupant : room.occupantsOf(user)) {
                // §5.1.2: a member's default role; a visitor of a moderated room gains voice.
                if (occupant.role() == Role.VISITOR) {
                    occupant.role(room.defaultRole(Affiliation.MEMBER));
                }
                presence.broadcast(room, occupant, false, List.of());
            }
        }
        return IQ.createResultIQ(request);
    }

    private void unregister(Room room, JID user) {
        Affiliation before = room.affiliation(user);
        if (before == Affiliation.OUTCAST) {
            throw new XmppException(PacketError.Condition.forbidden);
        }
        boolean wasMember = before == Affiliation.MEMBER;
        if (room.registeredNick(user).isEmpty() && !wasMember) {
            return; // nothing registered: removing it again is not an error
        }
        room.registerNick(user, null);
        if (wasMember) {
            room.affiliation(user, Affiliation.NONE, null);
        }
        rooms.changed(room);
        if (!wasMember) {
            return;
        }
        for (Occupant occupant : room.occupantsOf(user)) {
            if (room.config().membersOnly) {
                // §9.4: a user who is no longer a member leaves a members-only room, status 321.
                presence.broadcast(room, occupant, true, List.of(StatusCode.REMOVED_AFFILIATION));
                room.removeOccupant(occupant);
            } else {
                if (occupant.role() == Role.PARTICIPANT && room.defaultRole(Affiliation.NONE) == Role.VISITOR) {
                    occupant.role(Role.VISITOR);
                }
                presence.broadcast(room, occupant, false, List.of());
            }
        }
    }

    private Room target(IQ request) {
        JID to = request.getTo();
        if (to == null || to.getNode() == null || to.getResource() != null) {
            // §7.10: registration is with a room; the service itself and occupants do not offer it.
            throw new XmppException(PacketError.Condition.service_unavailable, PacketError.Type.cancel);
        }
        return lookup.require(to, request.getFrom()); // §7.10: item-not-found for a room that does not exist
    }

    private static void mayRegister(Room room, JID user) {
        Affiliation affiliation = room.affiliation(user);
        if (affiliation == Affiliation.OUTCAST) {
            throw new XmppException(PacketError.Condition.forbidden); // §7.2.7: banned users get forbidden
        }
        if (room.config().membersOnly && affiliation == Affiliation.NONE) {
            throw new XmppException(PacketError.Condition.not_allowed, PacketError.Type.cancel);
        }
    }

    /** A nick must be a valid resourcepart (RFC 7622 §3.4), as it becomes one in the occupant JID. */
    private static String validNick(Room room, String nick) {
        if (nick.isBlank()) {
            throw bad("the nick must not be empty");
        }
        try {
            return room.occupantJid(nick.strip()).getResource();
        } catch (IllegalArgumentException e) {
            throw bad("'" + nick + "' cannot be a room nick");
        }
    }

    private static boolean sameUser(JID a, JID b) {
        return a.toBareJID().equals(b.toBareJID());
    }

    private static Form form(Room room) {
        return Form.builder(FormType.FORM).formType(MucNamespaces.REGISTER_FORM)
                .title(RoomDescription.displayName(room) + " registration")
                .instruction("Choose your nickname in this room. Registering makes you a member and reserves it.")
                .field(Field.builder("muc#register_first", FieldType.TEXT_SINGLE).label("Given Name").build())
                .field(Field.builder("muc#register_last", FieldType.TEXT_SINGLE).label("Family Name").build())
                .field(Field.builder(ROOMNICK, FieldType.TEXT_SINGLE).label("Desired Nickname").required().build())
                .field(Field.builder("muc#register_url", FieldType.TEXT_SINGLE).label("Your URL").build())
                .field(Field.builder("muc#register_email", FieldType.TEXT_SINGLE).label("Email Address").build())
                .field(Field.builder("muc#register_faqentry", FieldType.TEXT_MULTI).label("FAQ Entry").build())
                .build();
    }

    private static XmppException bad(String text) {
        return new XmppException(PacketError.Condition.bad_request, PacketError.Type.modify, text, null);
    }
}
