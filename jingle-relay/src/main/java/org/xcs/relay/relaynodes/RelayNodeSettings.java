package org.xcs.relay.relaynodes;

import java.time.Duration;

/**
 * The relay channels' options.
 *
 * @param idleTimeout a channel that receives nothing on either port this long is closed (XEP-0278 §6: 60 s)
 * @param bytesPerSecond what one channel may forward, both ways together; advertised as maxkbps (§4.1)
 */
public record RelayNodeSettings(Duration idleTimeout, int maxChannels, int maxChannelsPerUser, long bytesPerSecond) {

    public RelayNodeSettings {
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("--relay-node-idle must be positive");
        }
        if (maxChannels < 1 || maxChannelsPerUser < 1 || bytesPerSecond < 1) {
            throw new IllegalArgumentException("relay node limits must be positive");
        }
    }

    /** 60 s idle (XEP-0278 §6), 100 channels, 5 per user, 1 MB/s each (as a TURN allocation). */
    public static RelayNodeSettings defaults() {
        return new RelayNodeSettings(Duration.ofSeconds(60), 100, 5, 1_000_000);
    }

    public RelayNodeSettings withIdleTimeout(Duration idle) {
        return new RelayNodeSettings(idle, maxChannels, maxChannelsPerUser, bytesPerSecond);
    }

    public RelayNodeSettings withLimits(int total, int perUser) {
        return new RelayNodeSettings(idleTimeout, total, perUser, bytesPerSecond);
    }

    public RelayNodeSettings withBytesPerSecond(long rate) {
        return new RelayNodeSettings(idleTimeout, maxChannels, maxChannelsPerUser, rate);
    }

    /** §4.1 maxkbps: kilobits per second. */
    public long maxKbps() {
        return Math.max(1, bytesPerSecond * 8 / 1000);
    }
}
