package org.xcs.relay.turn;

import java.util.function.LongSupplier;

/**
 * A bandwidth limit (RFC 8656 §20.1.4 asks servers to limit what one allocation can relay): {@code rate} bytes per
 * second with a burst of one second's worth. What does not fit is dropped, as a congested link would.
 */
public final class TokenBucket {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final long rate;
    private final LongSupplier nanoTime;
    private double tokens;
    private long last;

    public TokenBucket(long bytesPerSecond, LongSupplier nanoTime) {
        this.rate = bytesPerSecond;
        this.nanoTime = nanoTime;
        this.tokens = bytesPerSecond;
        this.last = nanoTime.getAsLong();
    }

    public synchronized boolean tryTake(int bytes) {
        long now = nanoTime.getAsLong();
        long elapsed = Math.max(0, now - last);
        last = now;
        tokens = Math.min(rate, tokens + (double) elapsed * rate / NANOS_PER_SECOND);
        if (tokens < bytes) {
            return false;
        }
        tokens -= bytes;
        return true;
    }
}
