package org.xcs.common.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xcs.common.component.RuntimeFixture.DOMAIN;
import static org.xcs.common.component.RuntimeFixture.FAST;
import static org.xcs.common.component.RuntimeFixture.SECRET;
import static org.xcs.common.component.RuntimeFixture.params;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Start-up over Whack against the fake host: each failure ends with its exit code, quickly. */
class StartupTest {

    private static final Duration BOUND = Duration.ofSeconds(5);
    private final List<ComponentRuntime> runtimes = new ArrayList<>();
    private final List<FakeComponentHost> hosts = new ArrayList<>();

    @AfterEach
    void tearDown() {
        runtimes.forEach(r -> r.stop(Duration.ofMillis(100)));
        hosts.forEach(FakeComponentHost::stop);
    }

    @Test
    void attachesWithTheRightSecretAndCallsOnConnectedOnce() throws Exception {
        FakeComponentHost host = host();
        RecordingCore core = new RecordingCore();
        ComponentRuntime runtime = runtime(params(host.port()), core, FAST);
        assertTimeoutPreemptively(BOUND, runtime::start);
        assertTrue(runtime.isConnected());
        assertEquals(1, core.connections());
        assertTrue(host.isConnected(DOMAIN));
    }

    @Test
    void aWrongSecretEndsStartUpWithNotAuthorized() throws Exception {
        FakeComponentHost host = host();
        String wrong = "wrong-secret-1b2c";
        StartupFailure failure = startFails(params(host.port(), DOMAIN, wrong), FAST);
        assertEquals(ExitCode.NOT_AUTHORIZED, failure.exitCode());
        assertTrue(failure.getMessage().contains("not-authorized"), failure.getMessage());
        assertTrue(!failure.getMessage().contains(wrong), failure.getMessage());
    }

    @Test
    void aDomainTheHostDoesNotServeEndsStartUpWithHostUnknown() throws Exception {
        FakeComponentHost host = host();
        StartupFailure failure = startFails(params(host.port(), "pubsub.example.test", SECRET), FAST);
        assertEquals(ExitCode.HOST_UNKNOWN, failure.exitCode());
        assertTrue(failure.getMessage().contains("pubsub.example.test"), failure.getMessage());
    }

    @Test
    void aSecondConnectionForTheSameDomainEndsStartUpWithConflict() throws Exception {
        FakeComponentHost host = host();
        ComponentRuntime first = runtime(params(host.port()), new RecordingCore(), FAST);
        first.start();
        StartupFailure failure = startFails(params(host.port()), FAST);
        assertEquals(ExitCode.CONFLICT, failure.exitCode());
        assertTrue(first.isConnected(), "the first connection is untouched");
    }

    @Test
    void nothingListeningEndsStartUpWithHostUnreachable() throws Exception {
        StartupFailure failure = startFails(params(RuntimeFixture.closedPort()), FAST);
        assertEquals(ExitCode.HOST_UNREACHABLE, failure.exitCode());
        assertTrue(failure.getMessage().contains("--wait-for-host"), failure.getMessage());
    }

    @Test
    void aHostThatAcceptsTcpButNeverAnswersEndsStartUpWithHandshakeTimeout() throws Exception {
        FakeComponentHost host = host();
        host.setSilent(true);
        long began = System.nanoTime();
        StartupFailure failure = startFails(params(host.port()), FAST);
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
        assertEquals(ExitCode.HANDSHAKE_TIMEOUT, failure.exitCode());
        assertTrue(tookMillis >= 900, "waited for the 1 s handshake timeout, took " + tookMillis + " ms");
    }

    @Test
    void waitingForTheHostDoesNotRetryConfigurationErrors() throws Exception {
        FakeComponentHost host = host();
        ComponentRuntime runtime = runtime(params(host.port(), DOMAIN, "wrong"), new RecordingCore(),
                FAST.withWaitForHost(true));
        StartupFailure failure = assertTimeoutPreemptively(BOUND,
                () -> assertThrows(StartupFailure.class, runtime::start));
        assertEquals(ExitCode.NOT_AUTHORIZED, failure.exitCode());
        assertEquals(1, host.handshakesRefused());
        assertEquals(1, runtime.counters().failedConnectAttempts());
    }

    @Test
    void waitingForTheHostAttachesOnceItStartsListening() throws Exception {
        FakeComponentHost host = host();
        host.stop(); // keeps its port, now refusing connections
        RecordingCore core = new RecordingCore();
        ComponentRuntime runtime = runtime(params(host.port()), core, FAST.withWaitForHost(true));
        CompletableFuture<Void> started = CompletableFuture.runAsync(() -> {
            try {
                runtime.start();
            } catch (StartupFailure e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(700);
        assertTrue(!started.isDone(), "still waiting while nothing listens");
        host.start();
        started.get(5, TimeUnit.SECONDS);
        assertTrue(runtime.isConnected());
        assertEquals(1, core.connections());
        assertTrue(runtime.counters().failedConnectAttempts() >= 2, runtime.counters().toString());
    }

    @Test
    void withoutWaitingAHostThatIsDownFailsAtOnce() throws Exception {
        FakeComponentHost host = host();
        host.stop();
        StartupFailure failure = startFails(params(host.port()), FAST.withWaitForHost(false));
        assertEquals(ExitCode.HOST_UNREACHABLE, failure.exitCode());
    }

    private StartupFailure startFails(ConnectParams params, RuntimeSettings settings) {
        ComponentRuntime runtime = runtime(params, new RecordingCore(), settings);
        return assertTimeoutPreemptively(BOUND, () -> assertThrows(StartupFailure.class, runtime::start));
    }

    private FakeComponentHost host() throws Exception {
        FakeComponentHost host = RuntimeFixture.startedHost();
        hosts.add(host);
        return host;
    }

    private ComponentRuntime runtime(ConnectParams params, ComponentCore core, RuntimeSettings settings) {
        ComponentRuntime runtime = ComponentRuntime.overWhack(params, core, settings);
        runtimes.add(runtime);
        return runtime;
    }
}
