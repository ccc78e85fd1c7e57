package org.xcs.relay.socks5;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.xcs.common.error.XmppException;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError;

/** The XMPP-facing rules of the proxy without XML: who may use it, where it is, what an activation answers. */
public final class BytestreamService {

    /** XEP-0065 §4: the address the proxy announces. */
    public record Streamhost(String host, int port) {
    }

    private final Set<String> allowedDomains;
    private final Streamhost streamhost;
    private final BytestreamProxy proxy;

    public BytestreamService(Set<String> allowedDomains, Streamhost streamhost, BytestreamProxy proxy) {
        this.allowedDomains = allowedDomains.stream().map(d -> d.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        this.streamhost = streamhost;
        this.proxy = proxy;
    }

    public Streamhost streamhost(JID requester) {
        requireHostUser(requester);
        return streamhost;
    }

    /**
     * XEP-0065 §6.3.5: the 'from' of the request is the requester, so only the requester can name the hash the two
     * connections used; the target is the activate element's text, hashed as given (full or bare).
     */
    public void activate(JID requester, String sid, String target) {
        requireHostUser(requester);
        if (sid == null || sid.isEmpty() || target == null || target.isBlank()) {
            throw new XmppException(PacketError.Condition.bad_request, "activate needs a sid and a target JID");
        }
        String address = DestinationAddress.of(sid, requester.toString(), target.strip());
        switch (proxy.activate(address, requester.toBareJID())) {
            case ACTIVATED -> {
            }
            // §6.3.5: item-not-found when 'from' is not the requester of any stream: no connection has this hash.
            case NO_SUCH_STREAM -> throw new XmppException(PacketError.Condition.item_not_found,
                    "no connection for this sid, requester and target");
            case ONE_PARTY_ONLY -> throw new XmppException(PacketError.Condition.not_allowed,
                    "only one party is connected");
            case ALREADY_ACTIVE -> throw new XmppException(PacketError.Condition.not_allowed,
                    "this bytestream is already activated");
            case TOO_MANY -> throw new XmppException(PacketError.Condition.resource_constraint,
                    "too many transfers at once");
            default -> throw new IllegalStateException();
        }
    }

    // XEP-0065 §4: a requester without permission gets forbidden; here, users of other domains.
    private void requireHostUser(JID requester) {
        if (requester == null || requester.getNode() == null
                || !allowedDomains.contains(requester.getDomain().toLowerCase(Locale.ROOT))) {
            throw new XmppException(PacketError.Condition.forbidden, "this proxy is for users of this server only");
        }
    }
}
