package org.xcs.relay.extdisco;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.xcs.common.error.XmppException;
import org.xcs.relay.credentials.TimeLimitedCredentials;
import org.xcs.relay.credentials.TurnCredential;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError;

/**
 * What XEP-0215 answers, without XML: the configured services, and for restricted ones fresh time-limited
 * credentials naming the requester's bare JID. Only users of the allowed domains are served (XEP-0215 §3:
 * forbidden otherwise): credentials let anyone relay through us.
 */
public final class ServiceDirectory {

    /** A service as handed to one requester, with credentials when it is restricted. */
    public record Offer(ExternalService service, Optional<TurnCredential> credential) {
    }

    private final List<ExternalService> services;
    private final TimeLimitedCredentials credentials;
    private final Set<String> allowedDomains;
    private final Duration credentialLifetime;

    public ServiceDirectory(List<ExternalService> services, TimeLimitedCredentials credentials,
                            Set<String> allowedDomains, Duration credentialLifetime) {
        this.services = List.copyOf(services);
        this.credentials = credentials;
        this.allowedDomains = allowedDomains.stream().map(d -> d.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        this.credentialLifetime = credentialLifetime;
    }

    /** XEP-0215 §3.1/§3.2: all services, or those of one type. */
    public List<Offer> services(JID requester, Optional<String> type) {
        requireAllowed(requester);
        return services.stream().filter(s -> type.isEmpty() || type.get().equals(s.type()))
                .map(s -> offer(s, requester)).toList();
    }

    /** XEP-0215 §3.3: credentials for the services matching host and type (and port, if given). */
    public List<Offer> credentials(JID requester, String host, String type, Optional<Integer> port) {
        requireAllowed(requester);
        List<Offer> matching = services.stream()
                .filter(s -> s.host().equalsIgnoreCase(host) && s.type().equals(type)
                        && (port.isEmpty() || port.get() == s.port()))
                .map(s -> offer(s, requester)).toList();
        if (matching.isEmpty()) {
            throw new XmppException(PacketError.Condition.item_not_found, "no such service here");
        }
        return matching;
    }

    private Offer offer(ExternalService s, JID requester) {
        return new Offer(s, s.restricted()
                ? Optional.of(credentials.issue(requester.toBareJID(), credentialLifetime)) : Optional.empty());
    }

    private void requireAllowed(JID requester) {
        if (requester == null || requester.getNode() == null
                || !allowedDomains.contains(requester.getDomain().toLowerCase(Locale.ROOT))) {
            throw new XmppException(PacketError.Condition.forbidden, "services are for users of this server only");
        }
    }
}
