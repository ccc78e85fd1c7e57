package org.xcs.relay.relaynodes;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.function.LongSupplier;
import org.xcs.relay.turn.RelayEndpoint;
import org.xcs.relay.turn.RelayEndpoints;
import org.xcs.relay.turn.TokenBucket;

/**
 * One channel: the requester's port ('localport', XEP-0278 §4.1) and the remote party's port ('remoteport').
 * Neither side's address is known in advance (NATs rewrite them), so each port latches: datagrams arriving on one
 * port go out of the other to the last source seen there, as Jingle Nodes relays do.
 */
final class RelayChannel {

    private final String id;
    private final String user;
    private final RelayNodeCounters counters;
    private final TokenBucket bucket;
    private final LongSupplier nanoTime;
    private volatile RelayEndpoint local;
    private volatile RelayEndpoint remote;
    private volatile InetSocketAddress lastLocalSource;
    private volatile InetSocketAddress lastRemoteSource;
    private volatile long lastActivity;

    RelayChannel(String id, String user, RelayEndpoints endpoints, long bytesPerSecond, LongSupplier nanoTime,
                 RelayNodeCounters counters) throws IOException {
        this.id = id;
        this.user = user;
        this.counters = counters;
        this.nanoTime = nanoTime;
        this.bucket = new TokenBucket(bytesPerSecond, nanoTime);
        this.lastActivity = nanoTime.getAsLong();
        this.local = endpoints.open(false, this::fromLocalPort);
        try {
            this.remote = endpoints.open(false, this::fromRemotePort);
        } catch (IOException | RuntimeException e) {
            local.close();
            throw e;
        }
    }

    String id() {
        return id;
    }

    String user() {
        return user;
    }

    int localPort() {
        return local.boundAddress().getPort();
    }

    int remotePort() {
        return remote.boundAddress().getPort();
    }

    long lastActivity() {
        return lastActivity;
    }

    private void fromLocalPort(InetSocketAddress source, byte[] data) {
        lastLocalSource = source;
        forward(data, remote, lastRemoteSource);
    }

    private void fromRemotePort(InetSocketAddress source, byte[] data) {
        lastRemoteSource = source;
        forward(data, local, lastLocalSource);
    }

    // XEP-0278 §6: any packet received keeps the channel alive, forwarded or not.
    private void forward(byte[] data, RelayEndpoint out, InetSocketAddress to) {
        lastActivity = nanoTime.getAsLong();
        if (out == null || to == null) {
            counters.droppedNoPeer.incrementAndGet();
        } else if (!bucket.tryTake(data.length)) {
            counters.droppedBandwidth.incrementAndGet();
        } else {
            counters.forwarded.incrementAndGet(); // before the send: whoever receives it sees it counted
            counters.bytesForwarded.addAndGet(data.length);
            out.send(data, to);
        }
    }

    void close() {
        local.close();
        remote.close();
    }
}
