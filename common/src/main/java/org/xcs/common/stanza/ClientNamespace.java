package org.xcs.common.stanza;

import org.dom4j.Attribute;
import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.Namespace;
import org.dom4j.Node;
import org.dom4j.QName;

/**
 * Moves a stanza element between our stream's namespace and {@code jabber:client}. Tinder builds stanzas with no
 * namespace (inheriting the stream's) and parses them in {@code jabber:component:accept}; embedded in another
 * element either would be written as {@code xmlns=''} or the component namespace, both wrong for an embedded stanza.
 * Only the stanza and its descendants in the same default namespace move ({@code <body/>}, {@code <subject/>}...);
 * extension elements keep their own namespace.
 */
public final class ClientNamespace {
    private ClientNamespace() {
    }

    /** The namespaces a stream's stanzas and their plain children (body, subject, error...) can carry. */
    public static boolean isStanzaNamespace(String uri) {
        return uri == null || uri.isEmpty() || Namespaces.JABBER_CLIENT.equals(uri)
                || Namespaces.JABBER_SERVER.equals(uri) || Namespaces.COMPONENT_ACCEPT.equals(uri);
    }

    /** A deep copy of {@code stanza} qualified by {@code jabber:client}, ready to embed. */
    public static Element copyIntoClient(Element stanza) {
        return copy(stanza, true, true);
    }

    /** A deep copy of an embedded {@code jabber:client} stanza with no namespace, as Tinder builds its own. */
    public static Element copyIntoStreamDefault(Element stanza) {
        return copy(stanza, true, false);
    }

    private static Element copy(Element src, boolean parentInStanzaNamespace, boolean toClient) {
        String ns = src.getNamespaceURI();
        // Inside an extension (another namespace) everything is payload and keeps its namespace, e.g. a stanza
        // forwarded in jabber:client inside a bounced payload.
        boolean stanzaNamespace = parentInStanzaNamespace && isStanzaNamespace(ns);
        QName name = !stanzaNamespace ? src.getQName()
                : toClient ? QName.get(src.getName(), Namespaces.JABBER_CLIENT) : QName.get(src.getName());
        Element out = DocumentHelper.createElement(name);
        for (Attribute a : src.attributes()) {
            out.addAttribute(a.getQName(), a.getValue());
        }
        for (Node n : src.content()) {
            if (n instanceof Element child) {
                out.add(copy(child, stanzaNamespace, toClient));
            } else if (n instanceof Namespace decl) {
                if (!decl.getPrefix().isEmpty()) {
                    out.add(decl);
                }
            } else {
                out.add((Node) n.clone());
            }
        }
        return out;
    }
}
