package org.xcs.relay;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.xcs.relay.extdisco.ExternalService;
import org.xcs.relay.net.PortRange;
import org.xcs.relay.relaynodes.RelayNodeSettings;
import org.xcs.relay.socks5.Socks5Settings;
import org.xcs.relay.turn.TurnSettings;

/**
 * The relay's options, parsed. Empty {@code realm}/{@code allowedDomains} mean "derived from the component's
 * domain" (its parent: relay.example.org serves example.org). Non-empty {@code externalTurn} is the external-coturn
 * mode: no TURN here, credentials handed out for those servers only.
 *
 * @param secrets the shared secrets (first issues, all verify); empty means a random one, unusable by coturn
 */
public record RelaySettings(InetSocketAddress turnListen, Optional<InetAddress> externalAddress,
        PortRange relayPorts, List<String> secrets, Optional<String> realm, List<String> allowedPeers,
        Set<String> allowedDomains, List<ExternalService> externalTurn, TurnSettings turn,
        Duration credentialLifetime, Socks5Settings socks5, RelayNodeSettings relayNodes) {

    /** XEP-0215 credentials live a day, as coturn's REST API examples use. */
    public static final Duration DEFAULT_CREDENTIAL_LIFETIME = Duration.ofDays(1);

    public RelaySettings {
        secrets = List.copyOf(secrets);
        allowedPeers = List.copyOf(allowedPeers);
        allowedDomains = Set.copyOf(allowedDomains);
        externalTurn = List.copyOf(externalTurn);
        if (!externalTurn.isEmpty() && secrets.isEmpty()) {
            throw new IllegalArgumentException("--external-turn needs the secret it shares: --turn-secret(-file)");
        }
    }

    public static RelaySettings defaults() {
        return new RelaySettings(new InetSocketAddress(3478), Optional.empty(), PortRange.DEFAULT, List.of(),
                Optional.empty(), List.of(), Set.of(), List.of(), TurnSettings.defaults(),
                DEFAULT_CREDENTIAL_LIFETIME, Socks5Settings.defaults(), RelayNodeSettings.defaults());
    }

    public boolean externalMode() {
        return !externalTurn.isEmpty();
    }

    public RelaySettings withListen(InetSocketAddress listen, PortRange ports) {
        return new RelaySettings(listen, externalAddress, ports, secrets, realm, allowedPeers, allowedDomains,
                externalTurn, turn, credentialLifetime, socks5, relayNodes);
    }

    public RelaySettings withSecrets(List<String> s) {
        return new RelaySettings(turnListen, externalAddress, relayPorts, s, realm, allowedPeers, allowedDomains,
                externalTurn, turn, credentialLifetime, socks5, relayNodes);
    }

    public RelaySettings withAllowedPeers(List<String> peers) {
        return new RelaySettings(turnListen, externalAddress, relayPorts, secrets, realm, peers, allowedDomains,
                externalTurn, turn, credentialLifetime, socks5, relayNodes);
    }

    public RelaySettings withExternalTurn(List<ExternalService> external) {
        return new RelaySettings(turnListen, externalAddress, relayPorts, secrets, realm, allowedPeers,
                allowedDomains, external, turn, credentialLifetime, socks5, relayNodes);
    }

    public RelaySettings withTurn(TurnSettings t) {
        return new RelaySettings(turnListen, externalAddress, relayPorts, secrets, realm, allowedPeers,
                allowedDomains, externalTurn, t, credentialLifetime, socks5, relayNodes);
    }

    public RelaySettings withRealm(String r) {
        return new RelaySettings(turnListen, externalAddress, relayPorts, secrets, Optional.of(r), allowedPeers,
                allowedDomains, externalTurn, turn, credentialLifetime, socks5, relayNodes);
    }

    public RelaySettings withExternalAddress(InetAddress a) {
        return new RelaySettings(turnListen, Optional.of(a), relayPorts, secrets, realm, allowedPeers,
                allowedDomains, externalTurn, turn, credentialLifetime, socks5, relayNodes);
    }

    public RelaySettings withAllowedDomains(Set<String> domains) {
        return new RelaySettings(turnListen, externalAddress, relayPorts, secrets, realm, allowedPeers, domains,
                externalTurn, turn, credentialLifetime, socks5, relayNodes);
    }

    public RelaySettings withSocks5(Socks5Settings s) {
        return new RelaySettings(turnListen, externalAddress, relayPorts, secrets, realm, allowedPeers,
                allowedDomains, externalTurn, turn, credentialLifetime, s, relayNodes);
    }

    public RelaySettings withRelayNodes(RelayNodeSettings r) {
        return new RelaySettings(turnListen, externalAddress, relayPorts, secrets, realm, allowedPeers,
                allowedDomains, externalTurn, turn, credentialLifetime, socks5, r);
    }
}
