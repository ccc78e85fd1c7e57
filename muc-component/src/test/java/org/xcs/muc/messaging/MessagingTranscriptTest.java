package org.xcs.muc.messaging;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.xcs.common.testing.TranscriptRunner;

/** The messaging transcripts, each run against a fresh {@link MessagingWorld} (rooms already occupied). */
class MessagingTranscriptTest {
    @TestFactory
    Stream<DynamicTest> transcripts() {
        return TranscriptRunner.dynamicTests("org/xcs/muc/messaging/transcripts",
                sender -> new MessagingWorld(sender).router);
    }
}
