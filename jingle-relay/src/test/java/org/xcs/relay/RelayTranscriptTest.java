package org.xcs.relay;

import java.time.Clock;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.xcs.common.launch.ComponentContext;
import org.xcs.common.store.InMemoryStore;
import org.xcs.common.testing.TranscriptRunner;
import org.xmpp.packet.JID;

class RelayTranscriptTest {
    @TestFactory
    Stream<DynamicTest> transcripts() {
        RelayModule module = new RelayModule();
        return TranscriptRunner.dynamicTests("transcripts/relay", sender -> module.create(new ComponentContext(
                new JID("relay.example.test"), sender, new InMemoryStore(module.schemaVersion()), Clock.systemUTC(),
                "1.2.3")));
    }
}
