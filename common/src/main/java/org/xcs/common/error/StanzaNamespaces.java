package org.xcs.common.error;

import java.util.Set;

import org.dom4j.Attribute;
import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.Node;
import org.dom4j.QName;

/**
 * Copies stanza content into a freshly built stanza. Stanzas parsed from the component stream are qualified by
 * {@code jabber:component:accept} (or {@code jabber:client}); the stanzas Tinder builds carry no namespace. Copying
 * {@code <body/>} as is would serialize as {@code <body xmlns="jabber:component:accept">}, and adding a
 * namespace-less {@code <error/>} to a parsed stanza serializes as {@code <error xmlns="">}, which hosts reject
 * (RFC 6120 §4.8.3: stanza children inherit the stream's default namespace). So the stanza-level namespace is
 * dropped, and everything in another namespace (payloads, forwarded {@code jabber:client} stanzas) is kept verbatim.
 */
final class StanzaNamespaces {
    static final Set<String> STANZA_NAMESPACES = Set.of("", "jabber:client", "jabber:server",
            "jabber:component:accept");

    private StanzaNamespaces() {
    }

    static boolean isStanzaNamespace(String uri) {
        return uri == null || STANZA_NAMESPACES.contains(uri);
    }

    static Element copyUnqualified(Element source) {
        if (!isStanzaNamespace(source.getNamespaceURI())) {
            return source.createCopy();
        }
        Element copy = DocumentHelper.createElement(QName.get(source.getName()));
        for (Attribute a : source.attributes()) {
            copy.addAttribute(a.getQName(), a.getValue());
        }
        for (Node n : source.content()) {
            if (n instanceof Element child) {
                copy.add(copyUnqualified(child));
            } else if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                copy.addText(n.getText());
            }
        }
        return copy;
    }
}
