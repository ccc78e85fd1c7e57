package org.xcs.common.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;

class RecordingSenderTest {
    private final RecordingSender sender = new RecordingSender();

    private static Message message(String body) {
        Message m = new Message();
        m.setTo("a@example.test");
        m.setBody(body);
        return m;
    }

    @Test
    void packetsSentFromAnotherThreadAreTakenInOrder() throws InterruptedException {
        Thread t = new Thread(() -> List.of("1", "2", "3").forEach(b -> sender.send(message(b))));
        t.start();
        List<Packet> got = sender.await(3, Duration.ofSeconds(10));
        t.join();
        assertEquals(List.of("1", "2", "3"), got.stream().map(p -> ((Message) p).getBody()).toList());
        sender.assertNothingMore(Duration.ZERO);
    }

    @Test
    void aPacketChangedAfterSendingIsRecordedAsSent() {
        Message m = message("before");
        sender.send(m);
        m.setBody("after");
        assertEquals("before", ((Message) sender.next(Duration.ofSeconds(1))).getBody());
    }

    @Test
    void waitingForMoreThanWasSentFails() {
        sender.send(message("only"));
        assertThrows(AssertionFailedError.class, () -> sender.await(2, Duration.ofMillis(50)));
    }

    @Test
    void anUntakenPacketFailsTheFinalCheck() {
        sender.send(message("left over"));
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> sender.assertNothingMore(Duration.ZERO));
        assertEquals(true, e.getMessage().contains("left over"));
    }
}
