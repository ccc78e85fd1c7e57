package org.xcs.common.component;

import java.util.Objects;

/** Why a connect attempt failed, classified so start-up can pick an exit code and decide whether to wait. */
public final class ConnectFailure extends Exception {

    public enum Cause {
        /** Stream error {@code not-authorized}: the handshake digest did not match (XEP-0114 §3, wrong secret). */
        NOT_AUTHORIZED,
        /** Stream error {@code host-unknown}: the host does not serve this component domain (RFC 6120 §4.9.3.6). */
        HOST_UNKNOWN,
        /** Stream error {@code conflict}: another connection already serves this domain (RFC 6120 §4.9.3.3). */
        CONFLICT,
        /** Nothing accepts TCP there: refused, unreachable, TCP connect timed out, or closed during the handshake. */
        CONNECTION_REFUSED,
        /** TCP was accepted but the handshake did not complete in time (e.g. a c2s port, or a hung host). */
        HANDSHAKE_TIMEOUT,
        OTHER;

        /**
         * Whether waiting for the host can cure this cause. Only "nobody is answering" can: not-authorized,
         * host-unknown and conflict are answers from a host that is up, and stay the same until someone changes
         * the configuration, so retrying would only hide the error from the admin.
         */
        public boolean curedByWaiting() {
            return this == CONNECTION_REFUSED || this == HANDSHAKE_TIMEOUT;
        }
    }

    private final Cause cause;

    public ConnectFailure(Cause cause, String detail, Throwable underlying) {
        super(detail, underlying);
        this.cause = Objects.requireNonNull(cause, "cause");
    }

    public ConnectFailure(Cause cause, String detail) {
        this(cause, detail, null);
    }

    public Cause cause() {
        return cause;
    }
}
