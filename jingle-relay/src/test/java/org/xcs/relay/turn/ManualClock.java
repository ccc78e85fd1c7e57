package org.xcs.relay.turn;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test moves by hand; nanoTime follows it, for the token bucket. */
final class ManualClock extends Clock {

    private volatile Instant now;
    private final Instant start;

    ManualClock(Instant start) {
        this.now = start;
        this.start = start;
    }

    void advance(Duration d) {
        now = now.plus(d);
    }

    long nanoTime() {
        return Duration.between(start, now).toNanos();
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
