package org.xcs.common.component;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Packet;
import org.xmpp.packet.PacketError;
import sun.misc.Signal;

/**
 * Keeps one component attached to its host: first connect (optionally waiting for the host), liveness pings,
 * reconnect with capped exponential backoff, buffering of outbound stanzas while disconnected, and the SIGTERM
 * drain. Connection work, pings and loss handling run on one scheduler thread; inbound stanzas arrive on the
 * transport's thread in arrival order.
 */
public final class ComponentRuntime {

    private static final Logger log = LoggerFactory.getLogger(ComponentRuntime.class);
    /** Beyond the drain timeout, how long SIGTERM waits for the rest of stop() before giving up. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private final Supplier<? extends Transport> transports;
    private final ConnectParams params;
    private final ComponentCore core;
    private final RuntimeSettings settings;
    private final String domain;
    private final HostPing ping;
    private final Outbox outbox;
    private final StanzaSizeGuard sizeGuard;
    private final ScheduledExecutorService scheduler;
    /** Pings are written off the scheduler: a write stuck on a dead link must not stop the timeout that ends it. */
    private final ExecutorService pingWriter;
    private final Backoff reconnectBackoff;

    private final Object lock = new Object();
    private Connection current; // guarded by lock
    private boolean started; // guarded by lock
    private boolean stopCalled; // guarded by lock
    private volatile boolean stopping;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private int reconnectAttempt; // scheduler thread only

    private final AtomicLong connects = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private final AtomicLong failedAttempts = new AtomicLong();
    private final AtomicLong pingsSent = new AtomicLong();
    private final AtomicLong pingFailures = new AtomicLong();
    private final AtomicLong pingsLate = new AtomicLong();
    private final AtomicLong inboundRefused = new AtomicLong();

    public ComponentRuntime(Supplier<? extends Transport> transports, ConnectParams params, ComponentCore core,
                            RuntimeSettings settings) {
        this.transports = Objects.requireNonNull(transports, "transports");
        this.params = Objects.requireNonNull(params, "params");
        this.core = Objects.requireNonNull(core, "core");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.domain = params.domain();
        this.ping = new HostPing(new JID(domain), new JID(settings.pingTargetFor(domain)));
        this.outbox = new Outbox(domain, settings.outboundBufferCapacity(), this::onWriteFailure);
        this.sizeGuard = new StanzaSizeGuard(outbox, settings.maxStanzaBytes(), domain);
        this.reconnectBackoff = new Backoff(settings.initialBackoff(), settings.maxBackoff());
        this.scheduler = Executors.newSingleThreadScheduledExecutor(daemon("xcs-runtime-" + domain));
        this.pingWriter = Executors.newSingleThreadExecutor(daemon("xcs-ping-" + domain));
    }

    private static ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** The production wiring: Whack underneath. */
    public static ComponentRuntime overWhack(ConnectParams params, ComponentCore core, RuntimeSettings settings) {
        return new ComponentRuntime(WhackTransport::new, params, core, settings);
    }

    /**
     * Connects for the first time and returns once attached (after {@link ComponentCore#onConnected}). Without
     * {@code waitForHost} any failure ends start-up; with it, only "nobody answers" failures are retried (see
     * {@link ConnectFailure.Cause#curedByWaiting()}). A stop while waiting ends start-up with {@link ExitCode#OK}.
     */
    public void start() throws StartupFailure {
        synchronized (lock) {
            if (started) {
                throw new IllegalStateException("already started");
            }
            started = true;
        }
        Backoff backoff = new Backoff(settings.initialBackoff(), settings.maxBackoff());
        for (int attempt = 1; ; attempt++) {
            if (stopping) {
                throw stoppedWhileWaiting();
            }
            try {
                Connection connection = open();
                log.info("{}: connected to {} (attempt {})", domain, params.address(), attempt);
                attached(connection);
                return;
            } catch (ConnectFailure failure) {
                failedAttempts.incrementAndGet();
                if (!settings.waitForHost() || !failure.cause().curedByWaiting()) {
                    shutdownThreads();
                    throw StartupFailure.from(failure, params);
                }
                Duration delay = backoff.next();
                log.warn("{}: host {} not available (attempt {}: {}: {}); next attempt in {} ms", domain,
                        params.address(), attempt, failure.cause(), failure.getMessage(), delay.toMillis());
                if (awaitQuietly(stopRequested, delay)) {
                    throw stoppedWhileWaiting();
                }
            }
        }
    }

