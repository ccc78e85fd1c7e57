package org.xcs.common.stanza.wire;

import org.dom4j.Element;
import org.xmpp.packet.Message;

/**
 * A message whose first child is a copy of {@link SharedContent}: {@link StanzaXml#render(org.xmpp.packet.Packet)}
 * writes the content's text, rendered once for the whole fan-out, where the copy is, instead of rendering the copy
 * again for every recipient. Rendering was about half of the PubSub component's Java samples per notification (JFR,
 * component-only bench, transient items). In every other way this is an ordinary message: the copy is a real child
 * for whoever reads the element. Its attributes and the children added after the copy are rendered as usual; the
 * copy itself must not be changed.
 */
public final class FanoutMessage extends Message {

    private final Element copy;
    private final String copyXml;

    public FanoutMessage(SharedContent content) {
        copy = content.element().createCopy();
        copyXml = content.xml();
        getElement().add(copy);
    }

    Element copy() {
        return copy;
    }

    String copyXml() {
        return copyXml;
    }
}
