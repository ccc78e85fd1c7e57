package org.xcs.pubsub.protocol;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.xcs.common.component.PacketSender;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Packet;

/**
 * The component's sender, which holds a request's notifications until its IQ reply has gone out: XEP-0060 §7.1.2
 * ("the service MUST inform the publisher of success" and then notifies) and clients such as Smack expect the result
 * first. The router sends the reply on the node's queue right after the handler returns, so what is held leaves on
 * that same queue, in order, before the node's next request is handled.
 */
final class AfterReply implements PacketSender {
    private record ReplyKey(String to, String id) {
    }

    private final PacketSender out;
    private final Map<ReplyKey, List<? extends Packet>> held = new ConcurrentHashMap<>();

    AfterReply(PacketSender out) {
        this.out = Objects.requireNonNull(out);
    }

    /** Sends {@code packets} right after the reply (result or error) to {@code request}. */
    void afterReplyTo(IQ request, List<? extends Packet> packets) {
        if (!packets.isEmpty()) {
            held.put(new ReplyKey(String.valueOf(request.getFrom()), request.getID()), packets);
        }
    }

    @Override
    public void send(Packet packet) {
        out.send(packet);
        if (packet instanceof IQ iq && (iq.getType() == IQ.Type.result || iq.getType() == IQ.Type.error)) {
            List<? extends Packet> after = held.remove(new ReplyKey(String.valueOf(iq.getTo()), iq.getID()));
            if (after != null) {
                after.forEach(out::send);
            }
        }
    }
}
