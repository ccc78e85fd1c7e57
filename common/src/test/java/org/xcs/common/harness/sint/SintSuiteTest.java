package org.xcs.common.harness.sint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.xcs.common.harness.sint.SintOutcome.Status;
import org.xcs.common.harness.sint.SintSuite.RaceSite;

/** A known client race counts as passed only when it showed at its registered line in every run. */
class SintSuiteTest {
    private static final SintTestId RACY = new SintTestId("org.example.RoomIntegrationTest", "fullRoomTest");
    private static final SintTestId OTHER = new SintTestId("org.example.RoomIntegrationTest", "otherTest");
    private static final String SITE = "RoomIntegrationTest.java:752";
    private static final SintSuite SUITE = SintSuite.of("XEP-0045", "conference")
            .withKnownClientRaceAt(RACY.toString(), new RaceSite(SITE, "OurTest.fullRoom"), "the wait races")
            .withKnownClientRace(OTHER.toString(), "another race");

    private static SintOutcome failed(SintTestId test) {
        return new SintOutcome(test, "", Status.FAILED, "TimeoutException: Timeout after 5000ms", 5100);
    }

    @Test
    void aRaceAtItsSiteInEveryRunCountsAsPassedAndNamesTheTestThatCoversTheRest() {
        SintOutcome settled = SUITE.settle(failed(RACY), List.of(SITE, SITE, SITE, SITE), 4);

        assertEquals(Status.PASSED, settled.status());
        assertTrue(settled.reason().contains("failed in all 4 runs at " + SITE), settled.reason());
        assertTrue(settled.reason().contains("OurTest.fullRoom"), settled.reason());
    }

    @Test
    void oneRunThatFailedAnywhereElseKeepsTheFailure() {
        SintOutcome first = failed(RACY);

        assertSame(first, SUITE.settle(first, List.of(SITE, "RoomIntegrationTest.java:724", SITE, SITE), 4));
    }

    @Test
    void aRunWithoutAResultOrFewerRunsThanDueKeepTheFailure() {
        SintOutcome first = failed(RACY);

        assertSame(first, SUITE.settle(first, List.of(SITE, "", SITE, SITE), 4));
        assertSame(first, SUITE.settle(first, List.of(SITE, SITE), 4));
    }

    @Test
    void aRaceWithoutASiteKeepsTheFailure() {
        SintOutcome first = failed(OTHER);

        assertSame(first, SUITE.settle(first, List.of(SITE, SITE, SITE, SITE), 4));
    }

    @Test
    void theSiteIsTheFirstFrameInSintTestCodeAndLeadsTheReason() {
        TimeoutException timeout = new TimeoutException("Timeout after 5000ms");
        timeout.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("org.igniterealtime.smack.inttest.util.ResultSyncPoint", "waitForResult",
                        "ResultSyncPoint.java", 40),
                new StackTraceElement("org.example.RoomIntegrationTest", "fullRoomTest", "RoomIntegrationTest.java",
                        752),
                new StackTraceElement("org.example.AbstractRoomIntegrationTest", "run",
                        "AbstractRoomIntegrationTest.java", 10)});

        assertEquals(SITE, SintOutcome.site(timeout));
        assertEquals("[at " + SITE + "] TimeoutException: Timeout after 5000ms", SintOutcome.describe(timeout));
        assertEquals("", SintOutcome.site(new IllegalStateException()));
    }
}
