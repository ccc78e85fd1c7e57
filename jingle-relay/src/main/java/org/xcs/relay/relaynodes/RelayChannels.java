package org.xcs.relay.relaynodes;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.xcs.relay.net.UdpRelayEndpoints;

/**
 * The open channels: limits on opening, expiry on inactivity (swept in the background), and closing them all. The
 * ports come from the relay port range through {@link UdpRelayEndpoints}, the mechanism TURN uses; this owns its
 * own instance (one selector thread) and closes it.
 */
public final class RelayChannels implements AutoCloseable {

    /** Why a channel was not opened. */
    public enum Refusal { USER_LIMIT, TOTAL_LIMIT, NO_PORT, CLOSED }

    public static final class RefusedException extends Exception {
        private final Refusal refusal;

        RefusedException(Refusal refusal) {
            super(refusal.name());
            this.refusal = refusal;
        }

        public Refusal refusal() {
            return refusal;
        }
    }

    /** An open channel as the requester is told it (XEP-0278 §4.1). */
    public record Opened(String id, int localPort, int remotePort) {
    }

    private final UdpRelayEndpoints endpoints;
    private final RelayNodeSettings settings;
    private final LongSupplier nanoTime;
    private final RelayNodeCounters counters;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, RelayChannel> channels = new LinkedHashMap<>();
    private final Map<String, Integer> perUser = new LinkedHashMap<>();
    private final ScheduledExecutorService sweeper;
    private boolean closed;

    public RelayChannels(UdpRelayEndpoints endpoints, RelayNodeSettings settings, LongSupplier nanoTime,
                         RelayNodeCounters counters) {
        this.endpoints = endpoints;
        this.settings = settings;
        this.nanoTime = nanoTime;
        this.counters = counters;
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "relay-node-sweep");
            t.setDaemon(true);
            return t;
        });
        // Half the idle timeout (at most a second) keeps an idle channel's life within 1.5 times the timeout.
        long period = Math.max(10, Math.min(1_000, settings.idleTimeout().toMillis() / 2));
        sweeper.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
    }

    public RelayNodeSettings settings() {
        return settings;
    }

    /** {@code user}: the requester's bare JID, what the per-user limit counts (XEP-0278 §6 "based on JID"). */
    public Opened open(String user) throws RefusedException {
        synchronized (this) {
            if (closed) {
                throw new RefusedException(Refusal.CLOSED);
            }
            if (perUser.getOrDefault(user, 0) >= settings.maxChannelsPerUser()) {
                counters.refusedLimit.incrementAndGet();
                throw new RefusedException(Refusal.USER_LIMIT);
            }
            if (channels.size() >= settings.maxChannels()) {
                counters.refusedLimit.incrementAndGet();
                throw new RefusedException(Refusal.TOTAL_LIMIT);
            }
            RelayChannel channel;
            try {
                channel = new RelayChannel(newId(), user, endpoints, settings.bytesPerSecond(), nanoTime, counters);
            } catch (IOException e) {
                counters.refusedNoPort.incrementAndGet();
                throw new RefusedException(Refusal.NO_PORT);
            }
            channels.put(channel.id(), channel);
            perUser.merge(user, 1, Integer::sum);
            counters.opened.incrementAndGet();
            return new Opened(channel.id(), channel.localPort(), channel.remotePort());
        }
    }

    public synchronized int open() {
        return channels.size();
    }

    public synchronized int openBy(String user) {
        return perUser.getOrDefault(user, 0);
    }

    // XEP-0278 §6: channels MUST expire on traffic inactivity.
    void sweep() {
        long now = nanoTime.getAsLong();
        long idle = settings.idleTimeout().toNanos();
        List<RelayChannel> expired;
        synchronized (this) {
            expired = channels.values().stream().filter(c -> now - c.lastActivity() >= idle).toList();
            expired.forEach(this::forget);
            counters.expired.addAndGet(expired.size()); // counted before anyone can see the channel gone
        }
        expired.forEach(RelayChannel::close);
    }

    private void forget(RelayChannel c) {
        channels.remove(c.id());
        perUser.computeIfPresent(c.user(), (u, n) -> n == 1 ? null : n - 1);
    }

    /** Drain: every channel closed, the sweeper stopped, the ports released. */
    @Override
    public void close() {
        List<RelayChannel> all;
        synchronized (this) {
            closed = true;
            all = List.copyOf(channels.values());
            channels.clear();
            perUser.clear();
        }
        sweeper.shutdownNow();
        all.forEach(RelayChannel::close);
        endpoints.close();
    }

    // XEP-0278 §4.1: a random identifier, an Nmtoken (hex), RFC 4086 randomness.
    private String newId() {
        byte[] b = new byte[8];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
