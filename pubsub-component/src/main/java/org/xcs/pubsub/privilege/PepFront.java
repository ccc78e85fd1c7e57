package org.xcs.pubsub.privilege;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xcs.common.component.ComponentCore;
import org.xcs.common.component.PacketSender;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;
import org.xmpp.packet.Presence;

/**
 * In front of the service's router: takes the host's announcements (they need no queue and no answer) and tracks
 * every presence before the generic service sees it too (its subscribers' last items on presence, XEP-0060 §6.1.7).
 * On each (re)connect all grants, presences and rosters are forgotten: the host announces and forwards them anew
 * (XEP-0356 §8 rule 1), and pushes may have been missed meanwhile.
 */
final class PepFront implements ComponentCore {
    /** Stanzas in and out at TRACE (`--log-level trace`): what the host really sends is the first thing to check. */
    static final Logger WIRE = LoggerFactory.getLogger("org.xcs.pubsub.privilege.wire");

    private final ComponentCore core;
    private final HostGrants grants;
    private final HostPresences presences;
    private final HostRosters rosters;

    PepFront(ComponentCore core, HostGrants grants, HostPresences presences, HostRosters rosters) {
        this.core = core;
        this.grants = grants;
        this.presences = presences;
        this.rosters = rosters;
    }

    @Override
    public void handle(Packet packet) {
        if (WIRE.isTraceEnabled()) {
            WIRE.trace("IN  {}", packet.toXML());
        }
        if (packet instanceof Message message && grants.accept(message)) {
            return;
        }
        if (packet instanceof Presence presence && grants.grants().presence() != Grants.PresencePerm.NONE) {
            // Without the presence permission nothing is forwarded: directed presences stay the generic service's.
            presences.accept(presence);
        }
        core.handle(packet);
    }

    @Override
    public void onConnected(PacketSender sender) {
        grants.reset();
        presences.clear();
        rosters.clear();
        core.onConnected(sender);
    }

    @Override
    public void drain(Duration timeout) {
        core.drain(timeout);
    }
}
