package org.xcs.pubsub.privilege;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.QName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xcs.common.component.PacketSender;
import org.xcs.common.stanza.forward.Forwarded;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;

/**
 * Sends messages on a host user's behalf (XEP-0356 §4.3): a Message {@code from} a user's bare JID leaves as
 * {@code <message to=HOST><privilege><forwarded><message xmlns="jabber:client" from=user to=...>}, in the privilege
 * version the host announced. Without the message permission it is dropped and counted (logged once: the host
 * would refuse it). Anything else (the component's own stanzas) passes unchanged.
 */
public final class PrivilegedSender implements PacketSender {
    private static final Logger log = LoggerFactory.getLogger(PrivilegedSender.class);

    private final HostGrants grants;
    private final JID componentDomain;
    private final ReplyFirst out;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicBoolean warned = new AtomicBoolean();

    PrivilegedSender(HostGrants grants, JID componentDomain, ReplyFirst out) {
        this.grants = grants;
        this.componentDomain = componentDomain;
        this.out = out;
    }

    @Override
    public void send(Packet packet) {
        if (!(packet instanceof Message message) || !onUsersBehalf(message.getFrom())) {
            out.sendOrCapture(packet);
            return;
        }
        JID from = message.getFrom();
        if (from.getResource() != null) {
            // XEP-0356 §4.1: the forwarded 'from' MUST be a bare JID; the host answers forbidden otherwise.
            drop("its sender " + from + " is a full JID", message);
            return;
        }
        Grants g = grants.grants();
        if (!g.canSendMessages()) {
            drop("the host gave no message permission", message);
            return;
        }
        Message envelope = new Message();
        envelope.setTo(grants.hostDomain());
        envelope.setFrom(componentDomain);
        Element privilege = DocumentHelper.createElement(
                QName.get("privilege", PrivilegeNs.privilege(g.privilegeVersion())));
        privilege.add(new Forwarded(message).toElement());
        envelope.getElement().add(privilege);
        out.sendOrCapture(envelope);
    }

    /** Messages that could not be sent on a user's behalf since start. */
    public long dropped() {
        return dropped.get();
    }

    private boolean onUsersBehalf(JID from) {
        return from != null && from.getNode() != null && grants.hostDomain().equals(from.getDomain());
    }

    private void drop(String why, Message message) {
        long n = dropped.incrementAndGet();
        if (warned.compareAndSet(false, true)) {
            log.warn("Dropped a message on {}'s behalf to {}: {} (further drops are counted, at debug)",
                    message.getFrom(), message.getTo(), why);
        } else {
            log.debug("Dropped message #{} from {} to {}: {}", n, message.getFrom(), message.getTo(), why);
        }
    }
}
