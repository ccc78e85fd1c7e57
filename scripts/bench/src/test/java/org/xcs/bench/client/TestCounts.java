package org.xcs.bench.client;

/** Step counts for tests of what reads them (ramps, criteria), built without an engine. */
public final class TestCounts {
    private TestCounts() {
    }

    /** {@code delivered} of {@code expected} deliveries, each {@code latencyMicros} after its send. */
    public static StepCounts of(long expected, long delivered, long latencyMicros) {
        StepCounts c = new StepCounts(1);
        c.sent = expected;
        c.expected = expected;
        c.delivered = delivered;
        if (delivered > 0) {
            c.latencyMicros.recordValueWithCount(latencyMicros, delivered);
        }
        return c;
    }
}