    private StartupFailure stoppedWhileWaiting() {
        shutdownThreads();
        return new StartupFailure(ExitCode.OK, domain + ": stopped while waiting for host " + params.address());
    }

    /** What the core sends through: live while connected, buffered (bounded, in order) while not. */
    public PacketSender sender() {
        return sizeGuard;
    }

    public boolean isConnected() {
        synchronized (lock) {
            return current != null && current.transport.isConnected();
        }
    }

    /**
     * The SIGTERM path: refuse new inbound stanzas, let the core drain (its outbound stanzas still go out), close
     * the stream cleanly and stop reconnecting. Idempotent; a second caller waits for the first.
     */
    public void stop(Duration drainTimeout) {
        synchronized (lock) {
            if (stopCalled) {
                awaitQuietly(stopped, drainTimeout.plus(STOP_GRACE));
                return;
            }
            stopCalled = true;
            stopping = true;
        }
        stopRequested.countDown();
        log.info("{}: stopping: refusing new stanzas, draining for up to {} ms", domain, drainTimeout.toMillis());
        try {
            core.drain(drainTimeout);
        } catch (RuntimeException e) {
            log.error("{}: drain failed", domain, e);
        }
        Connection connection;
        synchronized (lock) {
            connection = current;
            current = null;
        }
        outbox.close();
        if (connection != null) {
            connection.retire(true);
        }
        shutdownThreads();
        log.info("{}: stopped; {}", domain, counters());
        stopped.countDown();
    }

    public void stop() {
        stop(settings.drainTimeout());
    }

    /** Blocks until {@link #stop} has finished; a launcher's main thread parks here. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /**
     * SIGTERM (and SIGINT) run {@link #stop()} and end the process with exit code 0. The JVM's own handling would
     * exit with 143, which supervisors read as a failure; a custom handler replaces it. If stop() hangs past the
     * drain timeout plus a grace period, the process exits with {@link ExitCode#FAILURE}.
     */
    public void installShutdownHook() {
        Signal.handle(new Signal("TERM"), this::onSignal);
        Signal.handle(new Signal("INT"), this::onSignal);
    }

