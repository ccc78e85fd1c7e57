package org.xcs.relay.interop;

import static org.xcs.relay.socks5.LoopbackSocks5.LOOPBACK_SOCKS5;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.dom4j.Element;
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
import org.xmpp.packet.JID;

/**
 * Headless Chromium (Debian package chromium) opens two RTCPeerConnections restricted to relay candidates
 * ({@code iceTransportPolicy: 'relay'}) through our TURN, with the credentials of our XEP-0215 answer, and sends 100
 * data-channel messages; the page reports what arrived and the selected pair's candidate types to a local HTTP
 * server. Skipped only with -DskipHostTests; a missing browser fails with the fix.
 */
@RealHostTest
class ChromiumRelayTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final int MESSAGES = 100;

    @ParameterizedTest(name = "TURN over {0}")
    @ValueSource(strings = {"udp", "tcp"})
    void twoRelayOnlyPeerConnectionsExchangeDataChannelMessagesThroughUs(String transport, @TempDir Path dir)
            throws Exception {
        assertTrue(Files.isExecutable(CHROMIUM), "install chromium: apt-get install -y chromium (" + CHROMIUM + ")");
        RelaySettings settings = RelaySettings.defaults()
                .withListen(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), new PortRange(46000, 46999))
                .withSocks5(LOOPBACK_SOCKS5)
                .withSecrets(List.of("browser-secret")).withAllowedPeers(List.of("127.0.0.0/8"));
        RelayModule module = new RelayModule(settings);
        RecordingSender sender = new RecordingSender();
        ComponentCore core = module.create(new ComponentContext(new JID("relay.example.test"), sender,
                new InMemoryStore(module.schemaVersion()), Clock.systemUTC(), "test"));
        BlockingQueue<String> results = new ArrayBlockingQueue<>(4);
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 8);
        Process chromium = null;
        try {
            Element turn = CoturnClientInteropTest.turnService(core, sender, transport);
            String url = "turn:" + turn.attributeValue("host") + ":" + turn.attributeValue("port")
                    + "?transport=" + transport;
            byte[] page = page(url, turn.attributeValue("username"), turn.attributeValue("password"))
                    .getBytes(StandardCharsets.UTF_8);
            http.createContext("/", exchange -> {
                if (exchange.getRequestMethod().equals("POST")) {
                    results.offer(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                    exchange.sendResponseHeaders(204, -1);
                } else {
                    exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
                    exchange.sendResponseHeaders(200, page.length);
                    exchange.getResponseBody().write(page);
                }
                exchange.close();
            });
            http.start();
            chromium = new ProcessBuilder(CHROMIUM.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--user-data-dir=" + dir.resolve("profile"),
                    "http://127.0.0.1:" + http.getAddress().getPort() + "/")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile()).start();
            String result = results.poll(45, TimeUnit.SECONDS);
            assertNotNull(result, "no result from the page in 45 s; chromium log:\n" + log(dir));
            System.out.printf("chromium, TURN over %s: %s%n", transport, result);
            assertTrue(result.startsWith("ok " + MESSAGES + " "), result);
            // Both connections' selected pairs: relay to relay, the relay reached over the transport under test.
            String pair = "relay/relay/" + transport;
            assertTrue(result.equals("ok " + MESSAGES + " " + pair + "," + pair), result);
        } finally {
            if (chromium != null) {
                stop(chromium);
            }
            http.stop(0);
            core.drain(Duration.ofSeconds(5));
        }
    }

    /** Chromium runs helper processes: stop them by handle, then the browser, boundedly. */
    static void stop(Process browser) throws InterruptedException {
        List<ProcessHandle> children = browser.descendants().toList();
        browser.destroy();
        if (!browser.waitFor(5, TimeUnit.SECONDS)) {
            browser.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        for (ProcessHandle child : children) {
            child.destroy();
        }
    }

    static String log(Path dir) throws IOException {
        Path log = dir.resolve("chromium.log");
        return Files.exists(log) ? Files.readString(log) : "(none)";
    }

    static String page(String turnUrl, String username, String password) {
        return """
                <!doctype html><html><body><script>
                const post = text => fetch('/result', {method: 'POST', body: text});
                (async () => {
                  const cfg = {iceServers: [{urls: '%s', username: '%s', credential: '%s'}],
                               iceTransportPolicy: 'relay'};
                  const a = new RTCPeerConnection(cfg), b = new RTCPeerConnection(cfg);
                  const link = (from, to) => {
                    const early = [];
                    from.onicecandidate = e => {
                      if (!e.candidate) return;
                      if (to.remoteDescription) to.addIceCandidate(e.candidate); else early.push(e.candidate);
                    };
                    return () => early.forEach(c => to.addIceCandidate(c));
                  };
                  const flushToB = link(a, b), flushToA = link(b, a);
                  let got = 0;
                  const received = new Promise(resolve => {
                    b.ondatachannel = e => { e.channel.onmessage = () => { if (++got === %d) resolve(); }; };
                  });
                  setTimeout(() => post('timeout after 30 s, received ' + got), 30000);
                  const channel = a.createDataChannel('relay-test');
                  const opened = new Promise(resolve => channel.onopen = resolve);
                  const offer = await a.createOffer();
                  await a.setLocalDescription(offer);
                  await b.setRemoteDescription(offer);
                  flushToB();
                  const answer = await b.createAnswer();
                  await b.setLocalDescription(answer);
                  await a.setRemoteDescription(answer);
                  flushToA();
                  await opened;
                  for (let i = 0; i < %d; i++) channel.send('message ' + i);
                  await received;
                  const pairs = [];
                  for (const pc of [a, b]) {
                    const stats = await pc.getStats();
                    let id;
                    stats.forEach(r => { if (r.type === 'transport' && r.selectedCandidatePairId) id = r.selectedCandidatePairId; });
                    const pair = id ? stats.get(id)
                        : [...stats.values()].find(r => r.type === 'candidate-pair' && r.state === 'succeeded');
                    if (!pair) { pairs.push('none'); continue; }
                    const local = stats.get(pair.localCandidateId), remote = stats.get(pair.remoteCandidateId);
                    pairs.push(local.candidateType + '/' + remote.candidateType + '/' + (local.relayProtocol || '?'));
                  }
                  post('ok ' + got + ' ' + pairs.join(','));
                })().catch(e => post('error ' + e));
                </script></body></html>
                """.formatted(turnUrl, username, password, MESSAGES, MESSAGES);
    }
}
