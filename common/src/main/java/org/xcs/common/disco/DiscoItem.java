package org.xcs.common.disco;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.QName;
import org.xcs.common.stanza.Namespaces;
import org.xmpp.packet.JID;

import java.util.Objects;

/** XEP-0030 §4.1 item: a JID, optionally a node (§4.2), optionally a name. */
public record DiscoItem(JID jid, String node, String name) {
    public DiscoItem {
        Objects.requireNonNull(jid, "jid");
        if (node != null && node.isEmpty()) {
            throw new IllegalArgumentException("XEP-0030 §4.2: a node MUST NOT be empty");
        }
    }

    public DiscoItem(JID jid, String name) {
        this(jid, null, name);
    }

    /** The XEP-0059 UID: a space cannot occur in a JID, so jid+node stays unique. */
    public String rsmId() {
        return node == null ? jid.toString() : jid + " " + node;
    }

    public Element toElement() {
        Element item = DocumentHelper.createElement(QName.get("item", Namespaces.DISCO_ITEMS));
        item.addAttribute("jid", jid.toString());
        if (node != null) {
            item.addAttribute("node", node);
        }
        if (name != null) {
            item.addAttribute("name", name);
        }
        return item;
    }
}
