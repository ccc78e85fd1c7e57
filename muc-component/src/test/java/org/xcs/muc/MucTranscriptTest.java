package org.xcs.muc;

import java.time.Clock;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.xcs.common.launch.ComponentContext;
import org.xcs.common.store.InMemoryStore;
import org.xcs.common.testing.TranscriptRunner;
import org.xmpp.packet.JID;

class MucTranscriptTest {
    @TestFactory
    Stream<DynamicTest> transcripts() {
        MucModule module = new MucModule();
        return TranscriptRunner.dynamicTests("transcripts/muc", sender -> module.create(new ComponentContext(
                new JID("muc.example.test"), sender, new InMemoryStore(module.schemaVersion()), Clock.systemUTC(),
                "1.2.3")));
    }
}
