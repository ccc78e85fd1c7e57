package org.xcs.relay.relaynodes;

import java.util.concurrent.atomic.AtomicLong;

/** What the relay channels did, for logs and tests. */
public final class RelayNodeCounters {
    final AtomicLong opened = new AtomicLong();
    final AtomicLong refusedLimit = new AtomicLong();
    final AtomicLong refusedNoPort = new AtomicLong();
    final AtomicLong expired = new AtomicLong();
    final AtomicLong forwarded = new AtomicLong();
    final AtomicLong bytesForwarded = new AtomicLong();
    final AtomicLong droppedNoPeer = new AtomicLong();
    final AtomicLong droppedBandwidth = new AtomicLong();

    public long opened() {
        return opened.get();
    }

    /** Requests refused by the per-user or the total limit. */
    public long refusedLimit() {
        return refusedLimit.get();
    }

    /** Requests refused because the relay port range had no two free ports. */
    public long refusedNoPort() {
        return refusedNoPort.get();
    }

    /** Channels closed for inactivity. */
    public long expired() {
        return expired.get();
    }

    public long forwarded() {
        return forwarded.get();
    }

    public long bytesForwarded() {
        return bytesForwarded.get();
    }

    /** Datagrams that arrived before anyone had sent from the other port: nowhere to latch them to yet. */
    public long droppedNoPeer() {
        return droppedNoPeer.get();
    }

    public long droppedBandwidth() {
        return droppedBandwidth.get();
    }

    @Override
    public String toString() {
        return "opened=" + opened + " refusedLimit=" + refusedLimit + " refusedNoPort=" + refusedNoPort + " expired="
                + expired + " forwarded=" + forwarded + " bytesForwarded=" + bytesForwarded + " droppedNoPeer="
                + droppedNoPeer + " droppedBandwidth=" + droppedBandwidth;
    }
}