    private void onSignal(Signal signal) {
        log.info("{}: SIG{} received", domain, signal.getName());
        Thread stopper = new Thread(this::stop, "xcs-stop-" + domain);
        stopper.start();
        try {
            stopper.join(settings.drainTimeout().plus(STOP_GRACE).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (stopper.isAlive()) {
            log.error("{}: stop did not finish within {} ms; exiting anyway", domain,
                    settings.drainTimeout().plus(STOP_GRACE).toMillis());
            System.exit(ExitCode.FAILURE.code());
        }
        System.exit(ExitCode.OK.code());
    }

    public RuntimeCounters counters() {
        return new RuntimeCounters(connects.get(), reconnects.get(), failedAttempts.get(), pingsSent.get(),
                pingFailures.get(), pingsLate.get(), outbox.buffered(), outbox.bufferedTotal(), outbox.dropped(),
                inboundRefused.get(), sizeGuard.refused());
    }

    // --- connection lifecycle ---

    private Connection open() throws ConnectFailure {
        Transport transport = transports.get();
        Connection connection = new Connection(transport);
        try {
            transport.connect(params, packet -> inbound(connection, packet),
                    why -> onLost(connection, describe(why)));
        } catch (ConnectFailure | RuntimeException e) {
            transport.close();
            throw e;
        }
        return connection;
    }

    /** After a successful handshake: flush what waited, let the core re-announce itself, then let stanzas in. */
    private void attached(Connection connection) {
        synchronized (lock) {
            if (stopping || connection.lost) {
                connection.retire(!connection.lost);
                if (!stopping) {
                    log.warn("{}: the connection dropped right after the handshake", domain);
                    execute(this::beginReconnect);
                }
                return;
            }
            current = connection;
        }
        connects.incrementAndGet();
        if (!outbox.attach(connection.transport)) {
            onLost(connection, "write failed while sending buffered stanzas");
            connection.ready.countDown();
            return;
        }
        try {
            core.onConnected(sizeGuard);
        } catch (RuntimeException e) {
            log.error("{}: onConnected failed", domain, e);
        }
        connection.ready.countDown();
        long interval = settings.pingInterval().toMillis();
        try {
            connection.pinger = scheduler.scheduleWithFixedDelay(() -> pingTick(connection), interval, interval,
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopped) {
            // stop() shut the scheduler down meanwhile
        }
    }

    /** Called from any thread (transport reader, watcher, a failed write): handled on the scheduler. */
    private void onLost(Connection connection, String why) {
        synchronized (lock) {
            connection.lost = true;
        }
        execute(() -> lost(connection, why));
    }

    private void onWriteFailure(Transport transport, RuntimeException failure) {
        Connection connection;
        synchronized (lock) {
            connection = current != null && current.transport == transport ? current : null;
        }
        if (connection != null) {
            onLost(connection, "write failed: " + describe(failure));
        }
    }

    private void lost(Connection connection, String why) {
        synchronized (lock) {
            if (current != connection) {
                return;
            }
            current = null;
        }
        connection.retire(false); // first: aborting frees a core thread stuck writing while holding the outbox
        outbox.detach(connection.transport);
        if (stopping) {
            return;
        }
        log.warn("{}: lost the connection to {} ({}); reconnecting", domain, params.address(), why);
        beginReconnect();
    }

    private void beginReconnect() {
        reconnectBackoff.reset();
        reconnectAttempt = 0;
        reconnect();
    }

    private void reconnect() {
        if (stopping) {
            return;
        }
        reconnectAttempt++;
        try {
            Connection connection = open();
            reconnects.incrementAndGet();
            log.info("{}: reconnected to {} (attempt {})", domain, params.address(), reconnectAttempt);
            attached(connection);
        } catch (ConnectFailure | RuntimeException failure) {
            failedAttempts.incrementAndGet();
            if (stopping) {
                return;
            }
            Duration delay = reconnectBackoff.next();
            String cause = failure instanceof ConnectFailure cf ? cf.cause().name() : "error";
            log.warn("{}: reconnect attempt {} to {} failed ({}: {}); next attempt in {} ms", domain,
                    reconnectAttempt, params.address(), cause, failure.getMessage(), delay.toMillis());
            schedule(this::reconnect, delay);
        }
    }

    // --- liveness (XEP-0199) ---

    private void pingTick(Connection connection) {
        synchronized (lock) {
            if (stopping || current != connection) {
                return;
            }
        }
        String id = ping.nextId();
        if (!connection.pendingPing.compareAndSet(null, id)) {
            return; // the previous ping is still within its timeout
        }
        pingsSent.incrementAndGet();
        long sentAt = System.nanoTime();
        IQ request = ping.request(id);
        try {
            pingWriter.execute(() -> {
                try {
                    connection.transport.send(request);
                } catch (RuntimeException e) {
                    if (connection.pendingPing.compareAndSet(id, null)) {
                        pingFailures.incrementAndGet();
                        execute(() -> lost(connection, "ping could not be written: " + describe(e)));
                    }
                }
            });
        } catch (RejectedExecutionException stopped) {
            return;
        }
        schedule(() -> {
            if (connection.pendingPing.compareAndSet(id, null)) {
                if (connection.lastInbound - sentAt > 0) {
                    // A busy host answers in order: its pong may sit behind thousands of our stanzas it is still
                    // routing (a 200-occupant join flood keeps Prosody seconds behind). Anything it sent since the
                    // ping proves the link alive; dropping it would lose every stanza in flight both ways.
                    pingsLate.incrementAndGet();
                    return;
                }
                pingFailures.incrementAndGet();
                lost(connection, "no answer from " + ping.target() + " to ping within "
                        + settings.pingTimeout().toMillis() + " ms");
            }
        }, settings.pingTimeout());
    }

    // --- inbound ---

    private void inbound(Connection connection, Packet packet) {
        connection.lastInbound = System.nanoTime();
        awaitUninterruptibly(connection.ready);
        if (ping.isReply(packet)) {
            String pending = connection.pendingPing.get();
            if (pending != null && pending.equals(((IQ) packet).getID())) {
                connection.pendingPing.compareAndSet(pending, null); // by reference: pending, not the reply's id
            }
            return;
        }
        if (stopping) {
            refuse(packet, connection);
            return;
        }
        try {
            core.handle(packet);
        } catch (RuntimeException e) {
            log.error("{}: core failed on a <{}/> stanza", domain, packet.getElement().getName(), e);
        }
    }

    /**
     * Stanzas that arrive after SIGTERM are not handed to a draining core. An IQ get/set still gets its one reply
     * (RFC 6120 §8.2.3): recipient-unavailable, type wait (§8.3.3.13), since the service is only restarting.
     */
    private void refuse(Packet packet, Connection connection) {
        inboundRefused.incrementAndGet();
        if (packet instanceof IQ iq && (iq.getType() == IQ.Type.get || iq.getType() == IQ.Type.set)) {
            IQ error = IQ.createResultIQ(iq);
            error.setChildElement(iq.getChildElement() == null ? null : iq.getChildElement().createCopy());
            error.setError(new PacketError(PacketError.Condition.recipient_unavailable, PacketError.Type.wait));
            try {
                connection.transport.send(error);
            } catch (RuntimeException e) {
                log.debug("{}: could not refuse an IQ while stopping: {}", domain, describe(e));
            }
        }
    }

    // --- helpers ---

    private void shutdownThreads() {
        scheduler.shutdownNow();
        pingWriter.shutdownNow();
    }

    private void execute(Runnable task) {
        try {
            scheduler.execute(task);
        } catch (RejectedExecutionException stopped) {
            // stopped: nothing left to do
        }
    }

    private void schedule(Runnable task, Duration delay) {
        try {
            scheduler.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopped) {
            // stopped: nothing left to do
        }
    }

    private static boolean awaitQuietly(CountDownLatch latch, Duration timeout) {
        try {
            return latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static String describe(Throwable t) {
        if (t == null) {
            return "unknown";
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** One transport's life: its ping state and the gate that holds inbound stanzas until onConnected ran. */
    private static final class Connection {
        final Transport transport;
        final CountDownLatch ready = new CountDownLatch(1);
        final AtomicReference<String> pendingPing = new AtomicReference<>();
        volatile boolean lost;
        volatile ScheduledFuture<?> pinger;
        /** System.nanoTime() of the last stanza from the host: a sign of life when a ping's answer is late. */
        volatile long lastInbound = System.nanoTime();

        Connection(Transport transport) {
            this.transport = transport;
        }

        /** Ends this connection: cleanly when stopping, by abort when it is judged dead (see Transport#abort). */
        void retire(boolean clean) {
            ScheduledFuture<?> task = pinger;
            if (task != null) {
                task.cancel(false);
            }
            ready.countDown();
            if (clean) {
                transport.close();
            } else {
                transport.abort();
            }
        }
    }
}
