package org.xcs.pubsub.protocol;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.dom4j.Element;
import org.xcs.common.component.PacketSender;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Packet;

/**
 * The component's sender, which holds a request's notifications until its IQ reply has gone out: XEP-0060 §7.1.2
 * ("the service MUST inform the publisher of success" and then notifies) and clients such as Smack expect the result
 * first. The router sends the reply on the node's queue right after the handler returns, so what is held leaves on
 * that same queue, in order, before the node's next request is handled. A delegated request (XEP-0355 §5, PEP) is
 * answered inside the delegation reply: its held work is released when that wrapper leaves.
 */
final class AfterReply implements PacketSender, ReplyOrder {
    private record ReplyKey(String to, String id) {
    }

    private final PacketSender out;
    private final Map<ReplyKey, Runnable> held = new ConcurrentHashMap<>();

    AfterReply(PacketSender out) {
        this.out = Objects.requireNonNull(out);
    }

    /** Sends {@code packets} right after the reply (result or error) to {@code request}. */
    void afterReplyTo(IQ request, List<? extends Packet> packets) {
        if (!packets.isEmpty()) {
            // One batch: a publish's notifications leave in a few writes, not one per subscriber.
            afterReplyTo(request, () -> out.sendAll(packets));
        }
    }

    @Override
    public void afterReplyTo(IQ request, Runnable work) {
        held.merge(new ReplyKey(String.valueOf(request.getFrom()), request.getID()), work, (a, b) -> () -> {
            a.run();
            b.run();
        });
    }

    @Override
    public void send(Packet packet) {
        out.send(packet);
        if (isReply(packet)) {
            IQ iq = (IQ) packet;
            release(String.valueOf(iq.getTo()), iq.getID());
            Element inner = forwardedIq(iq);
            if (inner != null) {
                release(inner.attributeValue("to"), inner.attributeValue("id"));
            }
        }
    }

    /** A batch of notifications passes as one; a batch holding a reply is sent one by one, releasing what it holds. */
    @Override
    public void sendAll(List<? extends Packet> packets) {
        for (Packet packet : packets) {
            if (isReply(packet)) {
                packets.forEach(this::send);
                return;
            }
        }
        out.sendAll(packets);
    }

    private static boolean isReply(Packet packet) {
        return packet instanceof IQ iq && iq.isResponse();
    }

    private void release(String to, String id) {
        if (held.isEmpty()) {
            return;
        }
        Runnable after = held.remove(new ReplyKey(String.valueOf(to), id));
        if (after != null) {
            after.run();
        }
    }

    // XEP-0355 §5: <iq><delegation><forwarded xmlns='urn:xmpp:forward:0'><iq .../></forwarded></delegation></iq>.
    private static Element forwardedIq(IQ iq) {
        Element child = iq.getChildElement();
        Element forwarded = child == null ? null : child.element("forwarded");
        return forwarded == null ? null : forwarded.element("iq");
    }
}
