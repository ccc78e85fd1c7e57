package org.xcs.common.testing;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.dom4j.Attribute;
import org.dom4j.Element;
import org.dom4j.io.OutputFormat;
import org.dom4j.io.XMLWriter;
import org.junit.jupiter.api.Assertions;
import org.xmpp.packet.Packet;

/**
 * Loose XML comparison for stanzas. Equal modulo attribute order, namespace prefixes, whitespace around text and
 * whitespace-only text; a stanza's own namespace ({@code jabber:component:accept}, {@code jabber:client} or none)
 * counts as the same on both sides, as do its children inheriting it (but a {@code jabber:client} stanza nested
 * in a payload must say so). In the expected XML, an attribute value or text that is exactly:
 * <ul>
 *   <li>{@code {any}} matches any value (generated ids, timestamps; the attribute must be present);</li>
 *   <li>{@code {id}} matches the binding "id" (the transcript runner binds it to the last sent stanza's id);</li>
 *   <li>{@code {$name}} binds "name" to the actual value on first use and must match it afterwards.</li>
 * </ul>
 * Child order is significant, except below an element carrying {@code t:order="any"} with
 * {@code xmlns:t="urn:xcs:test:xml"} (attributes in that namespace are directives, not compared).
 */
public final class XmlAssert {
    public static final String DIRECTIVES_NS = "urn:xcs:test:xml";
    private static final Set<String> STANZA_NAMESPACES = Set.of("", "jabber:client", "jabber:server",
            "jabber:component:accept");

    private XmlAssert() {
    }

    public static void assertXmlMatches(String expectedXml, Packet actual) {
        assertXmlMatches(expectedXml, actual.getElement(), new HashMap<>());
    }

    public static void assertXmlMatches(String expectedXml, Element actual) {
        assertXmlMatches(expectedXml, actual, new HashMap<>());
    }

    public static void assertXmlMatches(String expectedXml, Packet actual, Map<String, String> bindings) {
        assertXmlMatches(expectedXml, actual.getElement(), bindings);
    }

    public static void assertXmlMatches(String expectedXml, Element actual, Map<String, String> bindings) {
        Element expected = TestStanzas.element(expectedXml);
        mismatch(expected, actual, bindings).ifPresent(Assertions::fail);
    }

    /**
     * Empty when {@code actual} matches, else a message naming the first difference followed by both XMLs pretty
     * printed. New {@code {$name}} bindings are added to {@code bindings} only on a match.
     */
    public static Optional<String> mismatch(Element expected, Element actual, Map<String, String> bindings) {
        Map<String, String> trial = new HashMap<>(bindings);
        String difference = new Comparison(expected, actual).compare(expected, actual, "", trial);
        if (difference == null) {
            bindings.putAll(trial);
            return Optional.empty();
        }
        return Optional.of("XML differs at " + difference + "\nExpected:\n" + pretty(expected) + "\nActual:\n"
                + pretty(actual));
    }

