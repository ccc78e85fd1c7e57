package org.xcs.muc.admin;

import java.util.ArrayList;
import java.util.List;
import org.dom4j.Element;
import org.xcs.common.error.XmppException;
import org.xcs.muc.protocol.MucNamespaces;
import org.xcs.muc.room.Affiliation;
import org.xcs.muc.room.Role;
import org.xmpp.packet.PacketError;

/** Reads the {@code <query xmlns='muc#admin'/>} of a request into items; malformed input is bad-request. */
final class AdminQuery {
    private AdminQuery() {
    }

    static List<AdminItem> items(Element query) {
        if (!"query".equals(query.getName())) {
            throw badRequest("the muc#admin payload is <query/>");
        }
        List<AdminItem> items = new ArrayList<>();
        for (Element child : query.elements()) {
            if (!"item".equals(child.getName()) || !MucNamespaces.ADMIN.equals(child.getNamespaceURI())) {
                throw badRequest("unexpected <" + child.getName() + "/> in a muc#admin query");
            }
            items.add(item(child));
        }
        if (items.isEmpty()) {
            throw badRequest("a muc#admin query carries at least one item");
        }
        return items;
    }

    private static AdminItem item(Element item) {
        String roleValue = item.attributeValue("role");
        String affiliationValue = item.attributeValue("affiliation");
        Role role = roleValue == null ? null : Role.fromWire(roleValue);
        Affiliation affiliation = affiliationValue == null ? null : Affiliation.fromWire(affiliationValue);
        if (roleValue != null && role == null) {
            throw badRequest("unknown role '" + roleValue + "'");
        }
        if (affiliationValue != null && affiliation == null) {
            throw badRequest("unknown affiliation '" + affiliationValue + "'");
        }
        // XEP-0045 §17.4 rule 4: an item is about a role or about an affiliation, never both.
        if ((role == null) == (affiliation == null)) {
            throw badRequest("an item carries either a role or an affiliation");
        }
        Element reason = item.element("reason");
        return new AdminItem(item.attributeValue("nick"), item.attributeValue("jid"), role, affiliation,
                reason == null ? null : reason.getText());
    }

    static XmppException badRequest(String text) {
        return new XmppException(PacketError.Condition.bad_request, PacketError.Type.modify, text, null);
    }
}
