package org.xcs.common.multicast;

import java.util.List;
import org.dom4j.Attribute;
import org.dom4j.Element;
import org.dom4j.Node;

/**
 * Whether two stanzas are the same but for their root's {@code to}: then one multicast stanza can stand for both.
 * Compares what the host would deliver (names, namespaces, attributes, text, children, in order); cheaper than
 * rendering both, and copies made with {@code createCopy} compare equal.
 */
final class SameStanza {

    private SameStanza() {
    }

    static boolean exceptTo(Element a, Element b) {
        if (a == b) {
            return true;
        }
        return sameName(a, b) && sameAttributes(a, b, "to") && sameContent(a, b);
    }

    private static boolean same(Element a, Element b) {
        return sameName(a, b) && sameAttributes(a, b, null) && sameContent(a, b);
    }

    private static boolean sameName(Element a, Element b) {
        return a.getName().equals(b.getName()) && a.getNamespaceURI().equals(b.getNamespaceURI());
    }

    /** Same attributes, order aside (XML gives attribute order no meaning), ignoring {@code skip} if set. */
    private static boolean sameAttributes(Element a, Element b, String skip) {
        int counted = 0;
        for (int i = 0, n = a.attributeCount(); i < n; i++) {
            Attribute attribute = a.attribute(i);
            if (skip != null && attribute.getNamespaceURI().isEmpty() && skip.equals(attribute.getName())) {
                continue;
            }
            Attribute other = b.attribute(attribute.getQName());
            if (other == null || !attribute.getValue().equals(other.getValue())) {
                return false;
            }
            counted++;
        }
        int expected = b.attributeCount();
        if (skip != null && b.attribute(skip) != null) {
            expected--;
        }
        return counted == expected;
    }

    private static boolean sameContent(Element a, Element b) {
        List<Node> left = a.content();
        List<Node> right = b.content();
        if (left.size() != right.size()) {
            return false;
        }
        for (int i = 0; i < left.size(); i++) {
            Node x = left.get(i);
            Node y = right.get(i);
            if (x.getNodeType() != y.getNodeType()) {
                return false;
            }
            if (x instanceof Element ex) {
                if (!same(ex, (Element) y)) {
                    return false;
                }
            } else if (!java.util.Objects.equals(x.getText(), y.getText())) {
                return false;
            }
        }
        return true;
    }
}
