package org.xcs.relay;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.xcs.common.cli.Cli;
import org.xcs.common.cli.CommonOptions;
import org.xcs.common.launch.ComponentLauncher;
import org.xcs.relay.extdisco.ExternalService;
import org.xcs.relay.net.AddressRange;
import org.xcs.relay.net.IpLiteral;
import org.xcs.relay.net.PortRange;
import org.xcs.relay.net.TurnListeners;
import org.xcs.relay.relaynodes.RelayNodeSettings;
import org.xcs.relay.socks5.Socks5Settings;
import org.xcs.relay.turn.TurnSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "xcs-relay", description = "Jingle relay: STUN/TURN, SOCKS5 bytestreams proxy, relay nodes: an XEP-0114 external component for Prosody, ejabberd or Openfire.",
        sortOptions = false)
public final class Main implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--turn-listen", defaultValue = "0.0.0.0:" + TurnListeners.DEFAULT_PORT, paramLabel = "ADDR:PORT",
            description = "Where STUN/TURN listens, UDP and TCP (default: ${DEFAULT-VALUE}).")
    String turnListen;

    @Option(names = "--external-address", paramLabel = "IP",
            description = "The address clients reach relayed ports at (behind NAT: the public one).")
    String externalAddress;

    @Option(names = "--relay-ports", defaultValue = "49152-65535", paramLabel = "MIN-MAX",
            description = "UDP ports for relayed addresses (default: ${DEFAULT-VALUE}).")
    String relayPorts;

    @Option(names = "--turn-secret", paramLabel = "SECRET",
            description = "coturn's static-auth-secret (use-auth-secret), repeatable for rotation; the first issues.")
    List<String> turnSecrets = new ArrayList<>();

    @Option(names = "--turn-secret-file", paramLabel = "FILE", description = "The TURN secret, first line of FILE.")
    Path turnSecretFile;

    @Option(names = "--realm", paramLabel = "REALM", description = "TURN realm (default: the parent of --domain).")
    String realm;

    @Option(names = "--allow-peer", paramLabel = "CIDR",
            description = "Let TURN relay to this range although it is special-purpose (private, loopback...); repeatable.")
    List<String> allowPeers = new ArrayList<>();

    @Option(names = "--allowed-domain", paramLabel = "DOMAIN",
            description = "Users of this domain get XEP-0215 credentials; repeatable (default: the parent of --domain).")
    List<String> allowedDomains = new ArrayList<>();

    @Option(names = "--external-turn", paramLabel = "URI",
            description = "Hand out credentials for this coturn instead of serving TURN (turn:HOST:PORT?transport=udp, stun:HOST:PORT); repeatable.")
    List<String> externalTurn = new ArrayList<>();

    @Option(names = "--user-quota", defaultValue = "10", paramLabel = "N",
            description = "Allocations one user may hold at once; more are refused 486 (default: ${DEFAULT-VALUE}).")
    int userQuota;

    @Option(names = "--total-quota", defaultValue = "500", paramLabel = "N",
            description = "Allocations in total; more are refused 486 (default: ${DEFAULT-VALUE}).")
    int totalQuota;

    @Option(names = "--allocation-bandwidth", defaultValue = "1000000", paramLabel = "BYTES_PER_SECOND",
            description = "What one allocation may relay per second, both ways together; beyond it packets are dropped (default: ${DEFAULT-VALUE}).")
    long allocationBandwidth;

    @Option(names = "--socks5-listen", defaultValue = "0.0.0.0:" + Socks5Settings.DEFAULT_PORT,
            paramLabel = "ADDR:PORT", description = "Where the XEP-0065 SOCKS5 proxy listens, TCP (default: ${DEFAULT-VALUE}).")
    String socks5Listen;

    @Option(names = "--socks5-host", paramLabel = "HOST",
            description = "The host announced in the streamhost (default: --external-address, else as for TURN).")
    String socks5Host;

    @Option(names = "--socks5-transfers", defaultValue = "100", paramLabel = "N",
            description = "SOCKS5 transfers at once; activations beyond are refused (default: ${DEFAULT-VALUE}).")
    int socks5Transfers;

    @Option(names = "--socks5-user-transfers", defaultValue = "5", paramLabel = "N",
            description = "SOCKS5 transfers one user may have at once (default: ${DEFAULT-VALUE}).")
    int socks5UserTransfers;

    @Option(names = "--socks5-max-bytes", defaultValue = "1073741824", paramLabel = "BYTES",
            description = "Bytes one SOCKS5 transfer may carry, both ways together; then it is closed (default: ${DEFAULT-VALUE}).")
    long socks5MaxBytes;

    @Option(names = "--socks5-pending-timeout", defaultValue = "60", paramLabel = "SECONDS",
            description = "How long a SOCKS5 connection may wait for its partner and the activation (default: ${DEFAULT-VALUE}).")
    long socks5PendingTimeout;

    @Option(names = "--socks5-idle-timeout", defaultValue = "120", paramLabel = "SECONDS",
            description = "Close a SOCKS5 transfer idle this long in both directions (default: ${DEFAULT-VALUE}).")
    long socks5IdleTimeout;

    @Option(names = "--relay-node-idle", defaultValue = "60", paramLabel = "SECONDS",
            description = "Close an XEP-0278 relay channel that receives nothing this long (default: ${DEFAULT-VALUE}).")
    long relayNodeIdle;

    @Option(names = "--relay-node-channels", defaultValue = "100", paramLabel = "N",
            description = "XEP-0278 relay channels at once; more are refused (default: ${DEFAULT-VALUE}).")
    int relayNodeChannels;

    @Option(names = "--relay-node-user-channels", defaultValue = "5", paramLabel = "N",
            description = "XEP-0278 relay channels one user may hold at once (default: ${DEFAULT-VALUE}).")
    int relayNodeUserChannels;

    public static void main(String[] args) {
        System.exit(Cli.run(new Main(), args));
    }

    @Override
    public Integer call() {
        RelaySettings settings;
        try {
            settings = settings();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        return new ComponentLauncher(common, new RelayModule(settings), System.err).run();
    }

    RelaySettings settings() {
        RelaySettings s = RelaySettings.defaults()
                .withListen(parseListen("--turn-listen", turnListen), PortRange.parse(relayPorts));
        Socks5Settings socks5 = Socks5Settings.defaults().withListen(parseListen("--socks5-listen", socks5Listen))
                .withLimits(socks5Transfers, socks5UserTransfers, socks5MaxBytes)
                .withTimeouts(Duration.ofSeconds(socks5PendingTimeout), Duration.ofSeconds(socks5IdleTimeout));
        if (socks5Host != null) {
            if (socks5Host.isBlank()) {
                throw new IllegalArgumentException("--socks5-host is empty");
            }
            socks5 = socks5.withHost(socks5Host);
        }
        s = s.withSocks5(socks5);
        if (externalAddress != null) {
            s = s.withExternalAddress(IpLiteral.parse(externalAddress).orElseThrow(
                    () -> new IllegalArgumentException("--external-address must be an IP address: " + externalAddress)));
        }
        List<String> secrets = new ArrayList<>(turnSecrets);
        if (turnSecretFile != null) {
            try {
                String first = Files.readAllLines(turnSecretFile, StandardCharsets.UTF_8).stream().findFirst()
                        .orElse("").trim();
                if (first.isEmpty()) {
                    throw new IllegalArgumentException("--turn-secret-file " + turnSecretFile + " is empty");
                }
                secrets.add(0, first);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read --turn-secret-file " + turnSecretFile + ": " + e);
            }
        }
        if (secrets.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("--turn-secret is empty");
        }
        allowPeers.forEach(AddressRange::parse); // refuse a bad range now, not at the first CreatePermission
        List<ExternalService> external = new ArrayList<>();
        externalTurn.forEach(u -> external.add(ExternalService.parseUri(u)));
        s = s.withTurn(TurnSettings.defaults().withQuotas(userQuota, totalQuota)
                .withBytesPerSecond(allocationBandwidth));
        s = s.withSecrets(secrets).withAllowedPeers(allowPeers).withExternalTurn(external)
                .withAllowedDomains(new LinkedHashSet<>(allowedDomains));
        s = s.withRelayNodes(RelayNodeSettings.defaults().withIdleTimeout(Duration.ofSeconds(relayNodeIdle))
                .withLimits(relayNodeChannels, relayNodeUserChannels).withBytesPerSecond(allocationBandwidth));
        if (realm != null) {
            s = s.withRealm(realm);
        }
        return s;
    }

    /** "ADDR:PORT", "[v6]:PORT" or ":PORT"/"PORT" (all interfaces); literals only, never resolved. */
    static InetSocketAddress parseListen(String option, String text) {
        String host;
        String port;
        if (text.startsWith("[")) {
            int close = text.indexOf("]:");
            if (close < 0) {
                throw new IllegalArgumentException(option + ": expected [IPv6]:PORT, got '" + text + "'");
            }
            host = text.substring(1, close);
            port = text.substring(close + 2);
        } else {
            int colon = text.lastIndexOf(':');
            host = colon < 0 ? "" : text.substring(0, colon);
            port = colon < 0 ? text : text.substring(colon + 1);
        }
        int p;
        try {
            p = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": bad port in '" + text + "'");
        }
        if (p < 0 || p > 65535) {
            throw new IllegalArgumentException(option + ": port out of range in '" + text + "'");
        }
        Optional<InetAddress> address = host.isEmpty() ? Optional.of(new InetSocketAddress(0).getAddress())
                : IpLiteral.parse(host);
        return new InetSocketAddress(address.orElseThrow(
                () -> new IllegalArgumentException(option + ": '" + host + "' is not an IP address")), p);
    }
}
