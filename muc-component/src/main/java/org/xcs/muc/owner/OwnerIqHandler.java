package org.xcs.muc.owner;

import java.util.List;
import org.dom4j.Element;
import org.xcs.common.error.XmppException;
import org.xcs.common.stanza.form.Form;
import org.xcs.common.stanza.form.SubmittedForm;
import org.xcs.muc.MucContext;
import org.xcs.muc.protocol.MucNamespaces;
import org.xcs.muc.room.Affiliation;
import org.xcs.muc.room.Occupant;
import org.xcs.muc.room.Room;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError;

/**
 * The muc#owner IQs of a room (XEP-0045 §10): get = the configuration form; set = a submitted form (reserved
 * room, subsequent configuration, or the empty form of an instant room), a cancel, or a destroy request.
 * Runs on the room's serial queue; commits every change before the reply is sent.
 */
final class OwnerIqHandler {
    private final MucContext context;
    private final OwnerNotices notices;

    OwnerIqHandler(MucContext context) {
        this.context = context;
        this.notices = new OwnerNotices(context.sender(), context.ids());
    }

    /** XEP-0045 §10.1.3 / §10.2: the form with the current values. */
    IQ get(IQ request) {
        Room room = ownedRoom(request);
        IQ reply = IQ.createResultIQ(request);
        reply.setChildElement("query", MucNamespaces.OWNER).add(RoomConfigForm.of(room).toElement());
        return reply;
    }

    IQ set(IQ request) {
        Room room = ownedRoom(request);
        Element query = request.getChildElement();
        Element destroy = query.element("destroy");
        List<Element> forms = Form.elementsIn(query);
        if (destroy != null && forms.isEmpty()) {
            destroy(room, DestroyRequest.parse(destroy));
        } else if (destroy == null && forms.size() == 1) {
            SubmittedForm form = SubmittedForm.parse(forms.get(0), MucNamespaces.ROOMCONFIG);
            if (form.isCancel()) {
                cancel(room);
            } else {
                configure(room, form);
            }
        } else {
            // XEP-0045 §19.4 schema: the owner query holds one data form or one destroy.
            throw new XmppException(PacketError.Condition.bad_request,
                    "a muc#owner set carries exactly one data form or one <destroy/>");
        }
        return IQ.createResultIQ(request);
    }

    private void configure(Room room, SubmittedForm form) {
        // Everything is checked before anything changes (a bogus field leaves the room as it was).
        ConfigChange change = ConfigSubmission.read(form, room, context.settings().maxHistory());
        boolean wasPersistent = room.config().persistentRoom;
        Reconfiguration.Outcome outcome = Reconfiguration.apply(room, change);
        commit(room, wasPersistent);
        outcome.newlyAffiliated().forEach(occupant -> notices.affiliationChanged(room, occupant));
        outcome.removedNonMembers().forEach(occupant -> notices.removedAsNonMember(room, occupant));
        if (!outcome.statusCodes().isEmpty()) {
            notices.configurationChanged(room, outcome.statusCodes());
        }
    }

    /**
     * Saves a persistent room, drops one that no longer is (Rooms.changed). A room that stopped being persistent
     * while nobody is in it is a temporary room without occupants: it goes (XEP-0045 §10.1.1 temporary rooms).
     */
    private void commit(Room room, boolean wasPersistent) {
        context.rooms().changed(room);
        if (wasPersistent && !room.config().persistentRoom && room.isEmpty()) {
            context.rooms().remove(room);
        }
    }

    /**
     * XEP-0045 §10.1.3: cancelling the initial configuration destroys the new room; §10.2: cancelling a later one
     * leaves the configuration as it was.
     */
    private void cancel(Room room) {
        if (room.isLocked()) {
            destroy(room, DestroyRequest.PLAIN);
        }
    }

    /** XEP-0045 §10.9: everyone out with the reason and venue, the room and its stored copy gone. */
    private void destroy(Room room, DestroyRequest request) {
        context.rooms().remove(room);
        notices.destroyed(room, request);
        for (Occupant occupant : List.copyOf(room.occupants())) {
            room.removeOccupant(occupant);
        }
    }

    /** The room the IQ is for, when the sender may act as its owner (XEP-0045 §10.2, §10.9: else forbidden). */
    private Room ownedRoom(IQ request) {
        JID to = request.getTo();
        if (to == null || to.getNode() == null || to.getResource() != null) {
            // Not a room: the service itself has no owner use cases, and an occupant JID is not the room.
            throw new XmppException(PacketError.Condition.service_unavailable);
        }
        Room room = context.rooms().get(to).orElseThrow(() -> new XmppException(PacketError.Condition.item_not_found,
                "no room " + to.toBareJID()));
        JID from = request.getFrom();
        if (from == null || !(room.affiliation(from) == Affiliation.OWNER || context.settings().isAdmin(from))) {
            throw new XmppException(PacketError.Condition.forbidden, "only the room's owners may do this");
        }
        return room;
    }
}
