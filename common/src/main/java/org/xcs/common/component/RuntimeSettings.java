package org.xcs.common.component;

import java.time.Duration;
import java.util.Objects;

/**
 * How the runtime waits, reconnects and probes the host.
 *
 * @param waitForHost            at start-up, retry while the host refuses TCP or does not finish the handshake
 * @param initialBackoff         first delay between connect attempts; doubles per failed attempt
 * @param maxBackoff             cap of that delay
 * @param pingInterval           how often an XEP-0199 ping goes to the host while connected
 * @param pingTimeout            a ping without any answer (result or error) within this time means the link is dead
 * @param outboundBufferCapacity stanzas kept while disconnected; beyond it they are dropped, counted and logged
 * @param drainTimeout           what SIGTERM gives {@link ComponentCore#drain(Duration)}
 * @param pingTarget             JID to ping; {@code null} means the parent domain of the component
 *                               (muc.example.test pings example.test)
 * @param maxStanzaBytes         the largest IQ result written to the host; a larger one is answered with an error
 *                               instead (see {@link StanzaSizeGuard})
 */
public record RuntimeSettings(boolean waitForHost, Duration initialBackoff, Duration maxBackoff,
                              Duration pingInterval, Duration pingTimeout, int outboundBufferCapacity,
                              Duration drainTimeout, String pingTarget, int maxStanzaBytes) {

    public RuntimeSettings {
        requirePositive(initialBackoff, "initialBackoff");
        requirePositive(maxBackoff, "maxBackoff");
        requirePositive(pingInterval, "pingInterval");
        requirePositive(pingTimeout, "pingTimeout");
        requirePositive(drainTimeout, "drainTimeout");
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff < initialBackoff");
        }
        if (outboundBufferCapacity < 0) {
            throw new IllegalArgumentException("outboundBufferCapacity < 0");
        }
        if (maxStanzaBytes < MIN_STANZA_BYTES) {
            throw new IllegalArgumentException("maxStanzaBytes below " + MIN_STANZA_BYTES);
        }
    }

    /** Prosody's component_stanza_size_limit default (512 KiB) less room for the stream's own framing. */
    public static final int DEFAULT_MAX_STANZA_BYTES = 512 * 1024 - 1024;
    /** Below this, ordinary replies (disco#info of a room, a form) would not fit. */
    public static final int MIN_STANZA_BYTES = 16 * 1024;

    /**
     * 500 ms doubling to 30 s; a ping every 5 s, the link judged dead when neither its answer nor any other stanza
     * came within 30 s. A host restart closes the stream, which the transport reports at once; the ping covers links
     * that die silently (worst case about 35 s to notice). Not shorter: a host routing a join flood into a
     * 200-occupant room ran more than 3 s behind (Prosody, bench muc-1x200), and every drop loses what is in flight.
     */
    public static RuntimeSettings defaults() {
        return new RuntimeSettings(false, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(5),
                Duration.ofSeconds(30), 10_000, Duration.ofSeconds(10), null, DEFAULT_MAX_STANZA_BYTES);
    }

    public RuntimeSettings withWaitForHost(boolean wait) {
        return new RuntimeSettings(wait, initialBackoff, maxBackoff, pingInterval, pingTimeout,
                outboundBufferCapacity, drainTimeout, pingTarget, maxStanzaBytes);
    }

    public RuntimeSettings withBackoff(Duration initial, Duration max) {
        return new RuntimeSettings(waitForHost, initial, max, pingInterval, pingTimeout, outboundBufferCapacity,
                drainTimeout, pingTarget, maxStanzaBytes);
    }

    public RuntimeSettings withPing(Duration interval, Duration timeout) {
        return new RuntimeSettings(waitForHost, initialBackoff, maxBackoff, interval, timeout,
                outboundBufferCapacity, drainTimeout, pingTarget, maxStanzaBytes);
    }

    public RuntimeSettings withPingTarget(String target) {
        return new RuntimeSettings(waitForHost, initialBackoff, maxBackoff, pingInterval, pingTimeout,
                outboundBufferCapacity, drainTimeout, target, maxStanzaBytes);
    }

    public RuntimeSettings withOutboundBufferCapacity(int capacity) {
        return new RuntimeSettings(waitForHost, initialBackoff, maxBackoff, pingInterval, pingTimeout, capacity,
                drainTimeout, pingTarget, maxStanzaBytes);
    }

    public RuntimeSettings withDrainTimeout(Duration timeout) {
        return new RuntimeSettings(waitForHost, initialBackoff, maxBackoff, pingInterval, pingTimeout,
                outboundBufferCapacity, timeout, pingTarget, maxStanzaBytes);
    }

    public RuntimeSettings withMaxStanzaBytes(int bytes) {
        return new RuntimeSettings(waitForHost, initialBackoff, maxBackoff, pingInterval, pingTimeout,
                outboundBufferCapacity, drainTimeout, pingTarget, bytes);
    }

    /** The JID the liveness ping goes to: the explicit target, else the host domain the component hangs off. */
    public String pingTargetFor(String componentDomain) {
        if (pingTarget != null) {
            return pingTarget;
        }
        // A dotless component domain has no parent: the ping then goes to the component itself and comes back
        // through the host, which still proves the link.
        return parentDomainOf(componentDomain);
    }

    /**
     * The domain whose users the host serves, by the convention components follow (muc.example.org belongs to
     * example.org); a domain without a label after its first dot (dotless, or ending there) is returned as it is.
     */
    public static String parentDomainOf(String componentDomain) {
        int dot = componentDomain.indexOf('.');
        return dot < 0 || dot == componentDomain.length() - 1 ? componentDomain : componentDomain.substring(dot + 1);
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
