package org.xcs.common.stanza.wire;

import org.dom4j.Element;

/**
 * Content that many stanzas of one fan-out carry (a PubSub event for each subscriber), with its text rendered once
 * for all of them. Build it with {@link #of}, so the text is what {@link StanzaXml} writes for the element.
 */
public final class SharedContent {

    private final Element element;
    private final String xml;

    private SharedContent(Element element, String xml) {
        this.element = element;
        this.xml = xml;
    }

    /** {@code element} (no longer to be changed) and its text, rendered now. */
    public static SharedContent of(Element element) {
        return new SharedContent(element, StanzaXml.render(element));
    }

    Element element() {
        return element;
    }

    String xml() {
        return xml;
    }
}
