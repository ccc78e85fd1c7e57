package org.xcs.pubsub.protocol;

import java.io.IOException;
import java.io.StringReader;

import org.dom4j.DocumentFactory;
import org.dom4j.Element;
import org.xmlpull.mxp1.MXParser;
import org.xmlpull.v1.XmlPullParser;
import org.xmlpull.v1.XmlPullParserException;

/**
 * Parses a stored item payload (the text {@code EntityHandler} wrote with dom4j from a parsed element) back into a
 * detached element, for item retrievals (XEP-0060 §6.5) and late notifications.
 *
 * <p>Why a pull parser: an RSM page of 50 parses 50 payloads, and the JAXP SAX parser costs 40-50 us per document
 * even when reused (Xerces resets its whole configuration, and dom4j's SAXReader sets properties that Xerces refuses
 * with a formatted exception, every time), which was 60% of the component's time for such a page. XPP3's MXParser,
 * the parser Whack reads the stream with (so the same one that built the element the text came from), resets in a
 * few fields: 1-3 us for a small payload. It never reads a DTD or resolves entities beyond XML's five and character
 * references, so stored text cannot make it fetch anything.
 */
final class StoredPayloads {
    /** Payloads longer than this parse on a fresh parser: a kept one would hold its grown buffer per thread. */
    private static final int KEEP_PARSER_UP_TO = 64 * 1024;
    private static final DocumentFactory FACTORY = DocumentFactory.getInstance();
    private static final ThreadLocal<XmlPullParser> PARSER = ThreadLocal.withInitial(StoredPayloads::newParser);

    private StoredPayloads() {
    }

    static Element parse(String xml) {
        XmlPullParser parser = xml.length() <= KEEP_PARSER_UP_TO ? PARSER.get() : newParser();
        try {
            parser.setInput(new StringReader(xml));
            return build(parser);
        } catch (XmlPullParserException | IOException | RuntimeException e) {
            // Stored by us from a parsed element, so this means damaged data: fail the request, not the service.
            throw new IllegalStateException("stored payload is not XML", e);
        }
    }

    private static Element build(XmlPullParser p) throws XmlPullParserException, IOException {
        Element root = null;
        Element current = null;
        for (int event = p.next(); event != XmlPullParser.END_DOCUMENT; event = p.next()) {
            if (event == XmlPullParser.START_TAG) {
                Element e = FACTORY.createElement(FACTORY.createQName(p.getName(), prefix(p.getPrefix()),
                        p.getNamespace()));
                int depth = p.getDepth();
                for (int i = p.getNamespaceCount(depth - 1); i < p.getNamespaceCount(depth); i++) {
                    // The default namespace travels in the element names; prefixed declarations are kept even when
                    // no name uses them, as attribute values or text may (QName-valued content).
                    if (p.getNamespacePrefix(i) != null) {
                        e.addNamespace(p.getNamespacePrefix(i), p.getNamespaceUri(i));
                    }
                }
                for (int i = 0; i < p.getAttributeCount(); i++) {
                    String prefix = p.getAttributePrefix(i);
                    e.addAttribute(prefix == null ? FACTORY.createQName(p.getAttributeName(i))
                                    : FACTORY.createQName(p.getAttributeName(i), prefix, p.getAttributeNamespace(i)),
                            p.getAttributeValue(i));
                }
                if (current == null) {
                    root = e;
                } else {
                    current.add(e);
                }
                current = e;
            } else if (event == XmlPullParser.END_TAG) {
                current = current.getParent();
            } else if (event == XmlPullParser.TEXT && current != null) {
                current.addText(p.getText());
            }
        }
        if (root == null) {
            throw new XmlPullParserException("no element", p, null);
        }
        return root;
    }

    private static String prefix(String prefix) {
        return prefix == null ? "" : prefix;
    }

    private static XmlPullParser newParser() {
        MXParser parser = new MXParser();
        try {
            parser.setFeature(XmlPullParser.FEATURE_PROCESS_NAMESPACES, true);
        } catch (XmlPullParserException e) {
            throw new IllegalStateException("MXParser without namespace support", e);
        }
        return parser;
    }
}
