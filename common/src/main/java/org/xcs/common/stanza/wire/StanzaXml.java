package org.xcs.common.stanza.wire;

import java.util.ArrayList;
import java.util.List;

import org.dom4j.Attribute;
import org.dom4j.CDATA;
import org.dom4j.Element;
import org.dom4j.Namespace;
import org.dom4j.Node;
import org.dom4j.Text;
import org.xmpp.packet.Packet;

/**
 * Renders a stanza's element to XML text, byte for byte what dom4j's {@code XMLWriter} with its default format writes
 * (the writer Whack puts on the stream): the same namespace declarations, the same escaping, {@code <a/>} for empty
 * elements, double quotes. Everything the hosts and the clients have been tested against therefore stays as it was.
 *
 * <p>Why not {@code XMLWriter} itself: it escapes through a synchronized {@code StringBuffer}, copies each escaped
 * string to a char array, and writes every piece through a {@code Writer}; rendering was the largest single cost of a
 * PubSub notification (16% of the component's CPU, JFR). This one appends to one {@code StringBuilder}.
 *
 * <p>Nodes it does not handle the way XMLWriter does (comments, processing instructions, entity references,
 * attributes in a namespace, attributes named {@code xmlns}) make it hand the whole element to XMLWriter instead:
 * they do not occur in what we send, and being exact matters more than being fast there.
 */
public final class StanzaXml {

    private static final ThreadLocal<StanzaXml> PER_THREAD = ThreadLocal.withInitial(StanzaXml::new);
    /** A builder that grew past this is not kept for the next stanza (one large result must not pin memory). */
    private static final int KEPT_CAPACITY = 64 * 1024;

    private StringBuilder out = new StringBuilder(1024);
    /** The declarations in scope, innermost last; the bottom one binds the default namespace to none. */
    private final List<Namespace> declared = new ArrayList<>();
    /** During {@link #render(Packet)} of a {@link FanoutMessage}: its copy of the shared content, and that text. */
    private Element shared;
    private String sharedXml;

    private StanzaXml() {
    }

    /** The element as XML text, as XMLWriter writes it. */
    public static String render(Element element) {
        return PER_THREAD.get().renderOwn(element);
    }

    /** The stanza's element as XML text; a {@link FanoutMessage}'s shared content is not rendered again. */
    public static String render(Packet packet) {
        if (!(packet instanceof FanoutMessage fanout)) {
            return render(packet.getElement());
        }
        StanzaXml renderer = PER_THREAD.get();
        renderer.shared = fanout.copy();
        renderer.sharedXml = fanout.copyXml();
        try {
            return renderer.renderOwn(fanout.getElement());
        } finally {
            renderer.shared = null;
            renderer.sharedXml = null;
        }
    }

    private String renderOwn(Element element) {
        if (out.capacity() > KEPT_CAPACITY) {
            out = new StringBuilder(1024);
        }
        out.setLength(0);
        declared.clear();
        declared.add(Namespace.NO_NAMESPACE);
        try {
            element(element);
        } catch (Unsupported e) {
            return element.asXML();
        }
        return out.toString();
    }

    private void element(Element element) {
        String name = element.getQualifiedName();
        out.append('<').append(name);
        int mark = declared.size();
        declare(element.getNamespace());
        int size = element.nodeCount();
        for (int i = 0; i < size; i++) {
            if (element.node(i) instanceof Namespace additional) {
                declare(additional);
            }
        }
        attributes(element);
        if (size == 0) {
            out.append("/>");
        } else {
            out.append('>');
            for (int i = 0; i < size; i++) {
                Node child = element.node(i);
                // The shared text was rendered with no namespace in scope: it stands for the copy only where that
                // holds here too (a message without a namespace of its own, as Tinder builds them).
                if (child == shared && declared.size() == 1) {
                    out.append(sharedXml);
                } else {
                    node(child);
                }
            }
            out.append("</").append(name).append('>');
        }
        while (declared.size() > mark) {
            declared.remove(declared.size() - 1);
        }
    }

    private void declare(Namespace ns) {
        if (ns == null || ns == Namespace.XML_NAMESPACE || ns.getURI() == null || inScope(ns)) {
            return;
        }
        declared.add(ns);
        String prefix = ns.getPrefix();
        if (prefix != null && !prefix.isEmpty()) {
            out.append(" xmlns:").append(prefix).append("=\"");
        } else {
            out.append(" xmlns=\"");
        }
        out.append(ns.getURI()).append('"');
    }

    /** Whether the innermost declaration of the namespace's prefix binds the same URI (NamespaceStack.contains). */
    private boolean inScope(Namespace ns) {
        String prefix = ns.getPrefix() == null ? "" : ns.getPrefix();
        for (int i = declared.size() - 1; i >= 0; i--) {
            Namespace bound = declared.get(i);
            if (prefix.equals(bound.getPrefix())) {
                return bound == ns || ns.getURI().equals(bound.getURI());
            }
        }
        return false;
    }

    private void attributes(Element element) {
        for (int i = 0, n = element.attributeCount(); i < n; i++) {
            Attribute attribute = element.attribute(i);
            Namespace ns = attribute.getNamespace();
            String name = attribute.getName();
            if ((ns != null && ns != Namespace.NO_NAMESPACE && ns != Namespace.XML_NAMESPACE)
                    || name.equals("xmlns") || name.startsWith("xmlns:")) {
                throw Unsupported.INSTANCE;
            }
            out.append(' ').append(attribute.getQualifiedName()).append("=\"");
            escape(attribute.getValue(), true);
            out.append('"');
        }
    }

    private void node(Node node) {
        switch (node.getNodeType()) {
            case Node.ELEMENT_NODE -> element((Element) node);
            case Node.TEXT_NODE -> escape(((Text) node).getText(), false);
            case Node.CDATA_SECTION_NODE -> {
                String text = ((CDATA) node).getText();
                out.append("<![CDATA[").append(text == null ? "" : text).append("]]>");
            }
            case Node.NAMESPACE_NODE -> {
                // declared with the start tag
            }
            default -> throw Unsupported.INSTANCE;
        }
    }

    /**
     * XMLWriter's escaping with its default format: {@code < > &} always, {@code "} in attributes, other control
     * characters than tab, line feed and carriage return as character references, everything else as it is.
     */
    private void escape(String text, boolean attribute) {
        if (text == null) {
            return;
        }
        int last = 0;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            String entity;
            if (c > '>') {
                continue;
            } else if (c == '<') {
                entity = "&lt;";
            } else if (c == '>') {
                entity = "&gt;";
            } else if (c == '&') {
                entity = "&amp;";
            } else if (c == '"' && attribute) {
                entity = "&quot;";
            } else if (c < 32 && c != '\t' && c != '\n' && c != '\r') {
                entity = "&#" + (int) c + ";";
            } else {
                continue;
            }
            out.append(text, last, i).append(entity);
            last = i + 1;
        }
        if (last == 0) {
            out.append(text); // one copy, where the ranged append goes char by char
        } else {
            out.append(text, last, length);
        }
    }

    /** Something XMLWriter writes in its own way: the caller falls back to it. */
    private static final class Unsupported extends RuntimeException {
        static final Unsupported INSTANCE = new Unsupported();

        private Unsupported() {
            super(null, null, false, false);
        }
    }
}
