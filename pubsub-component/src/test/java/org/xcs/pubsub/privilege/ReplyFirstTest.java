package org.xcs.pubsub.privilege;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.xcs.common.testing.RecordingSender;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Message;

/** XEP-0060 §7.1.2 through delegation: the outer reply leaves first, then what the request sent, as one batch. */
class ReplyFirstTest {
    private final RecordingSender wire = new RecordingSender();
    private final ReplyFirst replyFirst = new ReplyFirst(wire);

    @Test
    void heldStanzasLeaveRightAfterTheirReplyAsOneBatch() {
        IQ reply = new IQ(IQ.Type.result, "outer1");
        reply.setTo("example.test");
        replyFirst.holdUntilReply(reply, List.of(notification("n1"), notification("n2")));
        assertEquals(List.of(), wire.ids(), "nothing before the reply");
        replyFirst.send(reply);
        assertEquals(List.of("outer1", "n1", "n2"), wire.ids());
        assertEquals(List.of(1, 2), wire.batchSizes());
    }

    @Test
    void aBatchWithoutRepliesPassesAsOneBatch() {
        replyFirst.sendAll(List.of(notification("n1"), notification("n2"), notification("n3")));
        assertEquals(List.of(3), wire.batchSizes());
    }

    @Test
    void aBatchHoldingAReplyReleasesWhatWaitsForItRightAfterIt() {
        IQ reply = new IQ(IQ.Type.error, "outer1");
        reply.setTo("example.test");
        replyFirst.holdUntilReply(reply, List.of(notification("held")));
        replyFirst.sendAll(List.of(notification("before"), reply, notification("after")));
        assertEquals(List.of("before", "outer1", "held", "after"), wire.ids());
    }

    private static Message notification(String id) {
        Message m = new Message();
        m.setID(id);
        m.setTo("bob@example.test");
        return m;
    }
}
