package org.xcs.pubsub.service;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.Namespace;
import org.dom4j.QName;
import org.xcs.common.error.XmppException;
import org.xmpp.packet.PacketError;

/** Turns a core failure into the suite's error type, which the router renders as the error stanza. */
public final class PubSubErrorMapping {

    private PubSubErrorMapping() {
    }

    public static XmppException toXmppException(PubSubException e) {
        PubSubError error = e.error();
        Element app = null;
        if (error.applicationCondition() != null) {
            app = DocumentHelper.createElement(
                    QName.get(error.applicationCondition(), Namespace.get(PubSubError.NAMESPACE)));
            if (error.feature() != null) {
                app.addAttribute("feature", error.feature());
            }
        }
        return new XmppException(PacketError.Condition.fromXMPP(error.condition()),
                PacketError.Type.fromXMPP(error.type()), e.text(), app);
    }
}
