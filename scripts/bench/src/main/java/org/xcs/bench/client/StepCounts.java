package org.xcs.bench.client;

import org.HdrHistogram.Histogram;

/**
 * What one load step did, summed over the engine's loops: messages sent and the deliveries they should cause,
 * deliveries counted (stamp of this step), stamps of earlier steps seen during this one, and the latency of each
 * delivery (send to receive, microseconds). {@code unsent} messages were due but not written because the server
 * had stopped reading from that client (its socket buffer was full): they count as sent and lost.
 */
public final class StepCounts {
    public final long tag;
    long sent;
    long expected;
    long unsent;
    long delivered;
    long late;
    long streamErrors;
    long closedByServer;
    final Histogram latencyMicros;

    StepCounts(long tag) {
        this.tag = tag;
        this.latencyMicros = new Histogram(60_000_000L, 3);
    }

    void add(StepCounts other) {
        sent += other.sent;
        expected += other.expected;
        unsent += other.unsent;
        delivered += other.delivered;
        late += other.late;
        streamErrors += other.streamErrors;
        closedByServer += other.closedByServer;
        latencyMicros.add(other.latencyMicros);
    }

    public long sent() {
        return sent;
    }

    public long expected() {
        return expected;
    }

    public long unsent() {
        return unsent;
    }

    public long delivered() {
        return delivered;
    }

    public long late() {
        return late;
    }

    public long streamErrors() {
        return streamErrors;
    }

    public long closedByServer() {
        return closedByServer;
    }

    /** Delivered over expected (1.0 when nothing was expected). */
    public double deliveredRatio() {
        return expected == 0 ? 1.0 : (double) delivered / expected;
    }

    /** Latency percentile in milliseconds; NaN without deliveries. */
    public double latencyMillis(double percentile) {
        return latencyMicros.getTotalCount() == 0 ? Double.NaN
                : latencyMicros.getValueAtPercentile(percentile) / 1000.0;
    }

    public Histogram latencyMicros() {
        return latencyMicros;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT,
                "step %d: sent %d (unsent %d), expected %d, delivered %d (%.1f%%), late %d, p50 %.2f ms, p99 %.2f ms,"
                        + " stream errors %d, closed %d", tag, sent, unsent, expected, delivered,
                100 * deliveredRatio(), late, latencyMillis(50), latencyMillis(99), streamErrors, closedByServer);
    }
}
