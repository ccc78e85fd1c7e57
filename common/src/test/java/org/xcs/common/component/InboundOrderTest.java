package org.xcs.common.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xcs.common.component.RuntimeFixture.DOMAIN;
import static org.xcs.common.component.RuntimeFixture.FAST;
import static org.xcs.common.component.RuntimeFixture.params;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;

/** Whack's default pool reorders stanzas; ours must not (the per-entity executors rely on arrival order). */
class InboundOrderTest {

    private FakeComponentHost host;
    private ComponentRuntime runtime;

    @AfterEach
    void tearDown() {
        runtime.stop(Duration.ofMillis(100));
        host.stop();
    }

    @Test
    void fiveHundredInboundMessagesReachTheCoreInArrivalOrderOnOneThread() throws Exception {
        RecordingCore core = new RecordingCore();
        List<String> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
        core.onHandle(() -> threads.add(Thread.currentThread().getName()));
        attach(core);
        for (int i = 0; i < 500; i++) {
            host.sendToComponent(DOMAIN, message(i));
        }
        assertTrue(core.awaitHandled(500, Duration.ofSeconds(10)), "got " + core.handled().size());
        List<String> bodies = core.handled().stream().map(p -> ((Message) p).getBody()).toList();
        assertEquals(IntStream.range(0, 500).mapToObj(Integer::toString).toList(), bodies);
        assertEquals(1, threads.stream().distinct().count(), "one delivery thread");
    }

    @Test
    void aCoreThatThrowsDoesNotStopTheStream() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        RecordingCore core = new RecordingCore();
        core.onHandle(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("boom");
            }
        });
        attach(core);
        host.sendToComponent(DOMAIN, message(0));
        host.sendToComponent(DOMAIN, message(1));
        assertTrue(core.awaitHandled(2, Duration.ofSeconds(5)), "got " + core.handled().size());
        assertTrue(runtime.isConnected());
        assertEquals(0, runtime.counters().reconnects());
    }

    private void attach(RecordingCore core) throws Exception {
        host = RuntimeFixture.startedHost();
        runtime = ComponentRuntime.overWhack(params(host.port()), core, FAST);
        runtime.start();
    }

    private static Packet message(int i) {
        Message message = new Message();
        message.setFrom("alice@example.test/phone");
        message.setTo("room@" + DOMAIN);
        message.setType(Message.Type.groupchat);
        message.setBody(Integer.toString(i));
        return message;
    }
}
