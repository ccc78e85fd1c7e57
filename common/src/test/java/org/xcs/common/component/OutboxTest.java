package org.xcs.common.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;

class OutboxTest {

    private final List<Transport> failedTransports = new ArrayList<>();
    private final Outbox outbox = new Outbox("muc.example.test", 3, (t, e) -> failedTransports.add(t));

    @Test
    void whileDetachedStanzasWaitAndGoOutInOrderOnAttach() {
        outbox.send(message("a"));
        outbox.send(message("b"));
        assertEquals(2, outbox.buffered());
        RecordingTransport transport = new RecordingTransport();
        assertTrue(outbox.attach(transport));
        outbox.send(message("c"));
        assertEquals(List.of("a", "b", "c"), transport.bodies());
        assertEquals(0, outbox.buffered());
        assertEquals(2, outbox.bufferedTotal());
    }

    @Test
    void beyondCapacityNewerStanzasAreDroppedAndCounted() {
        for (String body : List.of("a", "b", "c", "d", "e")) {
            outbox.send(message(body));
        }
        assertEquals(3, outbox.buffered());
        assertEquals(2, outbox.dropped());
        RecordingTransport transport = new RecordingTransport();
        outbox.attach(transport);
        assertEquals(List.of("a", "b", "c"), transport.bodies());
    }

    @Test
    void aFailedWriteKeepsTheStanzaForTheNextConnectionAndReportsTheTransport() {
        RecordingTransport broken = new RecordingTransport();
        outbox.attach(broken);
        broken.failing = true;
        outbox.send(message("a"));
        outbox.send(message("b"));
        assertEquals(List.of(broken), failedTransports, "reported once: the second send was already buffered");
        assertEquals(2, outbox.buffered());
        RecordingTransport next = new RecordingTransport();
        outbox.attach(next);
        assertEquals(List.of("a", "b"), next.bodies());
    }

    @Test
    void aWriteFailingDuringTheFlushLeavesTheRestBufferedAndDetached() {
        outbox.send(message("a"));
        outbox.send(message("b"));
        RecordingTransport broken = new RecordingTransport();
        broken.failAfter = 1;
        assertFalse(outbox.attach(broken));
        assertEquals(List.of("a"), broken.bodies());
        assertEquals(1, outbox.buffered());
        outbox.send(message("c"));
        assertEquals(List.of("a"), broken.bodies(), "not attached: c waits behind b");
        RecordingTransport next = new RecordingTransport();
        outbox.attach(next);
        assertEquals(List.of("b", "c"), next.bodies());
    }

    @Test
    void detachingAnotherTransportChangesNothing() {
        RecordingTransport live = new RecordingTransport();
        outbox.attach(live);
        outbox.detach(new RecordingTransport());
        outbox.send(message("a"));
        assertEquals(List.of("a"), live.bodies());
    }

    @Test
    void aBatchGoesToTheTransportAsOneBatchInOrder() {
        RecordingTransport live = new RecordingTransport();
        outbox.attach(live);
        outbox.sendAll(List.of(message("a"), message("b"), message("c")));
        assertEquals(List.of("a", "b", "c"), live.bodies());
        assertEquals(1, live.batches);
        assertEquals(0, outbox.buffered());
    }

    @Test
    void aBatchFailingPartWayKeepsWhatWasNotWrittenForTheNextConnection() {
        Outbox roomy = new Outbox("muc.example.test", 10, (t, e) -> failedTransports.add(t));
        RecordingTransport broken = new RecordingTransport();
        roomy.attach(broken);
        broken.failAfter = 2;
        roomy.sendAll(List.of(message("a"), message("b"), message("c"), message("d")));
        assertEquals(List.of("a", "b"), broken.bodies());
        assertEquals(List.of(broken), failedTransports);
        assertEquals(2, roomy.buffered(), "c and d, not a and b again");
        roomy.send(message("e"));
        RecordingTransport next = new RecordingTransport();
        roomy.attach(next);
        assertEquals(List.of("c", "d", "e"), next.bodies());
    }

    @Test
    void aBatchWhileDetachedWaitsBehindWhatIsAlreadyBuffered() {
        Outbox roomy = new Outbox("muc.example.test", 10, (t, e) -> failedTransports.add(t));
        roomy.send(message("a"));
        roomy.sendAll(List.of(message("b"), message("c")));
        RecordingTransport next = new RecordingTransport();
        roomy.attach(next);
        roomy.sendAll(List.of(message("d")));
        assertEquals(List.of("a", "b", "c", "d"), next.bodies());
        assertEquals(List.of(), failedTransports);
    }

    @Test
    void anEmptyBatchDoesNotTouchTheConnection() {
        RecordingTransport down = new RecordingTransport();
        outbox.attach(down);
        down.failing = true;
        outbox.sendAll(List.of());
        assertEquals(0, down.batches);
        assertEquals(List.of(), failedTransports);
    }

    @Test
    void afterCloseStanzasAreCountedAsDropped() {
        outbox.send(message("never sent"));
        outbox.close();
        outbox.send(message("too late"));
        assertEquals(2, outbox.dropped());
        assertEquals(0, outbox.buffered());
    }

    private static Packet message(String body) {
        Message message = new Message();
        message.setTo("alice@example.test");
        message.setBody(body);
        return message;
    }

    private static final class RecordingTransport implements Transport {
        final List<Packet> sent = new ArrayList<>();
        boolean failing;
        int failAfter = Integer.MAX_VALUE;
        int batches;

        @Override
        public void connect(ConnectParams params, PacketHandler inbound, Consumer<Throwable> onLost) {
        }

        @Override
        public void send(Packet packet) {
            if (failing || sent.size() >= failAfter) {
                throw new UncheckedIOException(new IOException("broken pipe"));
            }
            sent.add(packet);
        }

        @Override
        public void sendAll(List<? extends Packet> packets) {
            batches++;
            Transport.super.sendAll(packets);
        }

        @Override
        public boolean isConnected() {
            return !failing;
        }

        @Override
        public void close() {
        }

        List<String> bodies() {
            return sent.stream().map(p -> ((Message) p).getBody()).toList();
        }
    }
}
