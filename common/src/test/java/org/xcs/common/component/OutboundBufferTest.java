package org.xcs.common.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xcs.common.component.RuntimeFixture.DOMAIN;
import static org.xcs.common.component.RuntimeFixture.FAST;
import static org.xcs.common.component.RuntimeFixture.params;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;

/** Stanzas the core sends while the host is away are kept (bounded) and delivered in order after reconnect. */
class OutboundBufferTest {

    private FakeComponentHost host;
    private ComponentRuntime runtime;

    @AfterEach
    void tearDown() {
        runtime.stop(Duration.ofMillis(100));
        host.stop();
    }

    @Test
    void stanzasSentDuringAnOutageArriveAfterReconnectInOrder() throws Exception {
        RecordingCore core = attach(FAST);
        PacketSender sender = runtime.sender();
        sender.send(message("before"));
        host.stop();
        assertTrue(RecordingCore.await(() -> !runtime.isConnected(), Duration.ofSeconds(3)), "outage noticed");
        for (int i = 0; i < 50; i++) {
            sender.send(message("during-" + i));
        }
        assertEquals(50, runtime.counters().outboundBuffered());
        host.start();
        assertTrue(core.awaitConnections(2, Duration.ofSeconds(5)), runtime.counters().toString());
        sender.send(message("after"));
        List<String> bodies = bodies(host.awaitReceived(p -> p instanceof Message, 52, Duration.ofSeconds(5)));
        List<String> expected = new java.util.ArrayList<>(List.of("before"));
        IntStream.range(0, 50).mapToObj(i -> "during-" + i).forEach(expected::add);
        expected.add("after");
        assertEquals(expected, bodies);
        assertEquals(0, runtime.counters().outboundDropped());
    }

    @Test
    void anOverflowingBufferDropsNewerStanzasAndCountsThem() throws Exception {
        RecordingCore core = attach(FAST.withOutboundBufferCapacity(5));
        host.stop();
        assertTrue(RecordingCore.await(() -> !runtime.isConnected(), Duration.ofSeconds(3)), "outage noticed");
        for (int i = 0; i < 8; i++) {
            runtime.sender().send(message("m" + i));
        }
        assertEquals(3, runtime.counters().outboundDropped());
        host.start();
        assertTrue(core.awaitConnections(2, Duration.ofSeconds(5)), runtime.counters().toString());
        List<String> bodies = bodies(host.awaitReceived(p -> p instanceof Message, 5, Duration.ofSeconds(5)));
        assertEquals(List.of("m0", "m1", "m2", "m3", "m4"), bodies);
        Thread.sleep(200);
        assertFalse(bodies(host.received()).contains("m5"), "dropped stanzas never show up");
    }

    @Test
    void aBatchLargerThanOneWriteArrivesWholeAndInOrder() throws Exception {
        RecordingCore core = attach(FAST);
        assertTrue(core.awaitConnections(1, Duration.ofSeconds(5)), "attached: the batch goes through the socket");
        // 400 stanzas of about 300 bytes with non-ASCII text and markup to escape: several writes of a batch.
        List<Packet> batch = IntStream.range(0, 400)
                .mapToObj(i -> message("m" + i + " <é&ü> " + "x".repeat(250))).toList();
        assertTrue(batch.stream().mapToInt(m -> m.toXML().length()).sum() > 4 * WhackTransport.BATCH_BYTES);
        runtime.sender().send(message("first"));
        runtime.sender().sendAll(batch);
        runtime.sender().send(message("last"));
        List<String> bodies = bodies(host.awaitReceived(p -> p instanceof Message, 402, Duration.ofSeconds(5)));
        List<String> expected = new java.util.ArrayList<>(List.of("first"));
        batch.forEach(m -> expected.add(((Message) m).getBody()));
        expected.add("last");
        assertEquals(expected.size(), bodies.size(), "every stanza of the batch arrived");
        assertEquals(expected, bodies);
        assertEquals(0, runtime.counters().outboundBuffered());
    }

    private RecordingCore attach(RuntimeSettings settings) throws Exception {
        host = RuntimeFixture.startedHost();
        RecordingCore core = new RecordingCore();
        runtime = ComponentRuntime.overWhack(params(host.port()), core, settings);
        runtime.start();
        return core;
    }

    private static List<String> bodies(List<Packet> packets) {
        return packets.stream().filter(p -> p instanceof Message).map(p -> ((Message) p).getBody()).toList();
    }

    private static Packet message(String body) {
        Message message = new Message();
        message.setFrom(DOMAIN);
        message.setTo("alice@example.test/phone");
        message.setBody(body);
        return message;
    }
}
