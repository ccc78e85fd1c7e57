package org.xcs.relay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xcs.common.component.ComponentCore;
import org.xcs.common.component.RuntimeSettings;
import org.xcs.common.disco.Identity;
import org.xcs.common.launch.ComponentContext;
import org.xcs.common.launch.ComponentModule;
import org.xcs.common.launch.ServiceCore;
import org.xcs.relay.credentials.LongTermAuthenticator;
import org.xcs.relay.credentials.StatelessNonces;
import org.xcs.relay.credentials.TimeLimitedCredentials;
import org.xcs.relay.extdisco.ExtDiscoHandler;
import org.xcs.relay.extdisco.ExternalService;
import org.xcs.relay.extdisco.ServiceDirectory;
import org.xcs.relay.net.PeerAddressPolicy;
import org.xcs.relay.net.TurnListeners;
import org.xcs.relay.net.UdpRelayEndpoints;
import org.xcs.relay.relaynodes.RelayChannels;
import org.xcs.relay.relaynodes.RelayNodeCounters;
import org.xcs.relay.relaynodes.RelayNodeService;
import org.xcs.relay.relaynodes.RelayNodesHandler;
import org.xcs.relay.socks5.BytestreamProxy;
import org.xcs.relay.socks5.BytestreamService;
import org.xcs.relay.socks5.BytestreamsHandler;
import org.xcs.relay.socks5.Socks5Counters;
import org.xcs.relay.socks5.Socks5Listener;
import org.xcs.relay.socks5.Socks5Settings;
import org.xcs.relay.turn.TurnServer;
import org.xmpp.packet.IQ;

/** Builds the Jingle relay component: the XMPP service, the TURN server and XEP-0215 discovery of it, the
 * SOCKS5 proxy and XEP-0278 relay channels. */
public final class RelayModule implements ComponentModule {

    private static final Logger log = LoggerFactory.getLogger(RelayModule.class);
    static final int SCHEMA_VERSION = 1;
    /** RFC 8489 §9.2: the server decides how long a nonce lives; coturn uses 10 minutes too. */
    private static final Duration NONCE_LIFETIME = Duration.ofMinutes(10);

    private final RelaySettings settings;

    public RelayModule() {
        this(RelaySettings.defaults());
    }

    public RelayModule(RelaySettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "relay";
    }

    @Override
    public int schemaVersion() {
        return SCHEMA_VERSION;
    }

    @Override
    public ComponentCore create(ComponentContext context) {
        // XEP-0030 §3: the identity clients look for when they discover this kind of service.
        ServiceCore service = new ServiceCore(context, "xcs-relay", new Identity("proxy", "bytestreams",
                "Jingle relay"));
        String parent = RuntimeSettings.parentDomainOf(context.domain().getDomain());
        List<String> secrets = settings.secrets().isEmpty() ? List.of(randomSecret()) : settings.secrets();
        if (settings.secrets().isEmpty()) {
            log.warn("no --turn-secret given: using a random one (an external coturn cannot share it)");
        }
        TimeLimitedCredentials credentials = new TimeLimitedCredentials(secrets, context.clock());
        Optional<TurnListeners> turn = Optional.empty();
        Optional<InetAddress> relayHost = Optional.empty();
        List<ExternalService> offered;
        if (settings.externalMode()) {
            offered = settings.externalTurn();
        } else {
            InetAddress advertised = settings.externalAddress().orElseGet(
                    () -> guessAddress(settings.turnListen(), "the relayed address"));
            TurnListeners listeners = startTurn(context, credentials, settings.realm().orElse(parent), advertised);
            turn = Optional.of(listeners);
            relayHost = Optional.of(advertised);
            String host = advertised.getHostAddress();
            int port = listeners.port();
            offered = List.of(new ExternalService("stun", host, port, "udp"),
                    new ExternalService("turn", host, port, "udp"),
                    new ExternalService("turn", host, port, "tcp"));
        }
        Set<String> domains = settings.allowedDomains().isEmpty() ? Set.of(parent) : settings.allowedDomains();
        ServiceDirectory directory = new ServiceDirectory(offered, credentials, domains,
                settings.credentialLifetime());
        for (String ns : List.of(ExtDiscoHandler.NS_V2, ExtDiscoHandler.NS_V1)) {
            ExtDiscoHandler handler = new ExtDiscoHandler(ns, directory);
            service.router().onIq(IQ.Type.get, ns, "services", handler.services())
                    .onIq(IQ.Type.get, ns, "credentials", handler.credentials());
            service.disco().addFeature(ns); // XEP-0215 §4
        }
        String socks5Host = socks5Host();
        Socks5Listener socks5;
        try {
            socks5 = startSocks5(domains, socks5Host);
        } catch (RuntimeException e) {
            turn.ifPresent(TurnListeners::close);
            throw e;
        }
        BytestreamsHandler bytestreams = new BytestreamsHandler(new BytestreamService(domains,
                new BytestreamService.Streamhost(socks5Host, socks5.port()), socks5.proxy()));
        service.router().onIq(IQ.Type.get, BytestreamsHandler.NS, "query", bytestreams.streamhost())
                .onIq(IQ.Type.set, BytestreamsHandler.NS, "query", bytestreams.activate());
        service.disco().addFeature(BytestreamsHandler.NS); // XEP-0065 §3
        Optional<RelayChannels> relayNodes = Optional.empty();
        if (relayHost.isPresent()) {
            try {
                relayNodes = Optional.of(startRelayNodes(service, domains, relayHost.get(), turn.get().port()));
            } catch (RuntimeException e) {
                turn.ifPresent(TurnListeners::close);
                socks5.close();
                throw e;
            }
        }
        return new RelayCore(service, turn, Optional.of(socks5), relayNodes);
    }

