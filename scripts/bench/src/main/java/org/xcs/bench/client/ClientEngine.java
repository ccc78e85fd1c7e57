package org.xcs.bench.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The load driver: {@code loops} selector threads (one or two; no thread per connection) carrying many c2s clients.
 * Typical use:
 * <pre>{@code
 * try (ClientEngine engine = new ClientEngine(1)) {
 *     List<XmppClient> clients = engine.loginAll(Login.anonymous("127.0.0.1", port, "bench.test"), 200, 64,
 *             Duration.ofSeconds(60));
 *     ... join rooms with client.sendExpect(presence, pattern) ...
 *     engine.begin(1, 400.0, senders);   // open-loop load, 400 messages/s over the senders
 *     Thread.sleep(5000);
 *     engine.stopSending();
 *     engine.awaitDeliveries(Duration.ofSeconds(1));
 *     StepCounts counts = engine.end();
 * }
 * }</pre>
 * Step tags must differ from step to step (stamps of another tag count as late, not delivered).
 */
public final class ClientEngine implements AutoCloseable {
    private final List<EventLoop> loops = new ArrayList<>();
    private final AtomicInteger nextClient = new AtomicInteger();

    public ClientEngine(int loopCount) {
        if (loopCount < 1 || loopCount > 8) {
            throw new IllegalArgumentException("1..8 loops, not " + loopCount);
        }
        long epoch = System.nanoTime();
        for (int i = 0; i < loopCount; i++) {
            EventLoop loop = new EventLoop("xcs-bench-loop-" + i, epoch);
            loops.add(loop);
            loop.start();
        }
    }

    /** CPU time of the selector threads so far (what one driver core spends producing and counting). */
    public long loopCpuNanos() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        return loops.stream().mapToLong(l -> Math.max(0, mx.getThreadCpuTime(l.threadId()))).sum();
    }

    public int loopCount() {
        return loops.size();
    }

    /** Starts one login (connect, SASL, bind, initial presence); completes with the client once it is available. */
    public CompletableFuture<XmppClient> login(Login login) {
        int index = nextClient.getAndIncrement();
        EventLoop loop = loops.get(index % loops.size());
        XmppClient client = new XmppClient(loop, index, login);
        loop.execute(client::connect);
        return client.ready();
    }

    /**
     * Logs in {@code count} clients with at most {@code parallel} logins in flight (a burst of thousands of connects
     * would overflow the server's accept backlog and measure SYN retries). Fails if any login fails or time runs out.
     */
    public List<XmppClient> loginAll(Login login, int count, int parallel, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<CompletableFuture<XmppClient>> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            all.add(null);
        }
        AtomicInteger next = new AtomicInteger();
        CompletableFuture<Void> done = new CompletableFuture<>();
        AtomicInteger finished = new AtomicInteger();
        Runnable[] startNext = new Runnable[1];
        startNext[0] = () -> {
            int i = next.getAndIncrement();
            if (i >= count) {
                return;
            }
            CompletableFuture<XmppClient> f = login(login);
            synchronized (all) {
                all.set(i, f);
            }
            f.whenComplete((c, e) -> {
                if (e != null) {
                    done.completeExceptionally(e);
                    return;
                }
                if (finished.incrementAndGet() == count) {
                    done.complete(null);
                }
                startNext[0].run();
            });
        };
        if (count == 0) {
            return List.of();
        }
        for (int i = 0; i < Math.min(parallel, count); i++) {
            startNext[0].run();
        }
        done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        List<XmppClient> clients = new ArrayList<>();
        synchronized (all) {
            for (CompletableFuture<XmppClient> f : all) {
                clients.add(f.join());
            }
        }
        return clients;
    }

    /** Starts a step: open-loop {@code rate} messages/s in total, spread evenly over {@code senders}. */
    public void begin(long tag, double rate, List<Sender> senders) {
        List<List<Sender>> perLoop = new ArrayList<>();
        loops.forEach(l -> perLoop.add(new ArrayList<>()));
        for (Sender s : senders) {
            perLoop.get(loops.indexOf(s.client().loop())).add(s);
        }
        List<CompletableFuture<Void>> started = new ArrayList<>();
        for (int i = 0; i < loops.size(); i++) {
            EventLoop loop = loops.get(i);
            List<Sender> mine = perLoop.get(i);
            double share = senders.isEmpty() ? 0 : rate * mine.size() / senders.size();
            started.add(loop.call(() -> {
                loop.begin(tag, share, mine);
                return null;
            }));
        }
        started.forEach(CompletableFuture::join);
    }

    public void stopSending() {
        loops.stream().map(l -> l.call(() -> {
            l.stopSending();
            return null;
        })).toList().forEach(CompletableFuture::join);
    }

    /** The current step's counters summed over the loops (the step goes on). */
    public StepCounts snapshot() {
        return sum(loops.stream().map(l -> l.call(l::snapshot)).toList());
    }

    /** Waits (bounded) until every expected delivery of the current step arrived; true if they all did. */
    public boolean awaitDeliveries(Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (true) {
            StepCounts now = snapshot();
            if (now.delivered() >= now.expected()) {
                return true;
            }
            if (System.nanoTime() >= deadline) {
                return false;
            }
            Thread.sleep(20);
        }
    }

    /** Ends the step and returns its counters; stamps still in flight will count as late in the next step. */
    public StepCounts end() {
        return sum(loops.stream().map(l -> l.call(l::end)).toList());
    }

    private static StepCounts sum(List<CompletableFuture<StepCounts>> parts) {
        StepCounts total = null;
        for (CompletableFuture<StepCounts> f : parts) {
            StepCounts c = f.join();
            if (total == null) {
                total = new StepCounts(c.tag);
            }
            total.add(c);
        }
        return total;
    }

    /** Closes every client's stream and stops the loops. */
    @Override
    public void close() {
        loops.forEach(EventLoop::shutdown);
    }
}
