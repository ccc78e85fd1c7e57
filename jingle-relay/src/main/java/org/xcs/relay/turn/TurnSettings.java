package org.xcs.relay.turn;

import java.time.Duration;

/**
 * Lifetimes (RFC 8656 §3.2: allocations default 10 min, §9: permissions 5 min, §12: channel bindings 10 min),
 * the longest allocation lifetime a client may ask for (RFC 8656 §7.2 leaves it to the server; 1 hour is the
 * RFC's example), quotas and the per-allocation bandwidth.
 */
public record TurnSettings(Duration defaultLifetime, Duration maxLifetime, Duration permissionLifetime,
        Duration channelLifetime, int allocationsPerUser, int allocationsTotal, int permissionsPerAllocation,
        long bytesPerSecond) {

    public TurnSettings {
        if (defaultLifetime.isNegative() || defaultLifetime.isZero() || maxLifetime.compareTo(defaultLifetime) < 0) {
            throw new IllegalArgumentException("a positive default lifetime no longer than the maximum");
        }
        if (allocationsPerUser < 1 || allocationsTotal < 1 || permissionsPerAllocation < 1 || bytesPerSecond < 1) {
            throw new IllegalArgumentException("quotas and bandwidth must be positive");
        }
    }

    public static TurnSettings defaults() {
        return new TurnSettings(Duration.ofSeconds(600), Duration.ofSeconds(3600), Duration.ofSeconds(300),
                Duration.ofSeconds(600), 10, 500, 64, 1_000_000);
    }

    public TurnSettings withQuotas(int perUser, int total) {
        return new TurnSettings(defaultLifetime, maxLifetime, permissionLifetime, channelLifetime, perUser, total,
                permissionsPerAllocation, bytesPerSecond);
    }

    public TurnSettings withBytesPerSecond(long rate) {
        return new TurnSettings(defaultLifetime, maxLifetime, permissionLifetime, channelLifetime,
                allocationsPerUser, allocationsTotal, permissionsPerAllocation, rate);
    }
}
