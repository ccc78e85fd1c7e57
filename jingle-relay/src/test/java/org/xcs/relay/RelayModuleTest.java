package org.xcs.relay;

import static org.xcs.relay.socks5.LoopbackSocks5.LOOPBACK_SOCKS5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xcs.common.cli.Cli;
import org.xcs.common.launch.ComponentContext;
import org.xcs.common.store.InMemoryStore;
import org.xcs.common.testing.RecordingSender;
import org.xcs.relay.extdisco.ExternalService;
import org.xcs.relay.net.PortRange;
import org.xcs.relay.relaynodes.RelayChannels;
import org.xcs.relay.relaynodes.RelayNodeSettings;
import org.xmpp.packet.JID;

/** The module's life cycle (TURN listening from create() until drain) and the relay's options. */
class RelayModuleTest {

    static RelayCore create(RelaySettings settings) {
        RelayModule module = new RelayModule(settings);
        return (RelayCore) module.create(new ComponentContext(new JID("relay.example.test"), new RecordingSender(),
                new InMemoryStore(module.schemaVersion()), Clock.systemUTC(), "test"));
    }

    @Test
    void turnListensOnUdpAndTcpFromCreateUntilDrainWhichFreesThePort() throws Exception {
        RelayCore core = create(RelaySettings.defaults()
                .withListen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), new PortRange(44000, 44999))
                .withSocks5(LOOPBACK_SOCKS5)
                .withSecrets(List.of("s")));
        int port = core.turn().orElseThrow().port();
        assertTrue(inUse(port), "listening on " + port);
        core.drain(Duration.ofSeconds(2));
        assertTrue(!inUse(port), "drain closed the TURN port");
    }

    @Test
    void externalCoturnModeStartsNoTurnServer() {
        RelayCore core = create(RelaySettings.defaults().withSocks5(LOOPBACK_SOCKS5).withSecrets(List.of("s"))
                .withExternalTurn(List.of(ExternalService.parseUri("turn:turn.example.test"))));
        assertTrue(core.turn().isEmpty());
        core.drain(Duration.ofSeconds(2));
    }

    @Test
    void drainClosesEveryRelayChannelAndFreesItsPorts() throws Exception {
        RelayCore core = create(RelaySettings.defaults()
                .withListen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), new PortRange(44000, 44999))
                .withSocks5(LOOPBACK_SOCKS5)
                .withSecrets(List.of("s")));
        RelayChannels channels = core.relayNodes().orElseThrow();
        RelayChannels.Opened opened = channels.open("romeo@example.test");
        assertTrue(inUse(opened.localPort()) && inUse(opened.remotePort()), "the channel's ports are bound");
        core.drain(Duration.ofSeconds(2));
        assertEquals(0, channels.open());
        assertTrue(!inUse(opened.localPort()) && !inUse(opened.remotePort()), "drain released the channel's ports");
    }

    @Test
    void externalCoturnModeOffersNoRelayChannels() {
        RelayCore core = create(RelaySettings.defaults().withSocks5(LOOPBACK_SOCKS5).withSecrets(List.of("s"))
                .withExternalTurn(List.of(ExternalService.parseUri("turn:turn.example.test"))));
        assertTrue(core.relayNodes().isEmpty());
        core.drain(Duration.ofSeconds(2));
    }

    @Test
    void relayNodeOptionsReachTheSettings() {
        Main main = new Main();
        new picocli.CommandLine(main).parseArgs("--domain", "relay.example.test", "--relay-node-idle=30",
                "--relay-node-channels=7", "--relay-node-user-channels=2", "--allocation-bandwidth=125000");
        RelayNodeSettings s = main.settings().relayNodes();
        assertEquals(new RelayNodeSettings(Duration.ofSeconds(30), 7, 2, 125_000), s);
        assertEquals(1000, s.maxKbps());
        assertEquals(RelayNodeSettings.defaults().idleTimeout(), Duration.ofSeconds(60), "XEP-0278 §6: 60 s");
    }

    static boolean inUse(int port) {
        try (DatagramSocket u = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
             ServerSocket t = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return false;
        } catch (Exception e) {
            return true;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"--turn-listen=localhost:3478", "--turn-listen=127.0.0.1:70000", "--turn-listen=1.2.3.4:x",
            "--relay-ports=5000", "--relay-ports=6000-5000", "--relay-ports=0-10", "--external-address=turn.example.org",
            "--allow-peer=10.0.0.0/33", "--allow-peer=localhost", "--external-turn=turn.example.org",
            "--external-turn=ftp:files.example.org:21", "--external-turn=turn:h:3478?transport=sctp",
            "--turn-secret=", "--turn-secret-file=/nonexistent/secret", "--user-quota=0", "--total-quota=-1",
            "--allocation-bandwidth=0", "--user-quota=many", "--relay-node-idle=0", "--relay-node-channels=0",
            "--relay-node-user-channels=-1", "--relay-node-idle=soon"})
    void badRelayOptionsExitWith2AndAOneLineMessage(String option) {
        StringWriter err = new StringWriter();
        int code = new Cli(Map.of(), new PrintWriter(new StringWriter()), new PrintWriter(err)).execute(new Main(),
                "--domain", "relay.example.test", "--secret", "x", "--data-dir", "/nonexistent/relay-data", option);
        assertEquals(2, code, option + " -> " + err);
        assertTrue(!err.toString().isBlank(), "a message for " + option);
    }

    @Test
    void externalTurnWithoutTheSharedSecretExitsWith2() {
        StringWriter err = new StringWriter();
        int code = new Cli(Map.of(), new PrintWriter(new StringWriter()), new PrintWriter(err)).execute(new Main(),
                "--domain", "relay.example.test", "--secret", "x", "--external-turn=turn:turn.example.org");
        assertEquals(2, code, err.toString());
        assertTrue(err.toString().contains("--turn-secret"), err.toString());
    }
}
