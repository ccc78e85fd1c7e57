package org.xcs.muc.messaging;

import java.util.List;
import java.util.Optional;
import org.dom4j.Element;
import org.xcs.common.error.XmppException;
import org.xcs.common.stanza.form.Field;
import org.xcs.common.stanza.form.FieldType;
import org.xcs.common.stanza.form.Form;
import org.xcs.common.stanza.form.FormType;
import org.xcs.common.stanza.form.SubmittedForm;
import org.xcs.muc.MucContext;
import org.xcs.muc.protocol.MucNamespaces;
import org.xcs.muc.protocol.OccupantPresence;
import org.xcs.muc.protocol.StatusCode;
import org.xcs.muc.room.Occupant;
import org.xcs.muc.room.Role;
import org.xcs.muc.room.Room;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.PacketError;
import org.xmpp.packet.Presence;

/**
 * XEP-0045 §7.13: a visitor asks for voice with a muc#request form; §8.6: the room turns it into an approval form
 * for every moderator, and a moderator's submitted approval makes the visitor a participant (§8.3 presence).
 */
final class VoiceRequests {
    static final String ROLE = "muc#role";
    static final String JID_FIELD = "muc#jid";
    static final String NICK = "muc#roomnick";
    static final String ALLOW = "muc#request_allow";

    private final MucContext context;
    private final RoomMessages out;

    VoiceRequests(MucContext context, RoomMessages out) {
        this.context = context;
        this.out = out;
    }

    /** The muc#request data form of a message, if it carries one. */
    static Optional<Element> formIn(Message message) {
        return Form.elementsIn(message.getElement()).stream().filter(VoiceRequests::isRequestForm).findFirst();
    }

    private static boolean isRequestForm(Element x) {
        for (Element field : x.elements("field")) {
            if (Form.FORM_TYPE.equals(field.attributeValue("var"))) {
                return MucNamespaces.REQUEST.equals(field.elementTextTrim("value"));
            }
        }
        return false;
    }

    void handle(Room room, Message message, Element formElement) {
        SubmittedForm form = SubmittedForm.parse(formElement, MucNamespaces.REQUEST);
        Occupant sender = room.occupantByRealJid(message.getFrom())
                .orElseThrow(() -> new XmppException(PacketError.Condition.not_acceptable));
        if (form.isCancel()) {
            return;
        }
        if (form.has(ALLOW) || form.has(NICK) || form.has(JID_FIELD)) {
            approve(room, sender, form);
        } else {
            request(room, sender, form);
        }
    }

    /** XEP-0045 §7.13 then §8.6: the request goes to every moderator as an approval form. */
    private void request(Room room, Occupant requester, SubmittedForm form) {
        if (!Role.PARTICIPANT.wireName().equals(form.text(ROLE).orElse(null))) {
            // §7.13: the form "contains only a muc#role field with a value of participant".
            throw new XmppException(PacketError.Condition.bad_request, PacketError.Type.modify,
                    "a voice request asks for muc#role participant", null);
        }
        if (!room.config().allowVoiceRequests) {
            // muc#roomconfig_allowvoicerequests off: the room takes no requests.
            throw new XmppException(PacketError.Condition.forbidden, PacketError.Type.auth,
                    "voice requests are disabled in this room", null);
        }
        if (requester.role().hasVoice()) {
            return; // nothing to approve: the occupant already speaks
        }
        Message approval = new Message();
        approval.setFrom(room.jid());
        approval.getElement().add(approvalForm(requester).toElement());
        for (Occupant moderator : room.occupants()) {
            if (moderator.role() == Role.MODERATOR) {
                approval.setID(context.ids().next());
                out.toOccupant(moderator, approval);
            }
        }
    }

    /** XEP-0045 §8.6 "Voice Request Approval Form". */
    private static Form approvalForm(Occupant requester) {
        return Form.builder(FormType.FORM)
                .formType(MucNamespaces.REQUEST)
                .title("Voice request")
                .instruction("To approve this request for voice, select the \"Grant voice to this person?\" "
                        + "checkbox and click OK. To skip this request, click the cancel button.")
                .field(Field.builder(ROLE, FieldType.LIST_SINGLE).label("Requested role")
                        .value(Role.PARTICIPANT.wireName()).build())
                .field(Field.builder(JID_FIELD, FieldType.JID_SINGLE).label("User ID")
                        .value(requester.realJid()).build())
                .field(Field.builder(NICK, FieldType.TEXT_SINGLE).label("Room Nickname")
                        .value(requester.nick()).build())
                .field(Field.builder(ALLOW, FieldType.BOOLEAN).label("Grant voice to this person?")
                        .value("false").build())
                .build();
    }

    /** XEP-0045 §8.6: a moderator's submitted approval grants voice as in §8.3. */
    private void approve(Room room, Occupant moderator, SubmittedForm form) {
        if (moderator.role() != Role.MODERATOR) {
            // XEP-0045 §5.1.1: granting voice is a moderator's privilege.
            throw new XmppException(PacketError.Condition.forbidden);
        }
        if (!form.bool(ALLOW).orElse(false)) {
            return; // not approved: nothing happens
        }
        Occupant visitor = form.text(NICK).flatMap(room::occupant)
                .or(() -> form.jid(JID_FIELD).flatMap(room::occupantByRealJid))
                .orElseThrow(() -> new XmppException(PacketError.Condition.item_not_found));
        if (visitor.role() != Role.VISITOR) {
            return; // already has voice (another moderator approved first), or left and came back otherwise
        }
        visitor.role(Role.PARTICIPANT);
        broadcastRole(room, visitor);
    }

    /** XEP-0045 §8.3: every occupant learns the new role; the occupant itself with status 110. */
    private void broadcastRole(Room room, Occupant changed) {
        boolean shown = room.config().presenceBroadcast.contains(changed.role());
        for (Occupant recipient : room.occupants()) {
            boolean self = recipient == changed;
            if (!self && !shown) {
                continue;
            }
            List<Integer> statuses = self ? List.of(StatusCode.SELF_PRESENCE) : List.of();
            for (JID session : recipient.sessions()) {
                Presence presence = OccupantPresence.build(room, changed, session,
                        room.mayDiscoverRealJids(recipient), false, statuses);
                context.sender().send(presence);
            }
        }
    }
}
