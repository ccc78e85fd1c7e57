package org.xcs.relay.interop;

import static org.xcs.relay.socks5.LoopbackSocks5.LOOPBACK_SOCKS5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dom4j.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xcs.common.component.ComponentCore;
import org.xcs.common.harness.RealHostTest;
import org.xcs.common.launch.ComponentContext;
import org.xcs.common.store.InMemoryStore;
import org.xcs.common.testing.RecordingSender;
import org.xcs.relay.RelayModule;
import org.xcs.relay.RelaySettings;
import org.xcs.relay.net.PortRange;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Packet;

/**
 * coturn's own client ({@code turnutils_uclient}, Debian package coturn) through our relay over UDP and TCP, with
 * the server, port, username and password taken from our XEP-0215 answer: two allocations relaying to each other
 * ({@code -y}) through 127.0.0.1, which only the explicit allow-peer option opens. Skipped only with
 * -DskipHostTests; a missing binary fails with the fix.
 */
@RealHostTest
class CoturnClientInteropTest {

    static final Path UCLIENT = Path.of("/usr/bin/turnutils_uclient");
    static final int MESSAGES = 40;
    static final Pattern LOST = Pattern.compile("Total lost packets (\\d+)");
    static final Duration WAIT = Duration.ofSeconds(5);

    @ParameterizedTest(name = "over {0}")
    @ValueSource(strings = {"udp", "tcp"})
    void turnutilsUclientRelaysThroughUsWithCredentialsFromOurXep0215Answer(String transport, @TempDir Path dir)
            throws Exception {
        assertTrue(Files.isExecutable(UCLIENT), "install coturn: apt-get install -y coturn (" + UCLIENT + ")");
        RelaySettings settings = RelaySettings.defaults()
                .withListen(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), new PortRange(45000, 45999))
                .withSocks5(LOOPBACK_SOCKS5)
                .withSecrets(List.of("interop-secret")).withAllowedPeers(List.of("127.0.0.0/8"));
        RelayModule module = new RelayModule(settings);
        RecordingSender sender = new RecordingSender();
        ComponentCore core = module.create(new ComponentContext(new JID("relay.example.test"), sender,
                new InMemoryStore(module.schemaVersion()), Clock.systemUTC(), "test"));
        try {
            Element service = turnService(core, sender, transport);
            List<String> command = new ArrayList<>(List.of(UCLIENT.toString(), "-y", "-c", "-n",
                    Integer.toString(MESSAGES), "-l", "120", "-m", "1", "-z", "5",
                    "-u", service.attributeValue("username"), "-w", service.attributeValue("password"),
                    "-p", service.attributeValue("port")));
            if (transport.equals("tcp")) {
                command.add("-t");
            }
            command.add(service.attributeValue("host"));
            Path log = dir.resolve("uclient.log");
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean finished = p.waitFor(30, TimeUnit.SECONDS);
            if (!finished) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertTrue(finished, "uclient did not finish in 30 s:\n" + output);
            assertEquals(0, p.exitValue(), output);
            Matcher lost = LOST.matcher(output);
            assertTrue(lost.find(), "no loss figure:\n" + output);
            assertEquals("0", lost.group(1), output);
            System.out.printf("turnutils_uclient over %s: %s%n", transport, output.lines()
                    .filter(l -> l.contains("Total") || l.contains("Average")).map(String::trim)
                    .reduce((a, b) -> a + " | " + b).orElse(""));
        } finally {
            core.drain(WAIT);
        }
    }

    /** RFC 8489 Binding through {@code turnutils_stunclient}, at the STUN service our XEP-0215 answer names. */
    @Test
    void turnutilsStunclientLearnsItsAddressFromOurStunService(@TempDir Path dir) throws Exception {
        Path stunclient = Path.of("/usr/bin/turnutils_stunclient");
        assertTrue(Files.isExecutable(stunclient), "install coturn: apt-get install -y coturn (" + stunclient + ")");
        RelaySettings settings = RelaySettings.defaults()
                .withListen(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), new PortRange(45000, 45999))
                .withSocks5(LOOPBACK_SOCKS5)
                .withSecrets(List.of("interop-secret"));
        RelayModule module = new RelayModule(settings);
        RecordingSender sender = new RecordingSender();
        ComponentCore core = module.create(new ComponentContext(new JID("relay.example.test"), sender,
                new InMemoryStore(module.schemaVersion()), Clock.systemUTC(), "test"));
        try {
            Element stun = service(core, sender, "stun", "udp");
            Path log = dir.resolve("stunclient.log");
            Process p = new ProcessBuilder(stunclient.toString(), "-p", stun.attributeValue("port"),
                    stun.attributeValue("host")).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean finished = p.waitFor(20, TimeUnit.SECONDS);
            if (!finished) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertTrue(finished, "stunclient did not finish in 20 s:\n" + output);
            assertEquals(0, p.exitValue(), output);
            assertTrue(output.contains("UDP reflexive addr: 127.0.0.1:"), output);
        } finally {
            core.drain(WAIT);
        }
    }

    static Element turnService(ComponentCore core, RecordingSender sender, String transport) {
        return service(core, sender, "turn", transport);
    }

    /** XEP-0215 §3.2: services of one type; the one with the wanted transport. */
    static Element service(ComponentCore core, RecordingSender sender, String type, String transport) {
        IQ get = new IQ(IQ.Type.get, "x1");
        get.setFrom(new JID("alice@example.test/interop"));
        get.setTo(new JID("relay.example.test"));
        get.setChildElement("services", "urn:xmpp:extdisco:2").addAttribute("type", type);
        core.handle(get);
        Packet reply = sender.next(WAIT);
        assertNotNull(reply, "no XEP-0215 answer");
        assertEquals(IQ.Type.result, ((IQ) reply).getType(), reply.toXML());
        for (Element s : ((IQ) reply).getChildElement().elements("service")) {
            if (transport.equals(s.attributeValue("transport"))) {
                return s;
            }
        }
        throw new AssertionError("no " + type + " service over " + transport + " in " + reply.toXML());
    }
}
