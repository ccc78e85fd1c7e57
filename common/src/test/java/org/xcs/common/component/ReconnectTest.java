package org.xcs.common.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xcs.common.component.RuntimeFixture.DOMAIN;
import static org.xcs.common.component.RuntimeFixture.FAST;
import static org.xcs.common.component.RuntimeFixture.params;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Message;

/** After start-up: losses are noticed quickly (stream end or XEP-0199 ping) and the runtime comes back. */
class ReconnectTest {

    private FakeComponentHost host;
    private RecordingCore core;
    private ComponentRuntime runtime;

    @BeforeEach
    void attach() throws Exception {
        host = RuntimeFixture.startedHost();
        core = new RecordingCore();
        runtime = ComponentRuntime.overWhack(params(host.port()), core, FAST);
        runtime.start();
    }

    @AfterEach
    void tearDown() {
        runtime.stop(Duration.ofMillis(100));
        host.stop();
    }

    @Test
    void aCleanCloseByTheHostIsNoticedAndTheRuntimeReconnectsAndReannounces() throws Exception {
        long closedAt = System.nanoTime();
        host.closeStreams();
        assertTrue(core.awaitConnections(2, Duration.ofSeconds(5)), "reconnected: " + runtime.counters());
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - closedAt);
        assertTrue(tookMillis < 3000, "back within a few seconds, took " + tookMillis + " ms");
        assertEquals(1, runtime.counters().reconnects());
        assertTrue(host.awaitSession(DOMAIN, Duration.ofSeconds(1)));
    }

    @Test
    void aHostRestartedOnTheSamePortIsServedAgainWithinTenSeconds() throws Exception {
        long stoppedAt = System.nanoTime();
        host.stop();
        Thread.sleep(1500); // the host is down for a while, like a real restart
        host.start();
        assertTrue(core.awaitConnections(2, Duration.ofSeconds(10)), "reconnected: " + runtime.counters());
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stoppedAt);
        assertTrue(tookMillis < 10_000, "served again after " + tookMillis + " ms");
        assertTrue(runtime.counters().failedConnectAttempts() >= 1, "attempts while the host was down");
        assertTrue(runtime.isConnected());
    }

    @Test
    void aDroppedSocketIsNoticedAndTheRuntimeReconnects() throws Exception {
        host.dropConnections();
        assertTrue(core.awaitConnections(2, Duration.ofSeconds(5)), "reconnected: " + runtime.counters());
        assertEquals(1, runtime.counters().reconnects());
    }

    @Test
    void aLinkWhosePingsGoUnansweredIsDroppedAndReplaced() throws Exception {
        assertTrue(RecordingCore.await(() -> host.pingsAnswered() >= 1, Duration.ofSeconds(3)), "pings flow");
        host.stopAnsweringPings();
        assertTrue(core.awaitConnections(2, Duration.ofSeconds(4)), "reconnected: " + runtime.counters());
        assertEquals(1, runtime.counters().pingFailures());
        assertEquals(1, runtime.counters().reconnects());
        int answeredBefore = host.pingsAnswered();
        assertTrue(RecordingCore.await(() -> host.pingsAnswered() > answeredBefore, Duration.ofSeconds(3)),
                "the new connection is pinged too");
    }

    @Test
    void aBusyHostWhosePongIsLateButWhichKeepsRoutingStanzasKeepsItsLink() throws Exception {
        assertTrue(RecordingCore.await(() -> host.pingsAnswered() >= 1, Duration.ofSeconds(3)), "pings flow");
        host.stopAnsweringPings();
        // Four ping timeouts (500 ms each) during which the host answers no ping but routes a stanza every 100 ms.
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(2_000);
        int sent = 0;
        while (System.nanoTime() < until) {
            Message message = new Message();
            message.setFrom("alice@example.test/phone");
            message.setTo("room@" + DOMAIN);
            message.setBody("still here " + sent++);
            host.sendToComponent(DOMAIN, message);
            Thread.sleep(100);
        }
        RuntimeCounters busy = runtime.counters();
        assertEquals(0, busy.pingFailures(), busy.toString());
        assertEquals(0, busy.reconnects(), busy.toString());
        assertTrue(busy.pingsLate() >= 2, "late pings counted: " + busy);
        int finalSent = sent;
        assertTrue(RecordingCore.await(() -> core.handled().size() >= finalSent, Duration.ofSeconds(2)),
                "every stanza reached the core: " + core.handled().size() + " of " + sent);
        // Silent from now on: the next unanswered ping ends the link.
        assertTrue(core.awaitConnections(2, Duration.ofSeconds(4)), "reconnected once silent: " + runtime.counters());
        assertEquals(1, runtime.counters().pingFailures());
    }

    @Test
    void aHostThatStopsReadingIsDroppedEvenWhileACoreThreadIsStuckWriting() throws Exception {
        host.freezeSessions();
        String kilobyte = "x".repeat(1024);
        Thread writer = new Thread(() -> {
            for (int i = 0; i < 20_000 && core.connections() < 2; i++) {
                Message message = new Message();
                message.setFrom(DOMAIN);
                message.setTo("alice@example.test/phone");
                message.setBody(kilobyte);
                runtime.sender().send(message); // blocks once the socket buffers are full
            }
        }, "stuck-writer");
        writer.setDaemon(true);
        writer.start();
        assertTrue(RecordingCore.await(() -> runtime.counters().pingFailures() >= 1 && !runtime.isConnected(),
                Duration.ofSeconds(5)), "the unanswered ping ended the link: " + runtime.counters());
        writer.join(5_000);
        assertTrue(!writer.isAlive(), "the stuck write was released");
        host.dropConnections(); // the host too notices its stale session, which until now answered conflict
        assertTrue(core.awaitConnections(2, Duration.ofSeconds(5)), "reconnected: " + runtime.counters());
    }

    @Test
    void pingsGoToTheParentDomainAndTheirRepliesNeverReachTheCore() throws Exception {
        assertTrue(RecordingCore.await(() -> host.pingsAnswered() >= 3, Duration.ofSeconds(4)),
                "the host (" + host.hostDomain() + ") answered pings: " + runtime.counters());
        assertEquals(0, runtime.counters().pingFailures());
        assertEquals(0, runtime.counters().reconnects());
        assertTrue(core.handled().stream().noneMatch(p -> p instanceof IQ), core.handled().toString());
    }
}
