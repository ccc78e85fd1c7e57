package org.xcs.common.component;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xcs.common.stanza.wire.StanzaXml;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Packet;
import org.xmpp.packet.PacketError;

/**
 * Keeps IQ results within the size a host accepts in one stanza. Prosody closes a component's stream on a stanza
 * above component_stanza_size_limit (512 KiB by default), so a single oversized reply (a long affiliation list, a
 * page of large items) would cut the whole component off and lose every stanza in flight. Such a result is replaced
 * by an error reply: the request still gets exactly one answer, and the link stays up.
 *
 * <p>Only results are measured: they are built from stored state of unbounded size, while messages and presences
 * are bounded by what clients may send (Prosody's c2s limit is 256 KiB) and measuring them would serialise every
 * fan-out stanza twice.
 */
final class StanzaSizeGuard implements PacketSender {

    private static final Logger log = LoggerFactory.getLogger(StanzaSizeGuard.class);

    private final PacketSender next;
    private final int maxBytes;
    private final String domain;
    private final AtomicLong refused = new AtomicLong();

    StanzaSizeGuard(PacketSender next, int maxBytes, String domain) {
        this.next = next;
        this.maxBytes = maxBytes;
        this.domain = domain;
    }

    @Override
    public void send(Packet packet) {
        if (packet instanceof IQ iq && iq.getType() == IQ.Type.result) {
            String xml = StanzaXml.render(iq.getElement());
            // UTF-8 takes at most 3 bytes per UTF-16 char: only near the limit are the bytes counted.
            if ((long) xml.length() * 3 > maxBytes) {
                int bytes = xml.getBytes(StandardCharsets.UTF_8).length;
                if (bytes > maxBytes) {
                    refused.incrementAndGet();
                    log.warn("{}: a result of {} bytes to {} exceeds --max-stanza-size {}: answered with an error"
                            + " instead (the host would close our stream)", domain, bytes, iq.getTo(), maxBytes);
                    next.send(tooLarge(iq, bytes));
                    return;
                }
            }
        }
        next.send(packet);
    }

    /** Batches without results pass as one; a batch with a result is sent one by one, each result measured. */
    @Override
    public void sendAll(List<? extends Packet> packets) {
        for (Packet packet : packets) {
            if (packet instanceof IQ iq && iq.getType() == IQ.Type.result) {
                packets.forEach(this::send);
                return;
            }
        }
        next.sendAll(packets);
    }

    long refused() {
        return refused.get();
    }

    // RFC 6120 §8.3.3.18: the service lacks the resources to answer; "modify": asking for less (XEP-0059) works.
    private IQ tooLarge(IQ result, int bytes) {
        IQ error = new IQ(IQ.Type.error, result.getID());
        error.setTo(result.getTo());
        error.setFrom(result.getFrom());
        error.setError(new PacketError(PacketError.Condition.resource_constraint, PacketError.Type.modify,
                "The answer (" + bytes + " bytes) exceeds the " + maxBytes
                        + " bytes one stanza may carry; ask for fewer items (XEP-0059 result set management)"));
        return error;
    }
}