    public static String pretty(Element element) {
        OutputFormat format = OutputFormat.createPrettyPrint();
        format.setSuppressDeclaration(true);
        format.setIndentSize(2);
        format.setExpandEmptyElements(false);
        StringWriter out = new StringWriter();
        try {
            XMLWriter writer = new XMLWriter(out, format);
            writer.write(element);
            writer.flush();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString().strip();
    }

    private static final class Comparison {
        private final String expectedRootNs;
        private final String actualRootNs;

        Comparison(Element expectedRoot, Element actualRoot) {
            this.expectedRootNs = expectedRoot.getNamespaceURI();
            this.actualRootNs = actualRoot.getNamespaceURI();
        }

        /** Returns null on a match, else "path: what differs". */
        String compare(Element expected, Element actual, String parentPath, Map<String, String> bindings) {
            String path = parentPath + "/" + expected.getName();
            String eNs = namespace(expected.getNamespaceURI(), expectedRootNs);
            String aNs = namespace(actual.getNamespaceURI(), actualRootNs);
            if (!expected.getName().equals(actual.getName()) || !eNs.equals(aNs)) {
                return path + ": expected element {" + eNs + "}" + expected.getName() + " but was {" + aNs + "}"
                        + actual.getName();
            }
            String attributes = compareAttributes(expected, actual, path, bindings);
            if (attributes != null) {
                return attributes;
            }
            String eText = expected.getText().strip();
            String aText = actual.getText().strip();
            if (!valueMatches(eText, aText, bindings)) {
                return path + "/text(): expected \"" + eText + "\" but was \"" + aText + "\"";
            }
            return compareChildren(expected, actual, path, bindings);
        }

        private String namespace(String ns, String rootNs) {
            String uri = ns == null ? "" : ns;
            // The stanza's own namespace differs by stream (client, server, component) but means the same.
            if (STANZA_NAMESPACES.contains(rootNs) && uri.equals(rootNs)) {
                return "";
            }
            return uri;
        }

        private String compareAttributes(Element expected, Element actual, String path,
                                         Map<String, String> bindings) {
            List<Attribute> wanted = new ArrayList<>();
            for (Attribute a : expected.attributes()) {
                if (!DIRECTIVES_NS.equals(a.getNamespaceURI())) {
                    wanted.add(a);
                }
            }
            for (Attribute e : wanted) {
                Attribute a = actual.attribute(e.getQName());
                if (a == null) {
                    return path + "/@" + e.getQualifiedName() + ": missing (expected \"" + e.getValue() + "\")";
                }
                if (!valueMatches(e.getValue(), a.getValue(), bindings)) {
                    return path + "/@" + e.getQualifiedName() + ": expected \"" + e.getValue() + "\" but was \""
                            + a.getValue() + "\"";
                }
            }
            for (Attribute a : actual.attributes()) {
                if (expected.attribute(a.getQName()) == null) {
                    return path + "/@" + a.getQualifiedName() + ": unexpected attribute (\"" + a.getValue() + "\")";
                }
            }
            return null;
        }

        private String compareChildren(Element expected, Element actual, String path,
                                       Map<String, String> bindings) {
            List<Element> eKids = expected.elements();
            List<Element> aKids = actual.elements();
            if (eKids.size() != aKids.size()) {
                return path + ": expected " + eKids.size() + " child elements " + names(eKids) + " but found "
                        + aKids.size() + " " + names(aKids);
            }
            boolean anyOrder = "any".equals(expected.attributeValue(org.dom4j.QName.get("order", DIRECTIVES_NS)));
            if (!anyOrder) {
                for (int i = 0; i < eKids.size(); i++) {
                    String d = compare(eKids.get(i), aKids.get(i), path, bindings);
                    if (d != null) {
                        return d;
                    }
                }
                return null;
            }
            List<Element> unused = new ArrayList<>(aKids);
            for (Element e : eKids) {
                String firstDifference = null;
                Element match = null;
                for (Element a : unused) {
                    Map<String, String> trial = new HashMap<>(bindings);
                    String d = compare(e, a, path, trial);
                    if (d == null) {
                        bindings.putAll(trial);
                        match = a;
                        break;
                    }
                    if (firstDifference == null) {
                        firstDifference = d;
                    }
                }
                if (match == null) {
                    return path + ": no actual child matches expected " + e.asXML()
                            + (firstDifference == null ? "" : " (first try: " + firstDifference + ")");
                }
                unused.remove(match);
            }
            return null;
        }

        private static boolean valueMatches(String expected, String actual, Map<String, String> bindings) {
            if ("{any}".equals(expected)) {
                return true;
            }
            if ("{id}".equals(expected)) {
                return bindings.containsKey("id") && bindings.get("id").equals(actual);
            }
            if (expected.startsWith("{$") && expected.endsWith("}")) {
                String name = expected.substring(2, expected.length() - 1);
                String bound = bindings.get(name);
                if (bound == null) {
                    bindings.put(name, actual);
                    return true;
                }
                return bound.equals(actual);
            }
            return expected.equals(actual);
        }

        private static List<String> names(List<Element> elements) {
            return elements.stream().map(Element::getName).toList();
        }
    }
}
