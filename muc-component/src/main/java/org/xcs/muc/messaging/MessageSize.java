package org.xcs.muc.messaging;

import org.dom4j.Element;
import org.xcs.common.error.XmppException;
import org.xmpp.packet.Message;
import org.xmpp.packet.PacketError;

/**
 * The service's size policy for what occupants send (XEP-0045 §7.4: "policies regarding message content or size"):
 * the text of all bodies and subjects together may not exceed the configured maximum.
 */
final class MessageSize {
    private MessageSize() {
    }

    static void check(Message message, int maxChars) {
        long chars = 0;
        for (Element child : message.getElement().elements()) {
            if ("body".equals(child.getName()) || "subject".equals(child.getName())) {
                chars += child.getText().length();
            }
        }
        if (chars > maxChars) {
            // XEP-0045 §7.4: a message violating a room or service policy is refused, not reflected.
            throw new XmppException(PacketError.Condition.not_acceptable, PacketError.Type.modify,
                    "message text is longer than " + maxChars + " characters", null);
        }
    }
}
