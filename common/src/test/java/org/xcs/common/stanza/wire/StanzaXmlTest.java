package org.xcs.common.stanza.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Random;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.Namespace;
import org.dom4j.QName;
import org.dom4j.io.XMLWriter;
import org.junit.jupiter.api.Test;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;
import org.xmpp.packet.PacketError;
import org.xmpp.packet.Presence;

class StanzaXmlTest {

    private static final List<Namespace> NAMESPACES = List.of(Namespace.NO_NAMESPACE,
            Namespace.get("jabber:client"), Namespace.get("jabber:component:accept"),
            Namespace.get("http://jabber.org/protocol/pubsub#event"), Namespace.get("urn:a"),
            Namespace.get("p", "urn:a"), Namespace.get("p", "urn:b"), Namespace.get("q", "urn:c"));
    private static final String[] TEXTS = {"", "plain", "a<b>c&d", "\"quoted\" 'single'", "tab\there\nline\rcr",
        "ctl\u0001\u001f", "caf\u00e9 \u4e2d\u6587", "emoji \ud83d\ude00", "]]>", "&amp; already", " spaced  "};

    /** What Whack wrote with: one XMLWriter with its default format on the stream's writer. */
    private static String xmlWriter(Element element) throws IOException {
        StringWriter out = new StringWriter();
        XMLWriter writer = new XMLWriter(out);
        writer.write(element);
        writer.flush();
        return out.toString();
    }

    @Test
    void stanzasAsTheComponentsBuildThemAreWrittenAsXmlWriterWritesThem() throws IOException {
        Message notification = new Message();
        notification.setFrom(new JID("pubsub.example.org"));
        notification.setTo(new JID("juliet@example.org/balcony"));
        notification.setID("e4Xk1");
        notification.setType(Message.Type.headline);
        Element items = notification.getElement().addElement("event", "http://jabber.org/protocol/pubsub#event")
                .addElement("items").addAttribute("node", "princely<musings>");
        items.addElement("item").addAttribute("id", "ae890ac52d0df67ed7cfdf51b644e901")
                .addElement("entry", "http://www.w3.org/2005/Atom").addElement("title").setText("Soliloquy & more");
        Presence presence = new Presence();
        presence.setFrom(new JID("room@muc.example.org/thirdwitch"));
        presence.getElement().addElement("x", "http://jabber.org/protocol/muc#user").addElement("item")
                .addAttribute("affiliation", "none").addAttribute("role", "participant");
        presence.getElement().addElement("status").setText("\"here\"");
        IQ error = new IQ(IQ.Type.error, "x1");
        error.setError(new PacketError(PacketError.Condition.item_not_found, PacketError.Type.cancel, "gone"));
        Element inbound = DocumentHelper.createElement(QName.get("message", "jabber:component:accept"));
        inbound.addElement("body").addCDATA("<not markup>");
        inbound.addElement("x", "jabber:x:oob").addAttribute(QName.get("lang", Namespace.XML_NAMESPACE), "en");
        for (Packet packet : List.of(notification, presence, error)) {
            assertSame(packet.getElement());
        }
        assertSame(inbound);
    }

    @Test
    void anElementOutsideItsParentsNamespaceGetsAnEmptyDeclaration() throws IOException {
        Element parent = DocumentHelper.createElement(QName.get("query", "urn:a"));
        parent.add(DocumentHelper.createElement("plain"));
        assertEquals("<query xmlns=\"urn:a\"><plain xmlns=\"\"/></query>", StanzaXml.render(parent));
        assertSame(parent);
    }

    @Test
    void randomTreesAreWrittenAsXmlWriterWritesThem() throws IOException {
        Random random = new Random(42);
        for (int i = 0; i < 3_000; i++) {
            assertSame(tree(random, 0));
        }
    }

    @Test
    void attributesInANamespaceAreLeftToXmlWriter() throws IOException {
        Element e = DocumentHelper.createElement(QName.get("a", "urn:a"));
        e.addAttribute(QName.get("attr", Namespace.get("p", "urn:b")), "v");
        e.addElement("b").addAttribute("plain", "w");
        assertSame(e);
        Element declaring = DocumentHelper.createElement("a");
        declaring.addAttribute("xmlns:x", "urn:x");
        assertSame(declaring);
    }

    @Test
    void commentsAndEntityReferencesAreLeftToXmlWriter() throws IOException {
        Element e = DocumentHelper.createElement("a");
        e.addComment("note");
        e.addEntity("amp", "&");
        e.addElement("b").setText("t");
        assertSame(e);
    }

