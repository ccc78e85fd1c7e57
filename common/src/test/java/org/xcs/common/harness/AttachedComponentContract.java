package org.xcs.common.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.jivesoftware.smackx.iqversion.packet.Version;
import org.jivesoftware.smackx.time.EntityTimeManager;
import org.jivesoftware.smackx.time.packet.Time;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.xcs.common.launch.ComponentModule;
import org.xcs.common.store.Codec;
import org.xcs.common.store.FileStore;
import org.xcs.common.store.Store;

/**
 * What every component promises an admin on every host (issue: foundation): it attaches and answers a real client
 * through the host, comes back by itself after a host restart, ends with a named exit code on a wrong secret or a
 * locked data dir, waits for a host that is not up yet, and stops cleanly on SIGTERM with its data intact.
 * Each component module runs it once per host kind (Prosody, ejabberd), with the component as a real process.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AttachedComponentContract {

    protected static final String DOMAIN = "example.test";
    private static final String SECRET = "c0mponent-s3cret";
    private static final Duration ATTACH_TIMEOUT = Duration.ofSeconds(20);
    /** The issue's promise: served again within 10 s of the host being back. */
    private static final Duration SERVED_AGAIN_WITHIN = Duration.ofSeconds(10);
    private static final String CONNECTED = ": connected to ";

    private TestHost host;
    private final List<ComponentProcess> processes = new ArrayList<>();
    @TempDir
    Path work;

    /** The component's {@code Main} class, started as an admin starts it. */
    protected abstract String mainClass();

    /** The module, for its store name and schema version. */
    protected abstract ComponentModule module();

    /** The XEP-0030 identity clients discover the component by. */
    protected abstract String identityCategory();

    protected abstract String identityType();

    /** Fails (or skips under -DskipHostTests) when the host kind is not installed. */
    protected abstract void requireInstalled();

    /** A stopped host for {@link #DOMAIN} declaring {@code component} with {@code secret}. */
    protected abstract TestHost newHost(String component, String secret);

    protected final String componentDomain() {
        return module().name() + "." + DOMAIN;
    }

    @BeforeAll
    void startHost() {
        requireInstalled();
        host = newHost(componentDomain(), SECRET);
        host.start();
        host.addUser("alice", "alice-pw");
    }

    @AfterEach
    void stopComponents() {
        processes.forEach(ComponentProcess::close);
        processes.clear();
        if (host != null && !host.isRunning()) {
            host.start();
        }
    }

    @AfterAll
    void stopHost() {
        if (host != null) {
            host.close();
        }
    }

    @Test
    public void attachesAndAnswersDiscoInfoPingVersionAndTimeFromARealClient() throws Exception {
        attached(work.resolve("data"));
        try (SmackClients clients = new SmackClients(host)) {
            XMPPConnection alice = clients.login("alice", "alice-pw");
            DiscoverInfo info = SmackClients.discoInfo(alice, componentDomain());
            assertTrue(info.getIdentities().stream().anyMatch(
                            i -> i.getCategory().equals(identityCategory()) && i.getType().equals(identityType())),
                    "identity " + identityCategory() + "/" + identityType() + " missing: " + info.toXML());
            for (String feature : List.of("http://jabber.org/protocol/disco#info", "urn:xmpp:ping",
                    "jabber:iq:version", "urn:xmpp:time")) {
                assertTrue(info.containsFeature(feature), feature + " missing: " + info.toXML());
            }
            assertEquals(IQ.Type.result, SmackClients.ping(alice, componentDomain()).getType());
            Version version = SmackClients.version(alice, componentDomain());
            assertEquals("xcs-" + module().name(), version.getName());
            assertNotNull(version.getVersion());
            Time time = EntityTimeManager.getInstanceFor(alice).getTime(SmackClients.jid(componentDomain()));
            assertNotNull(time.getUtc(), "XEP-0202 reply without <utc/>");
        }
    }

    @Test
    public void servesAgainWithinTenSecondsAfterTheHostRestarts() throws Exception {
        ComponentProcess component = attached(work.resolve("data"));
        host.restart();
        long back = System.nanoTime();
        Duration took = awaitServed(SERVED_AGAIN_WITHIN.plusSeconds(20));
        assertTrue(component.isAlive(), "component died across the host restart:\n" + component.output());
        assertTrue(took.compareTo(SERVED_AGAIN_WITHIN) <= 0, "served again only after " + took.toMillis()
                + " ms (limit " + SERVED_AGAIN_WITHIN.toMillis() + " ms)\n" + component.output());
        System.out.printf("%s on %s: served again %d ms after the host was back%n", module().name(),
                host.getClass().getSimpleName(), Duration.ofNanos(System.nanoTime() - back).toMillis());
    }

    @Test
    public void aWrongSecretEndsTheProcessWithExitCode3AndOneLineNamingTheFix() throws Exception {
        ComponentProcess component = launch(work.resolve("data"), "not-the-secret");
        int exit = component.awaitExit(ATTACH_TIMEOUT);
        String output = component.output();
        assertEquals(3, exit, output);
        String last = lastLine(output);
        assertTrue(last.startsWith(module().name() + ": ") && last.contains("not-authorized")
                && last.contains("--secret"), "last line should name the cause and the fix: " + last);
        assertTrue(!output.contains("not-the-secret"), "the secret was printed:\n" + output);
    }

    @Test
    public void waitsForAHostThatIsDownAtStartAndAttachesWhenItComesUp() throws Exception {
        host.stop();
        ComponentProcess component = launch(work.resolve("data"), SECRET, "--wait-for-host");
        assertTrue(component.awaitOutput("attempt 2", ATTACH_TIMEOUT), "no retry logged:\n" + component.output());
        assertTrue(component.isAlive(), component.output());
        host.start();
        assertTrue(component.awaitOutput(CONNECTED, ATTACH_TIMEOUT), "never attached:\n" + component.output());
        awaitServed(SERVED_AGAIN_WITHIN);
    }

    @Test
    public void withoutWaitingAHostThatIsDownEndsTheProcessWithExitCode6() throws Exception {
        host.stop();
        ComponentProcess component = launch(work.resolve("data"), SECRET);
        assertEquals(6, component.awaitExit(ATTACH_TIMEOUT), component.output());
        assertTrue(lastLine(component.output()).contains("--wait-for-host"), component.output());
    }

    @Test
    public void sigtermStopsWithExitCode0AndTheDataIsIntactOnTheNextStart() throws Exception {
        Path data = work.resolve("data");
        ComponentProcess first = attached(data);
        first.terminate();
        assertEquals(0, first.awaitExit(ATTACH_TIMEOUT), first.output());

        ComponentProcess second = attached(data);
        awaitServed(SERVED_AGAIN_WITHIN);
        second.terminate();
        assertEquals(0, second.awaitExit(ATTACH_TIMEOUT), second.output());

        try (Store store = FileStore.open(data, module().name(), module().schemaVersion())) {
            Long starts = store.map("launcher", Codec.STRING, Codec.LONG).get("starts");
            assertEquals(2L, starts, "the first run's commit did not survive its SIGTERM");
        }
    }

    @Test
    public void aSecondProcessOnTheSameDataDirIsRefusedWithExitCode8() throws Exception {
        Path data = work.resolve("data");
        ComponentProcess first = attached(data);
        ComponentProcess second = launch(data, SECRET);
        assertEquals(8, second.awaitExit(ATTACH_TIMEOUT), second.output());
        assertTrue(lastLine(second.output()).contains("locked by another process (pid " + first.pid() + ")"),
                second.output());
        assertTrue(first.isAlive(), "the first process suffered:\n" + first.output());
    }

    @Test
    public void aDomainTheHostDoesNotDeclareEndsTheProcessWithTheHostsAnswer() throws Exception {
        ComponentProcess component = launchAs("stranger." + DOMAIN, work.resolve("data"), SECRET);
        assertEquals(undeclaredDomainExitCode(), component.awaitExit(ATTACH_TIMEOUT), component.output());
        assertTrue(lastLine(component.output()).contains("stranger." + DOMAIN), component.output());
    }

    @Test
    public void aSecondProcessForAnAttachedDomainIsRefusedWithConflictOrServedAsTheHostDoes() throws Exception {
        ComponentProcess first = attached(work.resolve("data"));
        ComponentProcess second = launch(work.resolve("data2"), SECRET);
        if (hostRefusesASecondSession()) {
            assertEquals(5, second.awaitExit(ATTACH_TIMEOUT), second.output());
            assertTrue(lastLine(second.output()).contains("(conflict)"), second.output());
        } else {
            assertTrue(second.awaitOutput(CONNECTED, ATTACH_TIMEOUT), second.output());
        }
        assertTrue(first.isAlive(), "the first process suffered:\n" + first.output());
        awaitServed(SERVED_AGAIN_WITHIN);
    }

    /** XEP-0114 names no error for an unknown domain: Prosody says host-unknown (4), ejabberd not-authorized (3). */
    protected int undeclaredDomainExitCode() {
        return 4;
    }

    /** Prosody refuses a second session for a connected domain with conflict; ejabberd load-balances over both. */
    protected boolean hostRefusesASecondSession() {
        return true;
    }

    private ComponentProcess attached(Path data) throws Exception {
        ComponentProcess component = launch(data, SECRET);
        assertTrue(component.awaitOutput(CONNECTED, ATTACH_TIMEOUT), "never attached:\n" + component.output());
        return component;
    }

    private ComponentProcess launch(Path data, String secret, String... extra) throws IOException {
        return launchAs(componentDomain(), data, secret, extra);
    }

    private ComponentProcess launchAs(String domain, Path data, String secret, String... extra) throws IOException {
        Path secretFile = Files.createTempFile(work, "secret", ".txt");
        Files.writeString(secretFile, secret + "\n");
        List<String> args = new ArrayList<>(List.of("--host", "127.0.0.1",
                "--port", String.valueOf(host.componentPort(componentDomain())),
                "--domain", domain, "--secret-file", secretFile.toString(),
                "--data-dir", data.toString(), "--ping-interval", "2"));
        args.addAll(Arrays.asList(extra));
        Path log = Files.createTempFile(work, module().name(), ".log");
        ComponentProcess process = ComponentProcess.start(mainClass(), log, args);
        processes.add(process);
        return process;
    }

    /** Retries a client's ping to the component until it is answered; returns how long that took. */
    private Duration awaitServed(Duration limit) throws Exception {
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try (SmackClients clients = new SmackClients(host)) {
                XMPPConnection alice = clients.login("alice", "alice-pw");
                if (SmackClients.ping(alice, componentDomain()).getType() == IQ.Type.result) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
            } catch (Exception | AssertionError e) {
                last = e instanceof Exception ex ? ex : new Exception(e);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("component not served within " + limit, last);
    }

    private static String lastLine(String output) {
        String[] lines = output.strip().split("\\R");
        return lines[lines.length - 1];
    }
}
