package org.xcs.common.component;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and as whom to connect over XEP-0114. {@link #toString()} leaves the secret out, so the record can be
 * logged as a whole.
 */
public record ConnectParams(String host, int port, String domain, String secret, Duration handshakeTimeout,
                            Duration connectTimeout) {

    public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    public ConnectParams {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (handshakeTimeout.isNegative() || handshakeTimeout.isZero()
                || connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }

    public ConnectParams(String host, int port, String domain, String secret) {
        this(host, port, domain, secret, DEFAULT_HANDSHAKE_TIMEOUT, DEFAULT_CONNECT_TIMEOUT);
    }

    /** {@code host:port}, as used in log lines and error messages. */
    public String address() {
        return host + ":" + port;
    }

    @Override
    public String toString() {
        return "ConnectParams[host=" + host + ", port=" + port + ", domain=" + domain + ", secret=(hidden)"
                + ", handshakeTimeout=" + handshakeTimeout + ", connectTimeout=" + connectTimeout + "]";
    }
}
