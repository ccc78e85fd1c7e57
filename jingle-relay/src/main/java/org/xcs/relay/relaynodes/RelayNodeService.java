package org.xcs.relay.relaynodes;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.xcs.common.error.XmppException;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError;

/** The XMPP-facing rules of relay nodes without XML: who gets a channel, what the answer says. */
public final class RelayNodeService {

    /** XEP-0278 §4.1: what the channel reply carries. */
    public record Channel(String id, String host, int localPort, int remotePort, long maxKbps, long expireSeconds) {
    }

    /** XEP-0278 §4.2: a STUN entry in the services list. */
    public record Stun(String host, int port) {
    }

    private final Set<String> allowedDomains;
    private final String host;
    private final Optional<Stun> stun;
    private final RelayChannels channels;

    public RelayNodeService(Set<String> allowedDomains, String host, Optional<Stun> stun, RelayChannels channels) {
        this.allowedDomains = allowedDomains.stream().map(d -> d.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        this.host = host;
        this.stun = stun;
        this.channels = channels;
    }

    public Optional<Stun> stun() {
        return stun;
    }

    /** {@code protocol}: the request's attribute; absent means udp, the only one served here. */
    public Channel requestChannel(JID requester, String protocol) {
        if (requester == null || requester.getNode() == null
                || !allowedDomains.contains(requester.getDomain().toLowerCase(Locale.ROOT))) {
            throw new XmppException(PacketError.Condition.forbidden, "relay channels are for users of this server only");
        }
        if (protocol != null && !protocol.equals("udp")) {
            // §4.1 allows 'udp' or 'tcp'; this relay has UDP channels only.
            throw new XmppException(PacketError.Condition.feature_not_implemented, "only udp channels are offered");
        }
        RelayChannels.Opened opened;
        try {
            opened = channels.open(requester.toBareJID());
        } catch (RelayChannels.RefusedException e) {
            // §6 throttling: the request may succeed later, when channels close.
            throw new XmppException(PacketError.Condition.resource_constraint, switch (e.refusal()) {
                case USER_LIMIT -> "too many relay channels for this user";
                case TOTAL_LIMIT -> "too many relay channels";
                case NO_PORT -> "no free relay ports";
                case CLOSED -> "the relay is shutting down";
            });
        }
        RelayNodeSettings s = channels.settings();
        return new Channel(opened.id(), host, opened.localPort(), opened.remotePort(), s.maxKbps(),
                Math.max(1, s.idleTimeout().toSeconds()));
    }
}
