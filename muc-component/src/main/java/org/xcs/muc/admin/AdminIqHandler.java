package org.xcs.muc.admin;

import java.util.List;
import java.util.concurrent.CompletionStage;
import org.dom4j.Element;
import org.xcs.common.error.XmppException;
import org.xcs.muc.MucContext;
import org.xcs.muc.protocol.MucNamespaces;
import org.xcs.muc.room.Role;
import org.xcs.muc.room.Room;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError;

/** The muc#admin IQs of a room: reads the request, lets the rules and changes act, writes the reply. */
final class AdminIqHandler {
    private final MucContext context;
    private final AffiliationChanges affiliationChanges;

    AdminIqHandler(MucContext context) {
        this.context = context;
        this.affiliationChanges = new AffiliationChanges(context.ids());
    }

    /** XEP-0045 §8.5, §9.2, §9.5, §9.8, §10.5, §10.8: one list, by role or by affiliation. */
    IQ get(IQ request) {
        Room room = room(request);
        List<AdminItem> items = AdminQuery.items(request.getChildElement());
        if (items.size() != 1) {
            throw AdminQuery.badRequest("a list request names one role or one affiliation");
        }
        AdminItem wanted = items.get(0);
        Requester requester = Requester.of(room, request.getFrom(), context.settings());
        List<AdminLists.Entry> entries;
        if (wanted.isRoleItem()) {
            if (wanted.role() == Role.NONE) {
                throw AdminQuery.badRequest("there is no list of the role none");
            }
            ListAccess.checkRoleList(requester, wanted.role());
            entries = AdminLists.byRole(room, wanted.role());
        } else {
            ListAccess.checkAffiliationList(room, requester, wanted.affiliation());
            entries = AdminLists.byAffiliation(room, wanted.affiliation());
        }
        IQ reply = IQ.createResultIQ(request);
        Element query = reply.setChildElement("query", MucNamespaces.ADMIN);
        for (AdminLists.Entry entry : entries) {
            Element item = query.addElement("item");
            item.addAttribute("affiliation", entry.affiliation().wireName());
            item.addAttribute("jid", entry.jid().toString());
            if (entry.nick() != null) {
                item.addAttribute("nick", entry.nick());
            }
            if (entry.role() != null) {
                item.addAttribute("role", entry.role().wireName());
            }
            if (entry.reason() != null) {
                item.addElement("reason").setText(entry.reason());
            }
        }
        return reply;
    }

    /** XEP-0045 §8.2-§8.5, §9.1-§9.8, §10.3-§10.8: a delta of role or affiliation items, all or nothing. */
    CompletionStage<IQ> set(IQ request) {
        Room room = room(request);
        List<AdminItem> items = AdminQuery.items(request.getChildElement());
        boolean roles = items.get(0).isRoleItem();
        if (items.stream().anyMatch(i -> i.isRoleItem() != roles)) {
            throw AdminQuery.badRequest("one request changes roles or affiliations, not both");
        }
        Requester requester = Requester.of(room, request.getFrom(), context.settings());
        Outcome outcome = roles
                ? RoleChanges.apply(room, requester, items)
                : affiliationChanges.apply(room, requester, items);
        if (room.isEmpty() && !room.config().persistentRoom) {
            // A temporary room goes with its last occupant (XEP-0045 §10.1.1), here one removed by a non-occupant.
            context.rooms().remove(room);
        } else {
            // Saved before the result acknowledges the change.
            context.rooms().changed(room);
        }
        outcome.beforeReply.forEach(context.sender()::send);
        return new ReplyThenNotify(IQ.createResultIQ(request), context.sender(), outcome.afterReply);
    }

    private Room room(IQ request) {
        JID to = request.getTo();
        if (to == null || to.getNode() == null || to.getResource() != null) {
            // muc#admin is spoken by rooms, not by the service or an occupant (XEP-0045 §17.4 rule 1).
            throw new XmppException(PacketError.Condition.service_unavailable);
        }
        return context.rooms().get(to).orElseThrow(() -> new XmppException(PacketError.Condition.item_not_found,
                PacketError.Type.cancel, "no room " + to.toBareJID(), null));
    }
}
