package org.xcs.relay.socks5;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pairs the two connections naming one DST.ADDR and relays them once the requester activates (XEP-0065 §6.3.5).
 * The first connection is the target's (it connects before acknowledging, §6.3.2), the second the requester's
 * (§6.3.4); a third is refused (§10.1: one target per bytestream). Nothing is read from either before activation
 * (§10.1: bytes sent before it are not relayed early), and pairs not activated within the pending timeout are closed.
 */
public final class BytestreamProxy implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BytestreamProxy.class);
    private static final int BUFFER = 16 * 1024;

    private final Socks5Settings settings;
    private final Socks5Counters counters;
    private final ExecutorService pumps;
    private final ScheduledExecutorService timers;
    private final Object lock = new Object();
    private final Map<String, Session> sessions = new HashMap<>();
    private final Map<String, Integer> activePerUser = new HashMap<>();
    private int active;
    private boolean closed;

    public BytestreamProxy(Socks5Settings settings, Socks5Counters counters) {
        this.settings = settings;
        this.counters = counters;
        this.pumps = Executors.newCachedThreadPool(daemon("socks5-relay"));
        this.timers = Executors.newSingleThreadScheduledExecutor(daemon("socks5-timer"));
    }

    /** Outcome of an activation, before it becomes an IQ answer. */
    public enum Activation { ACTIVATED, NO_SUCH_STREAM, ONE_PARTY_ONLY, ALREADY_ACTIVE, TOO_MANY }

    /**
     * Takes a connection whose CONNECT named {@code address}; if it has a place (target or requester slot), sends the
     * success reply and keeps it; otherwise the caller refuses and closes it.
     */
    boolean admit(String address, Socks5Connection connection) throws IOException {
        synchronized (lock) {
            if (closed) {
                return false;
            }
            Session s = sessions.get(address);
            boolean first = s == null;
            if (first) {
                s = new Session(address);
                s.target = connection;
            } else if (s.requester == null && s.owner == null) {
                s.requester = connection;
            } else {
                counters.refusedPairing.incrementAndGet();
                return false;
            }
            // Written under the lock: the requester cannot activate before its own reply has gone out.
            Socks5Handshake.reply(connection.socket.getOutputStream(), Socks5Handshake.REP_SUCCEEDED, address);
            if (first) {
                sessions.put(address, s);
                Session expiring = s;
                timers.schedule(() -> expireIfPending(expiring), settings.pendingTimeout().toMillis(),
                        TimeUnit.MILLISECONDS);
            }
            return true;
        }
    }

    /** XEP-0065 §6.3.5: the requester (bare JID {@code owner}) activates the stream with this address. */
    public Activation activate(String address, String owner) {
        Session s;
        synchronized (lock) {
            s = sessions.get(address);
            if (s == null || closed) {
                return Activation.NO_SUCH_STREAM;
            }
            if (s.owner != null) {
                return Activation.ALREADY_ACTIVE;
            }
            if (s.requester == null) {
                return Activation.ONE_PARTY_ONLY;
            }
            if (active >= settings.maxTransfers()
                    || activePerUser.getOrDefault(owner, 0) >= settings.maxTransfersPerUser()) {
                return Activation.TOO_MANY;
            }
            s.owner = owner;
            active++;
            activePerUser.merge(owner, 1, Integer::sum);
            s.lastActivity = System.nanoTime();
        }
        counters.activated.incrementAndGet();
        pumps.execute(() -> pump(s, s.requester, s.target));
        pumps.execute(() -> pump(s, s.target, s.requester));
        return Activation.ACTIVATED;
    }

    /** Activated transfers now (for tests and the log). */
    public int activeTransfers() {
        synchronized (lock) {
            return active;
        }
    }

    /** Connections waiting for a partner or the activation, counted per address. */
    public int pendingStreams() {
        synchronized (lock) {
            return (int) sessions.values().stream().filter(s -> s.owner == null).count();
        }
    }

    private void expireIfPending(Session s) {
        boolean pending;
        synchronized (lock) {
            pending = s.owner == null && !s.closed;
        }
        if (pending) {
            counters.pendingExpired.incrementAndGet();
            close(s);
        }
    }

    private void pump(Session s, Socks5Connection from, Socks5Connection to) {
        long idleNanos = settings.idleTimeout().toNanos();
        byte[] buffer = new byte[BUFFER];
        try {
            // Polls at most once a second so an idle transfer is noticed without a timer per transfer.
            from.socket.setSoTimeout((int) Math.max(1, Math.min(1000, settings.idleTimeout().toMillis())));
            InputStream in = from.socket.getInputStream();
            OutputStream out = to.socket.getOutputStream();
            while (!s.closed) {
                int n;
                try {
                    n = in.read(buffer);
                } catch (SocketTimeoutException e) {
                    if (System.nanoTime() - s.lastActivity > idleNanos) {
                        counters.idleClosed.incrementAndGet();
                        close(s);
                        return;
                    }
                    continue;
                }
                if (n < 0) {
                    to.socket.shutdownOutput(); // pass the half-close on: the other direction may still carry data
                    break;
                }
                long total = s.bytes.addAndGet(n);
                int allowed = (int) Math.min(n, Math.max(0, settings.maxBytesPerTransfer() - (total - n)));
                out.write(buffer, 0, allowed);
                counters.bytesRelayed.addAndGet(allowed);
                s.lastActivity = System.nanoTime();
                if (total > settings.maxBytesPerTransfer()) {
                    counters.byteLimitClosed.incrementAndGet();
                    log.info("SOCKS5 transfer {} reached its {} bytes: closed", s.address,
                            settings.maxBytesPerTransfer());
                    close(s);
                    return;
                }
            }
        } catch (IOException e) {
            close(s);
            return;
        }
        boolean bothDone;
        synchronized (lock) {
            bothDone = ++s.pumpsDone == 2;
        }
        if (bothDone) {
            close(s);
        }
    }

    private void close(Session s) {
        synchronized (lock) {
            if (s.closed) {
                return;
            }
            s.closed = true;
            sessions.remove(s.address, s);
            if (s.owner != null) {
                active--;
                activePerUser.computeIfPresent(s.owner, (k, v) -> v == 1 ? null : v - 1);
            }
        }
        s.target.close();
        if (s.requester != null) {
            s.requester.close();
        }
    }

    /** Drain: every pending and active transfer is closed; nothing new is admitted. */
    @Override
    public void close() {
        List<Session> all;
        synchronized (lock) {
            closed = true;
            all = new ArrayList<>(sessions.values());
        }
        all.forEach(this::close);
        timers.shutdownNow();
        pumps.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    private static final class Session {
        final String address;
        final AtomicLong bytes = new AtomicLong();
        Socks5Connection target;
        Socks5Connection requester;
        String owner;
        int pumpsDone;
        volatile boolean closed;
        volatile long lastActivity;

        Session(String address) {
            this.address = address;
        }
    }
}
