package org.xcs.common.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xcs.common.component.RuntimeFixture.DOMAIN;
import static org.xcs.common.component.RuntimeFixture.FAST;
import static org.xcs.common.component.RuntimeFixture.params;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;
import org.xmpp.packet.PacketError;

/** The in-process half of the SIGTERM path: drain, refuse late stanzas, close the stream, stay closed. */
class StopTest {

    private FakeComponentHost host;
    private ComponentRuntime runtime;

    @AfterEach
    void tearDown() {
        if (runtime != null) {
            runtime.stop(Duration.ofMillis(100));
        }
        if (host != null) {
            host.stop();
        }
    }

    @Test
    void stopDrainsTheCoreSendsWhatItEmitsThenClosesTheStreamAndStaysClosed() throws Exception {
        RecordingCore core = new RecordingCore();
        attach(core);
        core.onDrain(() -> runtime.sender().send(message("last words")));
        runtime.stop(Duration.ofSeconds(1));
        assertEquals(1, core.drains());
        assertEquals(List.of("last words"), host.awaitReceived(p -> p instanceof Message, 1, Duration.ofSeconds(2))
                .stream().map(p -> ((Message) p).getBody()).toList());
        assertTrue(RecordingCore.await(() -> host.streamsClosedByComponents() == 1, Duration.ofSeconds(2)),
                "closed with </stream:stream>");
        assertFalse(runtime.isConnected());
        Thread.sleep(600);
        assertEquals(1, host.handshakesAccepted(), "no reconnect after stop");
    }

    @Test
    void anIqArrivingWhileTheCoreDrainsIsAnsweredRecipientUnavailableAndNotHandled() throws Exception {
        RecordingCore core = new RecordingCore();
        attach(core);
        CountDownLatch draining = new CountDownLatch(1);
        CountDownLatch refusalSeen = new CountDownLatch(1);
        core.onDrain(() -> {
            draining.countDown();
            try {
                refusalSeen.await(3, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> runtime.stop(Duration.ofSeconds(3)));
        assertTrue(draining.await(2, TimeUnit.SECONDS));

        IQ request = new IQ(IQ.Type.get, "late-1");
        request.setFrom("alice@example.test/phone");
        request.setTo(DOMAIN);
        request.setChildElement("query", "http://jabber.org/protocol/disco#info");
        host.sendToComponent(DOMAIN, request);
        List<Packet> errors = host.awaitReceived(p -> p instanceof IQ iq && "late-1".equals(iq.getID()), 1,
                Duration.ofSeconds(2));
        refusalSeen.countDown();
        stopping.get(5, TimeUnit.SECONDS);

        assertEquals(1, errors.size(), host.toString());
        IQ error = (IQ) errors.get(0);
        assertEquals(IQ.Type.error, error.getType());
        assertEquals(PacketError.Condition.recipient_unavailable, error.getError().getCondition());
        assertEquals(PacketError.Type.wait, error.getError().getType());
        assertEquals("alice@example.test/phone", error.getTo().toString());
        assertTrue(core.handled().isEmpty(), "the draining core got nothing new");
        assertEquals(1, runtime.counters().inboundRefused());
    }

    @Test
    void aSecondStopWaitsForTheFirstAndDrainsNothingTwice() throws Exception {
        RecordingCore core = new RecordingCore();
        attach(core);
        runtime.stop(Duration.ofSeconds(1));
        runtime.stop(Duration.ofSeconds(1));
        assertEquals(1, core.drains());
    }

    @Test
    void stopWhileWaitingForTheHostEndsStartUpWithExitCodeZero() throws Exception {
        RecordingCore core = new RecordingCore();
        runtime = ComponentRuntime.overWhack(params(RuntimeFixture.closedPort()), core, FAST.withWaitForHost(true));
        CompletableFuture<StartupFailure> start = CompletableFuture.supplyAsync(
                () -> assertThrows(StartupFailure.class, runtime::start));
        Thread.sleep(400);
        runtime.stop(Duration.ofMillis(100));
        StartupFailure failure = start.get(3, TimeUnit.SECONDS);
        assertEquals(ExitCode.OK, failure.exitCode());
        assertEquals(1, core.drains());
    }

    private void attach(RecordingCore core) throws Exception {
        host = RuntimeFixture.startedHost();
        runtime = ComponentRuntime.overWhack(params(host.port()), core, FAST);
        runtime.start();
    }

    private static Packet message(String body) {
        Message message = new Message();
        message.setFrom(DOMAIN);
        message.setTo("alice@example.test/phone");
        message.setBody(body);
        return message;
    }
}
