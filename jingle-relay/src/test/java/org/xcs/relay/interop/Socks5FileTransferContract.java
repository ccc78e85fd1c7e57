package org.xcs.relay.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.bytestreams.socks5.Socks5BytestreamManager;
import org.jivesoftware.smackx.bytestreams.socks5.Socks5BytestreamSession;
import org.jivesoftware.smackx.bytestreams.socks5.Socks5Proxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.xcs.common.harness.ComponentProcess;
import org.xcs.common.harness.SmackClients;
import org.xcs.common.harness.TestHost;
import org.xcs.relay.LoopbackRelayMain;

/**
 * The promise: two Smack clients on a real host transfer a file through our XEP-0065 proxy. Smack's own
 * streamhost is off, so the only streamhost is ours, found the way clients find it (disco#items of the host, the
 * proxy/bytestreams identity, the streamhost query), and activated by Smack as requester.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class Socks5FileTransferContract {

    static final String DOMAIN = "example.test";
    static final String RELAY = "relay." + DOMAIN;
    static final String SECRET = "relay-s3cret";
    static final int SIZE = 1 << 20;

    private TestHost host;
    private ComponentProcess relay;
    private Path work;

    protected abstract void requireInstalled();

    protected abstract TestHost newHost(String component, String secret);

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        requireInstalled();
        work = dir;
        host = newHost(RELAY, SECRET);
        host.start();
        host.addUser("alice", "alice-pw");
        host.addUser("bob", "bob-pw");
        Path secretFile = Files.writeString(work.resolve("secret"), SECRET + "\n");
        relay = ComponentProcess.start(LoopbackRelayMain.class.getName(), work.resolve("relay.log"),
                List.of("--host", "127.0.0.1", "--port", String.valueOf(host.componentPort(RELAY)),
                        "--domain", RELAY, "--secret-file", secretFile.toString(),
                        "--data-dir", work.resolve("data").toString(), "--ping-interval", "2"));
        assertTrue(relay.awaitOutput(": connected to ", Duration.ofSeconds(20)), "never attached:\n"
                + relay.output());
    }

    @AfterAll
    void stop() {
        if (relay != null) {
            relay.close();
        }
        if (host != null) {
            host.close();
        }
    }

    @Test
    void aliceSendsBobOneMebibyteThroughOurProxyAndTheSha256Matches() throws Exception {
        Socks5Proxy.setLocalSocks5ProxyEnabled(false); // Smack would otherwise offer itself as a direct streamhost
        byte[] file = new byte[SIZE];
        new Random(65).nextBytes(file);
        try (SmackClients clients = new SmackClients(host)) {
            XMPPTCPConnection alice = clients.login("alice", "alice-pw", "sender");
            XMPPTCPConnection bob = clients.login("bob", "bob-pw", "receiver");
            CompletableFuture<byte[]> received = new CompletableFuture<>();
            Socks5BytestreamManager bobs = Socks5BytestreamManager.getBytestreamManager(bob);
            bobs.setAnnounceLocalStreamHost(false);
            bobs.addIncomingBytestreamListener(request -> {
                try {
                    Socks5BytestreamSession session = (Socks5BytestreamSession) request.accept();
                    try (InputStream in = session.getInputStream()) {
                        received.complete(in.readAllBytes());
                    } finally {
                        session.close();
                    }
                } catch (Exception e) {
                    received.completeExceptionally(e);
                }
            });
            Socks5BytestreamManager alices = Socks5BytestreamManager.getBytestreamManager(alice);
            alices.setAnnounceLocalStreamHost(false);
            assertEquals(List.of(SmackClients.jid(RELAY)), alices.determineProxies(),
                    "the host's disco#items lead to our proxy");
            Socks5BytestreamSession session = alices.establishSession(bob.getUser());
            try {
                assertTrue(session.isMediated(), "the bytestream goes through the proxy");
                try (OutputStream out = session.getOutputStream()) {
                    out.write(file);
                }
            } finally {
                session.close();
            }
            byte[] got = received.get(60, TimeUnit.SECONDS);
            assertEquals(SIZE, got.length, "bytes received\n" + relay.output());
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            assertArrayEquals(sha.digest(file), MessageDigest.getInstance("SHA-256").digest(got));
        } finally {
            Socks5Proxy.setLocalSocks5ProxyEnabled(true);
        }
    }
}
