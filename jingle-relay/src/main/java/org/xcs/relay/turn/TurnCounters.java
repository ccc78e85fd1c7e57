package org.xcs.relay.turn;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Event counts (malformed input, refusals, relayed packets) for logs and tests; names are stable. */
public final class TurnCounters {

    public static final String MALFORMED_DROPPED = "malformed.dropped";
    public static final String MALFORMED_ANSWERED = "malformed.answered400";
    public static final String NOT_TURN_DROPPED = "other.dropped";
    public static final String UNAUTHENTICATED = "auth.rejected";
    public static final String PEER_FORBIDDEN = "peer.forbidden";
    public static final String QUOTA_REFUSED = "quota.refused";
    public static final String BANDWIDTH_DROPPED = "bandwidth.dropped";
    public static final String NO_PERMISSION_DROPPED = "permission.dropped";
    public static final String NO_ALLOCATION_DROPPED = "noallocation.dropped";
    public static final String TO_PEER = "relayed.toPeer";
    public static final String TO_CLIENT = "relayed.toClient";
    public static final String ALLOCATIONS_CREATED = "allocations.created";
    public static final String STREAM_CLOSED_MALFORMED = "stream.closedMalformed";
    public static final String HANDLER_FAILURES = "handler.failures";

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    public void increment(String name) {
        counter(name).increment();
    }

    /** The counter itself, for callers that count per packet and should not look it up each time. */
    LongAdder counter(String name) {
        return counts.computeIfAbsent(name, n -> new LongAdder());
    }

    public long get(String name) {
        LongAdder a = counts.get(name);
        return a == null ? 0 : a.sum();
    }

    public Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        counts.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    @Override
    public String toString() {
        return snapshot().toString();
    }
}
