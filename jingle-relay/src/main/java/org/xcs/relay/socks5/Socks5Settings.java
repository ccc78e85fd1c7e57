package org.xcs.relay.socks5;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;

/**
 * The proxy's options. {@code host} empty: advertise what the TURN side advertises (--external-address, else a
 * guess from the listen address).
 *
 * @param maxTransfers activated transfers at once; twice as many sockets may be open (pending ones included)
 * @param pendingTimeout how long a connection may wait for its partner and the activation
 * @param idleTimeout how long an activated transfer may carry nothing in either direction
 */
public record Socks5Settings(InetSocketAddress listen, Optional<String> host, int maxTransfers,
        int maxTransfersPerUser, long maxBytesPerTransfer, Duration pendingTimeout, Duration idleTimeout) {

    public static final int DEFAULT_PORT = 7777;

    public Socks5Settings {
        if (maxTransfers < 1 || maxTransfersPerUser < 1 || maxBytesPerTransfer < 1) {
            throw new IllegalArgumentException("SOCKS5 limits must be positive");
        }
        if (pendingTimeout.isNegative() || pendingTimeout.isZero() || idleTimeout.isNegative()
                || idleTimeout.isZero()) {
            throw new IllegalArgumentException("SOCKS5 timeouts must be positive");
        }
    }

    /** 100 transfers, 5 per user, 1 GiB each, 60 s to pair and activate, 120 s idle. */
    public static Socks5Settings defaults() {
        return new Socks5Settings(new InetSocketAddress(DEFAULT_PORT), Optional.empty(), 100, 5, 1L << 30,
                Duration.ofSeconds(60), Duration.ofSeconds(120));
    }

    public Socks5Settings withListen(InetSocketAddress l) {
        return new Socks5Settings(l, host, maxTransfers, maxTransfersPerUser, maxBytesPerTransfer, pendingTimeout,
                idleTimeout);
    }

    public Socks5Settings withHost(String h) {
        return new Socks5Settings(listen, Optional.of(h), maxTransfers, maxTransfersPerUser, maxBytesPerTransfer,
                pendingTimeout, idleTimeout);
    }

    public Socks5Settings withLimits(int transfers, int perUser, long bytes) {
        return new Socks5Settings(listen, host, transfers, perUser, bytes, pendingTimeout, idleTimeout);
    }

    public Socks5Settings withTimeouts(Duration pending, Duration idle) {
        return new Socks5Settings(listen, host, maxTransfers, maxTransfersPerUser, maxBytesPerTransfer, pending,
                idle);
    }
}
