package org.xcs.pubsub;

import java.time.Clock;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.xcs.common.launch.ComponentContext;
import org.xcs.common.store.InMemoryStore;
import org.xcs.common.testing.TranscriptRunner;
import org.xmpp.packet.JID;

class PubSubTranscriptTest {
    @TestFactory
    Stream<DynamicTest> transcripts() {
        PubSubModule module = new PubSubModule();
        return TranscriptRunner.dynamicTests("transcripts/pubsub", sender -> module.create(new ComponentContext(
                new JID("pubsub.example.test"), sender, new InMemoryStore(module.schemaVersion()), Clock.systemUTC(),
                "1.2.3")));
    }
}