    @Test
    void aLargeStanzaDoesNotStayPinnedInTheThreadsBuffer() throws IOException {
        Element big = DocumentHelper.createElement("big");
        big.setText("x".repeat(200_000));
        assertSame(big);
        Element small = DocumentHelper.createElement("small");
        assertSame(small);
    }

    @Test
    void aFanoutMessageIsWrittenAsXmlWriterWritesItsElement() throws IOException {
        Element event = DocumentHelper.createElement(QName.get("event", "http://jabber.org/protocol/pubsub#event"));
        event.addElement("items").addAttribute("node", "n&1").addElement("item").addAttribute("id", "i1")
                .addElement("tune", "http://jabber.org/protocol/tune").addElement("title").setText("<Yesterday>");
        SharedContent content = SharedContent.of(event);
        for (String to : List.of("a@example.org", "b@example.org/r", "c@example.org")) {
            FanoutMessage m = new FanoutMessage(content);
            m.setFrom("pubsub.example.org");
            m.setTo(to);
            m.setID("id-" + to);
            m.setType(Message.Type.headline);
            // XEP-0060 §7.1.2.4 headers and a XEP-0203 delay come after the shared event.
            m.getElement().addElement("headers", "http://jabber.org/protocol/shim").addElement("header")
                    .addAttribute("name", "SubID").setText("s1");
            m.getElement().addElement("delay", "urn:xmpp:delay").addAttribute("stamp", "2026-11-26T15:00:00Z");
            assertEquals(xmlWriter(m.getElement()), StanzaXml.render(m));
        }
    }

    @Test
    void theSharedTextIsWrittenInsteadOfRenderingTheCopyAgain() {
        Element body = DocumentHelper.createElement("body");
        body.setText("rendered once");
        SharedContent content = SharedContent.of(body);
        body.setText("changed after"); // not allowed in use: shows which text goes on the wire
        FanoutMessage m = new FanoutMessage(content);
        assertEquals("<message><body>rendered once</body></message>", StanzaXml.render(m));
        assertEquals("<message><body>changed after</body></message>", StanzaXml.render(m.getElement()));
    }

    @Test
    void underADefaultNamespaceTheCopyIsRenderedInItsContext() throws IOException {
        Element body = DocumentHelper.createElement("body");
        body.setText("hi");
        FanoutMessage m = new FanoutMessage(SharedContent.of(body));
        m.getElement().add(Namespace.get("jabber:client"));
        assertEquals(xmlWriter(m.getElement()), StanzaXml.render(m));
        assertEquals("<message xmlns=\"jabber:client\"><body xmlns=\"\">hi</body></message>", StanzaXml.render(m));
    }

    @Test
    void otherStanzasAreRenderedFromTheirElement() throws IOException {
        Message plain = new Message();
        plain.setTo("a@example.org");
        plain.setBody("hello");
        assertEquals(xmlWriter(plain.getElement()), StanzaXml.render(plain));
    }

    private static void assertSame(Element element) throws IOException {
        assertEquals(xmlWriter(element), StanzaXml.render(element), () -> "for " + element.asXML());
    }

    private static Element tree(Random random, int depth) {
        Namespace ns = NAMESPACES.get(random.nextInt(NAMESPACES.size()));
        String name = "e" + random.nextInt(4);
        Element e = DocumentHelper.createElement(QName.get(name, ns));
        fill(e, random, depth);
        return e;
    }

    private static void fill(Element e, Random random, int depth) {
        if (random.nextInt(5) == 0) {
            Namespace extra = NAMESPACES.get(random.nextInt(NAMESPACES.size()));
            if (!extra.getPrefix().isEmpty()) {
                e.add(extra);
            }
        }
        for (int a = random.nextInt(4); a > 0; a--) {
            String value = TEXTS[random.nextInt(TEXTS.length)];
            if (random.nextInt(8) == 0) {
                e.addAttribute(QName.get("lang", Namespace.XML_NAMESPACE), value);
            } else {
                e.addAttribute("a" + random.nextInt(6), value);
            }
        }
        int children = depth > 4 ? 0 : random.nextInt(5);
        for (int c = 0; c < children; c++) {
            switch (random.nextInt(5)) {
                case 0 -> e.add(tree(random, depth + 1));
                case 1 -> fill(e.addElement("c" + random.nextInt(3)), random, depth + 1);
                case 2 -> e.addText(TEXTS[random.nextInt(TEXTS.length)]);
                case 3 -> e.addCDATA(TEXTS[random.nextInt(TEXTS.length)].replace("]]>", ""));
                default -> {
                    Namespace ns = NAMESPACES.get(random.nextInt(NAMESPACES.size()));
                    fill(e.addElement(QName.get("n" + random.nextInt(3), ns)), random, depth + 1);
                }
            }
        }
    }
}
