package org.xcs.common.testing;

import java.io.StringReader;

import org.dom4j.Attribute;
import org.dom4j.Document;
import org.dom4j.DocumentException;
import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.Node;
import org.dom4j.QName;
import org.dom4j.io.SAXReader;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;
import org.xmpp.packet.Presence;

/** Stanzas for tests, shaped like those the transport hands over: qualified by {@code jabber:component:accept}. */
public final class TestStanzas {
    public static final String COMPONENT_NS = "jabber:component:accept";

    private TestStanzas() {
    }

    // DocumentHelper.parseText looks the SAX parser up anew on every call (milliseconds each on a long classpath).
    private static final ThreadLocal<SAXReader> READER = ThreadLocal.withInitial(SAXReader::new);

    public static Element element(String xml) {
        try {
            Document document = READER.get().read(new StringReader(xml));
            return document.getRootElement();
        } catch (DocumentException e) {
            throw new IllegalArgumentException("not well-formed XML: " + xml, e);
        }
    }

    /** Parses an {@code <iq/>}, {@code <message/>} or {@code <presence/>}; unqualified elements get the stream's namespace. */
    public static Packet parse(String xml) {
        return fromElement(element(xml));
    }

    public static IQ iq(String xml) {
        return (IQ) parse(xml);
    }

    public static Message message(String xml) {
        return (Message) parse(xml);
    }

    public static Presence presence(String xml) {
        return (Presence) parse(xml);
    }

    /** A packet over a copy of {@code stanza}, elements without namespace moved into {@code jabber:component:accept}. */
    public static Packet fromElement(Element stanza) {
        Element qualified = qualify(stanza);
        DocumentHelper.createDocument(qualified);
        return switch (qualified.getName()) {
            case "iq" -> new IQ(qualified);
            case "message" -> new Message(qualified);
            case "presence" -> new Presence(qualified);
            default -> throw new IllegalArgumentException("not a stanza: " + stanza.asXML());
        };
    }

    private static Element qualify(Element source) {
        String ns = source.getNamespaceURI();
        if (ns != null && !ns.isEmpty()) {
            return source.createCopy();
        }
        Element copy = DocumentHelper.createElement(QName.get(source.getName(), COMPONENT_NS));
        for (Attribute a : source.attributes()) {
            copy.addAttribute(a.getQName(), a.getValue());
        }
        for (Node n : source.content()) {
            if (n instanceof Element child) {
                copy.add(qualify(child));
            } else if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                copy.addText(n.getText());
            }
        }
        return copy;
    }
}