    /** XEP-0278 relay channels from the relay port range, next to TURN; none in external-coturn mode. */
    private RelayChannels startRelayNodes(ServiceCore service, Set<String> domains, InetAddress advertised,
                                          int stunPort) {
        UdpRelayEndpoints endpoints;
        try {
            endpoints = new UdpRelayEndpoints(settings.turnListen().getAddress(), settings.relayPorts());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start relay channels: " + e.getMessage(), e);
        }
        RelayChannels channels = new RelayChannels(endpoints, settings.relayNodes(), System::nanoTime,
                new RelayNodeCounters());
        String host = advertised.getHostAddress();
        RelayNodesHandler handler = new RelayNodesHandler(new RelayNodeService(domains, host,
                Optional.of(new RelayNodeService.Stun(host, stunPort)), channels));
        service.router().onIq(IQ.Type.get, RelayNodesHandler.NS, "services", handler.services())
                .onIq(IQ.Type.get, RelayNodesHandler.NS_CHANNEL, "channel", handler.channel())
                .onIq(IQ.Type.set, RelayNodesHandler.NS_CHANNEL, "channel", handler.channel());
        service.disco().addFeature(RelayNodesHandler.NS); // XEP-0278 §5: services (tracker side)
        service.disco().addFeature(RelayNodesHandler.NS_CHANNEL); // XEP-0278 §5: relay channels
        log.info("XEP-0278 relay channels in ports {} advertised as {}, idle {} s, for users of {}",
                settings.relayPorts(), host, settings.relayNodes().idleTimeout().toSeconds(), domains);
        return channels;
    }

    private Socks5Listener startSocks5(Set<String> domains, String host) {
        Socks5Settings s5 = settings.socks5();
        Socks5Counters counters = new Socks5Counters();
        BytestreamProxy proxy = new BytestreamProxy(s5, counters);
        try {
            Socks5Listener listener = Socks5Listener.start(s5, proxy, counters);
            log.info("SOCKS5 bytestreams proxy on {} port {}, advertised as {}, for users of {}",
                    s5.listen().getAddress().getHostAddress(), listener.port(), host, domains);
            return listener;
        } catch (IOException e) {
            proxy.close();
            throw new UncheckedIOException("cannot listen for SOCKS5 on " + s5.listen() + ": " + e.getMessage(), e);
        }
    }

    /** --socks5-host, else what TURN advertises: --external-address, else the guess from the listen address. */
    private String socks5Host() {
        return settings.socks5().host().orElseGet(() -> settings.externalAddress().orElseGet(
                () -> guessAddress(settings.socks5().listen(), "the SOCKS5 streamhost")).getHostAddress());
    }

    private TurnListeners startTurn(ComponentContext context, TimeLimitedCredentials credentials, String realm,
                                    InetAddress advertised) {
        SecureRandom random = new SecureRandom();
        LongTermAuthenticator authenticator = new LongTermAuthenticator(realm, credentials,
                StatelessNonces.withRandomKey(random, context.clock(), NONCE_LIFETIME));
        InetSocketAddress listen = settings.turnListen();
        UdpRelayEndpoints endpoints = null;
        try {
            endpoints = new UdpRelayEndpoints(listen.getAddress(), settings.relayPorts());
            TurnServer server = new TurnServer(settings.turn(), authenticator,
                    new PeerAddressPolicy(settings.allowedPeers()), endpoints, advertised, context.clock(),
                    System::nanoTime);
            TurnListeners listeners = TurnListeners.start(listen, server, endpoints);
            log.info("TURN on {} port {} (udp, tcp), relayed ports {} advertised as {}, realm {}",
                    listen.getAddress().getHostAddress(), listeners.port(), settings.relayPorts(),
                    advertised.getHostAddress(), realm);
            return listeners;
        } catch (IOException e) {
            if (endpoints != null) {
                endpoints.close();
            }
            throw new UncheckedIOException("cannot listen for TURN on " + listen + ": " + e.getMessage(), e);
        }
    }

    /** Without --external-address: the listen address if specific, else this host's first non-loopback IPv4. */
    private static InetAddress guessAddress(InetSocketAddress listen, String what) {
        if (!listen.getAddress().isAnyLocalAddress()) {
            return listen.getAddress();
        }
        List<InetAddress> candidates = new ArrayList<>();
        try {
            for (NetworkInterface nic : NetworkInterface.networkInterfaces().toList()) {
                if (nic.isUp() && !nic.isLoopback()) {
                    nic.inetAddresses().filter(a -> a instanceof Inet4Address).forEach(candidates::add);
                }
            }
        } catch (SocketException e) {
            log.debug("listing interfaces: {}", e.toString());
        }
        InetAddress chosen = candidates.isEmpty() ? InetAddress.getLoopbackAddress() : candidates.get(0);
        log.warn("no --external-address: advertising {} as {}", chosen.getHostAddress(), what);
        return chosen;
    }

    private static String randomSecret() {
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }
}
