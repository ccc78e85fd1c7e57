package org.xcs.pubsub.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.xcs.common.testing.RecordingSender;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Message;

/** XEP-0060 §7.1.2: the publisher's result leaves first, then the notifications, as one batch. */
class AfterReplyTest {
    private final RecordingSender wire = new RecordingSender();
    private final AfterReply after = new AfterReply(wire);

    @Test
    void notificationsWaitForTheReplyThenLeaveAsOneBatch() {
        IQ publish = request("pub1");
        after.afterReplyTo(publish, List.of(notification("n1"), notification("n2"), notification("n3")));
        assertEquals(List.of(), wire.ids(), "nothing before the reply");
        after.send(IQ.createResultIQ(publish));
        assertEquals(List.of("pub1", "n1", "n2", "n3"), wire.ids());
        assertEquals(List.of(1, 3), wire.batchSizes(), "the reply alone, then the notifications in one batch");
    }

    @Test
    void aBatchOfNotificationsPassesAsOneBatch() {
        after.sendAll(List.of(notification("n1"), notification("n2")));
        assertEquals(List.of(2), wire.batchSizes());
    }

    @Test
    void aBatchHoldingAReplyReleasesWhatWaitsForItRightAfterIt() {
        IQ publish = request("pub1");
        after.afterReplyTo(publish, List.of(notification("held")));
        after.sendAll(List.of(notification("before"), IQ.createResultIQ(publish), notification("after")));
        assertEquals(List.of("before", "pub1", "held", "after"), wire.ids());
    }

    private static IQ request(String id) {
        IQ iq = new IQ(IQ.Type.set, id);
        iq.setFrom("alice@example.test/phone");
        iq.setTo("pubsub.example.test");
        return iq;
    }

    private static Message notification(String id) {
        Message m = new Message();
        m.setID(id);
        m.setTo("bob@example.test");
        return m;
    }
}
