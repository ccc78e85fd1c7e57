package org.xcs.pubsub.privilege;

import java.time.Clock;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.xcs.common.launch.ComponentContext;
import org.xcs.common.store.InMemoryStore;
import org.xcs.common.testing.TranscriptRunner;
import org.xcs.pubsub.PubSubModule;
import org.xcs.pubsub.PubSubOptions;
import org.xmpp.packet.JID;

/** The privilege layer's stanza paths, both wire versions, through the whole module over the PEP double. */
class PrivilegeTranscriptTest {
    @TestFactory
    Stream<DynamicTest> transcripts() {
        return TranscriptRunner.dynamicTests("transcripts/privilege", sender -> {
            PubSubModule module = new PubSubModule(new PubSubOptions(), new FakePep().factory());
            return module.create(new ComponentContext(new JID("pubsub.example.test"), sender,
                    new InMemoryStore(module.schemaVersion()), Clock.systemUTC(), "1.2.3"));
        });
    }
}
