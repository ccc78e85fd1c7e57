package org.xcs.common.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.jivesoftware.smack.StanzaCollector;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.iqversion.VersionManager;
import org.jivesoftware.smackx.iqversion.packet.Version;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What the harness promises for every host kind; ProsodyHostTest and EjabberdHostTest run it on a real server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HostHarnessContract {
    static final String DOMAIN = "example.test";
    static final String MUC = "muc.example.test";
    static final String PUBSUB = "pubsub.example.test";
    static final String MUC_SECRET = "muc-s3cret";
    static final String PUBSUB_SECRET = "pubsub-s3cret";

    private TestHost host;

    /** Fails (or skips with -DskipHostTests) before any host is built. */
    abstract void requireInstalled();

    /** A stopped host for {@link #DOMAIN} declaring {@link #MUC} and {@link #PUBSUB} with their secrets. */
    abstract TestHost newHost();

    @BeforeAll
    void startSharedHost() {
        requireInstalled();
        host = newHost();
        host.start();
        host.addUser("alice", "alice-pw");
        host.addUser("bob", "bob-pw");
    }

    @AfterAll
    void stopSharedHost() {
        if (host != null) {
            host.close();
        }
    }

    @Test
    void twoRegisteredUsersLogInAndExchangeAMessage() throws Exception {
        try (SmackClients clients = new SmackClients(host)) {
            XMPPTCPConnection alice = clients.login("alice", "alice-pw", "desk");
            XMPPTCPConnection bob = clients.login("bob", "bob-pw", "phone");
            StanzaCollector inbox = bob.createStanzaCollector(StanzaTypeFilter.MESSAGE);
            Message hello = StanzaBuilder.buildMessage().to(SmackClients.jid("bob@" + DOMAIN + "/phone"))
                    .ofType(Message.Type.chat).setBody("hello bob").build();
            alice.sendStanza(hello);

            Message received = inbox.nextResult(SmackClients.REPLY_TIMEOUT.toMillis());
            inbox.cancel();
            assertNotNull(received, "bob got no message within " + SmackClients.REPLY_TIMEOUT);
            assertEquals("hello bob", received.getBody());
            assertEquals("alice@" + DOMAIN + "/desk", received.getFrom().toString());
        }
    }

    @Test
    void clientChecksGoThroughTheHost() throws Exception {
        try (SmackClients clients = new SmackClients(host)) {
            XMPPTCPConnection alice = clients.login("alice", "alice-pw", "desk");
            XMPPTCPConnection bob = clients.login("bob", "bob-pw", "phone");
            VersionManager.getInstanceFor(bob).setVersion("harness-peer", "1.2.3");

            assertEquals(IQ.Type.result, SmackClients.ping(alice, DOMAIN).getType());
            assertTrue(SmackClients.discoInfo(alice, DOMAIN).containsFeature("urn:xmpp:ping"));
            Version version = SmackClients.version(alice, "bob@" + DOMAIN + "/phone");
            // Smack appends its own version to the name it answers with.
            assertTrue(version.getName().startsWith("harness-peer"), version.getName());
            assertEquals("1.2.3", version.getVersion());
        }
    }

    // XEP-0199 §4.3 lets a client treat some errors as a pong; our helper must not, or a component that
    // does not answer pings would pass. Observed: Prosody answers remote-server-timeout ("Component
    // unavailable"), ejabberd with s2s off answers forbidden ("Access denied by service policy").
    @Test
    void pingOfADeclaredButDetachedComponentFailsWithTheHostsError() {
        try (SmackClients clients = new SmackClients(host)) {
            XMPPTCPConnection alice = clients.login("alice", "alice-pw");
            XMPPException.XMPPErrorException error = assertThrows(XMPPException.XMPPErrorException.class,
                    () -> SmackClients.ping(alice, MUC));
            assertEquals(MUC, error.getStanza().getFrom().toString(), error.toString());
        }
    }

    @Test
    void componentPortAcceptsADeclaredComponentWithItsSecret() {
        try (RawComponent muc = RawComponent.attach(host.componentPort(MUC), MUC, MUC_SECRET);
             RawComponent pubsub = RawComponent.attach(host.componentPort(PUBSUB), PUBSUB, PUBSUB_SECRET)) {
            assertEquals(Optional.empty(), muc.streamError());
            assertEquals(Optional.empty(), pubsub.streamError());
            assertTrue(muc.accepted() && pubsub.accepted());
        }
    }

    @Test
    void componentPortRefusesAWrongSecretWithNotAuthorized() {
        try (RawComponent muc = RawComponent.attach(host.componentPort(MUC), MUC, "not-the-secret")) {
            assertFalse(muc.accepted());
            assertEquals(Optional.of("not-authorized"), muc.streamError());
        }
    }

    @Test
    void componentPortRefusesAnUndeclaredDomain() {
        try (RawComponent stranger = RawComponent.attach(host.componentPort(MUC), "stranger." + DOMAIN, MUC_SECRET)) {
            assertFalse(stranger.accepted(), "an undeclared component domain was accepted");
        }
    }

    @Test
    void restartKeepsThePortsAndTheUsers() throws Exception {
        int c2s = host.c2sPort();
        int mucPort = host.componentPort(MUC);
        int pubsubPort = host.componentPort(PUBSUB);
        long pidBefore = host.processes().get(0).pid();

        host.restart();

        assertTrue(host.isRunning());
        assertTrue(host.processes().get(0).pid() != pidBefore, "restart did not start a new process");
        assertEquals(c2s, host.c2sPort());
        assertEquals(mucPort, host.componentPort(MUC));
        assertEquals(pubsubPort, host.componentPort(PUBSUB));
        try (SmackClients clients = new SmackClients(host)) {
            assertTrue(clients.login("alice", "alice-pw").isAuthenticated());
        }
        try (RawComponent muc = RawComponent.attach(mucPort, MUC, MUC_SECRET)) {
            assertTrue(muc.accepted(), "component refused after restart: " + muc.streamError());
        }
    }

    @Test
    void closeStopsEveryProcessOfTheHostAndDeletesItsDirectory() throws Exception {
        TestHost own = newHost();
        List<ProcessHandle> processes;
        Path dir;
        try {
            own.start();
            processes = own.processes();
            dir = own.directory();
            assertFalse(processes.isEmpty());
            assertTrue(processes.stream().allMatch(ProcessHandle::isAlive));
            assertSpawnedProcessesAreTracked(processes);
        } finally {
            own.close();
        }
        assertFalse(own.isRunning());
        assertEquals(List.of(), own.processes());
        assertEquals(List.of(), processes.stream().filter(ProcessHandle::isAlive).toList(),
                "processes of the host outlived close()");
        if (!Boolean.getBoolean("xcs.keepHostDirs")) {
            assertFalse(Files.exists(dir), "host dir not deleted: " + dir);
        }
    }

    /** Hook for host kinds whose server runs below a launcher (ejabberdctl -> su -> beam). */
    void assertSpawnedProcessesAreTracked(List<ProcessHandle> processes) {
    }

    TestHost host() {
        return host;
    }
}
