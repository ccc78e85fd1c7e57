package org.xcs.common.component;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Packet;

/** The runtime's own XEP-0199 pings to the host, and recognition of their replies so the core never sees them. */
final class HostPing {

    static final String NAMESPACE = "urn:xmpp:ping";

    private final JID from;
    private final JID to;
    private final String idPrefix = "xcs-ping-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    private final AtomicLong sequence = new AtomicLong();

    HostPing(JID from, JID to) {
        this.from = from;
        this.to = to;
    }

    JID target() {
        return to;
    }

    String nextId() {
        return idPrefix + sequence.incrementAndGet();
    }

    /** XEP-0199 §4.2: {@code <iq type='get'><ping xmlns='urn:xmpp:ping'/></iq>} from the component to the host. */
    IQ request(String id) {
        IQ iq = new IQ(IQ.Type.get, id);
        iq.setFrom(from);
        iq.setTo(to);
        iq.setChildElement("ping", NAMESPACE);
        return iq;
    }

    /**
     * A result or an error both prove the host is there (XEP-0199 §4.2: a host without ping support answers
     * service-unavailable), so both count as replies.
     */
    boolean isReply(Packet packet) {
        if (!(packet instanceof IQ iq)) {
            return false;
        }
        String id = iq.getID();
        return (iq.getType() == IQ.Type.result || iq.getType() == IQ.Type.error)
                && id != null && id.startsWith(idPrefix);
    }
}
