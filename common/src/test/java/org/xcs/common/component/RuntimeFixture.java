package org.xcs.common.component;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

/** Shared names and fast settings for the runtime tests against {@link FakeComponentHost}. */
final class RuntimeFixture {

    static final String HOST_DOMAIN = "example.test";
    static final String DOMAIN = "muc.example.test";
    static final String SECRET = "s3cret-for-tests-7f3a";

    /** Short delays so reconnects and lost pings show up within a second or two. */
    static final RuntimeSettings FAST = RuntimeSettings.defaults()
            .withBackoff(Duration.ofMillis(100), Duration.ofMillis(400))
            .withPing(Duration.ofMillis(500), Duration.ofMillis(500))
            .withDrainTimeout(Duration.ofSeconds(2));

    private RuntimeFixture() {
    }

    static FakeComponentHost startedHost() throws IOException {
        return new FakeComponentHost(HOST_DOMAIN).allow(DOMAIN, SECRET).start();
    }

    static ConnectParams params(int port) {
        return params(port, DOMAIN, SECRET);
    }

    static ConnectParams params(int port, String domain, String secret) {
        return new ConnectParams("127.0.0.1", port, domain, secret, Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    /** A loopback port nobody listens on (bound once, then released; outside the ephemeral range). */
    static int closedPort() throws IOException {
        try (ServerSocket socket = FakeComponentHost.bindBelowEphemeralRange()) {
            return socket.getLocalPort();
        }
    }
}
