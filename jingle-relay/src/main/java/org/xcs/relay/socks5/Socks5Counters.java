package org.xcs.relay.socks5;

import java.util.concurrent.atomic.AtomicLong;

/** What the proxy did, for logs and tests: refusals by cause, transfers and their endings. */
public final class Socks5Counters {
    final AtomicLong malformed = new AtomicLong();
    final AtomicLong busy = new AtomicLong();
    final AtomicLong refusedPairing = new AtomicLong();
    final AtomicLong activated = new AtomicLong();
    final AtomicLong pendingExpired = new AtomicLong();
    final AtomicLong idleClosed = new AtomicLong();
    final AtomicLong byteLimitClosed = new AtomicLong();
    final AtomicLong bytesRelayed = new AtomicLong();

    /** Connections refused for a bad greeting or request (RFC 1928 refusals, cut-short handshakes). */
    public long malformed() {
        return malformed.get();
    }

    /** Connections refused because the socket limit was reached. */
    public long busy() {
        return busy.get();
    }

    /** CONNECTs refused because the address already had its target and requester. */
    public long refusedPairing() {
        return refusedPairing.get();
    }

    public long activated() {
        return activated.get();
    }

    public long pendingExpired() {
        return pendingExpired.get();
    }

    public long idleClosed() {
        return idleClosed.get();
    }

    public long byteLimitClosed() {
        return byteLimitClosed.get();
    }

    public long bytesRelayed() {
        return bytesRelayed.get();
    }

    @Override
    public String toString() {
        return "malformed=" + malformed + " busy=" + busy + " refusedPairing=" + refusedPairing + " activated="
                + activated + " pendingExpired=" + pendingExpired + " idleClosed=" + idleClosed
                + " byteLimitClosed=" + byteLimitClosed + " bytesRelayed=" + bytesRelayed;
    }
}
