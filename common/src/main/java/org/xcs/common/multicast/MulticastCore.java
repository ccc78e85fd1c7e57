package org.xcs.common.multicast;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xcs.common.component.ComponentCore;
import org.xcs.common.component.PacketSender;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;
import org.xmpp.packet.Presence;

/**
 * A component core whose outbound stanzas go through {@link MulticastSender}: it searches the host for a multicast
 * service on every connect, keeps the search's replies from the core, and goes back to one stanza per recipient
 * for the rest of the connection when the service refuses a stanza.
 */
public final class MulticastCore implements ComponentCore {

    private static final Logger log = LoggerFactory.getLogger(MulticastCore.class);

    private final ComponentCore core;
    private final MulticastSender multicast;
    private final MulticastDiscovery discovery;
    private final JID self;
    private final AtomicLong refused = new AtomicLong();

    /**
     * @param core the component's own core, built to send through {@code multicast}
     * @param self the component's domain
     * @param hostDomain the domain whose users the host serves, searched for a service
     */
    public MulticastCore(ComponentCore core, MulticastSender multicast, JID self, JID hostDomain) {
        this(core, multicast, self, hostDomain, System::nanoTime);
    }

    MulticastCore(ComponentCore core, MulticastSender multicast, JID self, JID hostDomain, LongSupplier nanoTime) {
        this.core = core;
        this.multicast = multicast;
        this.self = self;
        this.discovery = new MulticastDiscovery(self, hostDomain, multicast, nanoTime);
    }

    @Override
    public void onConnected(PacketSender sender) {
        discovery.start(sender);
        core.onConnected(multicast);
    }

    @Override
    public void handle(Packet packet) {
        discovery.retryIfDue();
        if (discovery.handle(packet)) {
            return;
        }
        if (isRefusal(packet)) {
            refused(packet);
            return;
        }
        core.handle(packet);
    }

    @Override
    public void drain(Duration timeout) {
        core.drain(timeout);
    }

    /** Stanzas the service sent back with an error since start (each sent again one per recipient if still known). */
    public long refused() {
        return refused.get();
    }

    // XEP-0033 §8: the service answers what it cannot deliver with an error from itself.
    private boolean isRefusal(Packet packet) {
        MulticastTarget target = multicast.target();
        if (target == null || packet.getFrom() == null || !target.service().equals(packet.getFrom())) {
            return false;
        }
        return packet instanceof Message m && m.getType() == Message.Type.error
                || packet instanceof Presence p && p.getType() == Presence.Type.error;
    }

    private void refused(Packet packet) {
        MulticastTarget target = multicast.target();
        multicast.use(null);
        refused.incrementAndGet();
        int resent = multicast.resendRefused(packet);
        String outcome = resent >= 0 ? "sent it again to its " + resent + " recipients one by one"
                : "it was sent too long ago to be sent again: its recipients did not get it";
        log.error("{}: the host's multicast service {} refused a stanza from {} ({}); {}. Sending one stanza per"
                + " recipient until the next connect; check the service's access and limits, or run with"
                + " --multicast=off", self, target.service(), packet.getTo(),
                packet.getError() == null ? "no condition" : packet.getError().getCondition(), outcome);
    }
}
