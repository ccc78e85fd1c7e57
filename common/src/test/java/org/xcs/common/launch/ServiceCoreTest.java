package org.xcs.common.launch;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.TimeZone;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.xcs.common.disco.Identity;
import org.xcs.common.store.InMemoryStore;
import org.xcs.common.testing.TranscriptRunner;
import org.xmpp.packet.JID;

class ServiceCoreTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T13:00:00Z"), ZoneOffset.UTC);
    private static TimeZone previous;

    @BeforeAll
    static void utc() {
        previous = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("UTC")); // XEP-0202 tzo in the transcript
    }

    @AfterAll
    static void restore() {
        TimeZone.setDefault(previous);
    }

    @TestFactory
    Stream<DynamicTest> everyComponentAnswersTheServiceBasics() {
        return TranscriptRunner.dynamicTests("transcripts/service", sender -> new ServiceCore(
                new ComponentContext(new JID("svc.example.test"), sender, new InMemoryStore(), CLOCK, "9.9.9"),
                "xcs-test", new Identity("test", "service", "Test service")));
    }
}
