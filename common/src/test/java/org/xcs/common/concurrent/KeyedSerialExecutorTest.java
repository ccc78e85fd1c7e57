package org.xcs.common.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KeyedSerialExecutorTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final List<KeyedSerialExecutor> executors = new ArrayList<>();

    private KeyedSerialExecutor executor(int threads, int perKey, int total) {
        KeyedSerialExecutor executor = new KeyedSerialExecutor("test", threads, perKey, total);
        executors.add(executor);
        return executor;
    }

    @AfterEach
    void stop() {
        executors.forEach(e -> e.drain(WAIT));
    }

    @Test
    void tasksOfOneKeyRunOneAtATimeInSubmissionOrder() {
        KeyedSerialExecutor executor = executor(4, 1000, 50_000);
        ConcurrentHashMap<String, List<Integer>> seen = new ConcurrentHashMap<>();
        ConcurrentHashMap<String, AtomicBoolean> inside = new ConcurrentHashMap<>();
        AtomicInteger overlaps = new AtomicInteger();
        for (int k = 0; k < 50; k++) {
            seen.put("room" + k, Collections.synchronizedList(new ArrayList<>()));
            inside.put("room" + k, new AtomicBoolean());
        }
        // Interleave keys the way a dispatch thread would see traffic for many rooms.
        for (int i = 0; i < 1000; i++) {
            for (int k = 0; k < 50; k++) {
                String key = "room" + k;
                int n = i;
                assertTrue(executor.trySubmit(key, () -> {
                    if (!inside.get(key).compareAndSet(false, true)) {
                        overlaps.incrementAndGet();
                    }
                    seen.get(key).add(n);
                    inside.get(key).set(false);
                }));
            }
        }
        assertTrue(executor.awaitIdle(WAIT));
        assertEquals(0, overlaps.get(), "two tasks of one key ran at the same time");
        for (int k = 0; k < 50; k++) {
            List<Integer> order = seen.get("room" + k);
            for (int i = 0; i < 1000; i++) {
                assertEquals(i, order.get(i), "order of room" + k);
            }
            assertEquals(1000, order.size());
        }
        assertEquals(50_000, executor.stats().executed());
        assertEquals(0, executor.stats().pending());
    }

    @Test
    void differentKeysRunInParallel() throws InterruptedException {
        KeyedSerialExecutor executor = executor(2, 10, 100);
        CountDownLatch bRan = new CountDownLatch(1);
        AtomicBoolean aSawB = new AtomicBoolean();
        // Key a waits for key b: this can only finish if b runs while a's task is still running.
        executor.trySubmit("a", () -> {
            try {
                aSawB.set(bRan.await(WAIT.toSeconds(), TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        executor.trySubmit("b", bRan::countDown);
        assertTrue(executor.awaitIdle(WAIT));
        assertTrue(aSawB.get());
    }

    @Test
    void aFullKeyQueueRefusesMoreWorkForThatKeyOnlyAndCountsIt() throws InterruptedException {
        KeyedSerialExecutor executor = executor(2, 3, 100);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        assertTrue(executor.trySubmit("busy", () -> {
            started.countDown();
            awaitQuietly(release);
        }));
        assertTrue(started.await(10, TimeUnit.SECONDS));
        for (int i = 0; i < 3; i++) {
            assertTrue(executor.trySubmit("busy", () -> { }), "queued task " + i);
        }
        assertFalse(executor.trySubmit("busy", () -> { }));
        assertTrue(executor.trySubmit("other", () -> { }));
        release.countDown();
        assertTrue(executor.awaitIdle(WAIT));
        KeyedSerialExecutor.Stats stats = executor.stats();
        assertEquals(5, stats.submitted());
        assertEquals(5, stats.executed());
        assertEquals(1, stats.rejected());
        assertEquals(0, stats.failed());
    }

    @Test
    void theGlobalLimitRefusesWorkForAnyKey() throws InterruptedException {
        KeyedSerialExecutor executor = executor(1, 100, 3);
        CountDownLatch release = new CountDownLatch(1);
        assertTrue(executor.trySubmit("a", () -> awaitQuietly(release)));
        assertTrue(executor.trySubmit("b", () -> { }));
        assertTrue(executor.trySubmit("c", () -> { }));
        assertFalse(executor.trySubmit("d", () -> { }));
        assertEquals(1, executor.stats().rejected());
        release.countDown();
        assertTrue(executor.awaitIdle(WAIT));
        assertTrue(executor.trySubmit("d", () -> { }), "room again once the queued work ran");
    }

    @Test
    void aThrowingTaskDoesNotStopItsKey() {
        KeyedSerialExecutor executor = executor(2, 100, 100);
        List<Integer> ran = Collections.synchronizedList(new ArrayList<>());
        executor.trySubmit("k", () -> ran.add(1));
        executor.trySubmit("k", () -> {
            throw new IllegalStateException("boom (expected by the test)");
        });
        executor.trySubmit("k", () -> ran.add(3));
        assertTrue(executor.awaitIdle(WAIT));
        assertEquals(List.of(1, 3), ran);
        assertEquals(1, executor.stats().failed());
        assertEquals(2, executor.stats().executed());
    }

    @Test
    void idleKeysLeaveNoQueueBehind() {
        KeyedSerialExecutor executor = executor(2, 10, 10_000);
        for (int i = 0; i < 5000; i++) {
            assertTrue(executor.trySubmit("session" + i, () -> { }));
        }
        assertTrue(executor.awaitIdle(WAIT));
        assertEquals(0, executor.stats().activeKeys());
    }

    @Test
    void drainFinishesQueuedTasksAndThenRefusesNewOnes() {
        KeyedSerialExecutor executor = executor(2, 100, 100);
        AtomicInteger done = new AtomicInteger();
        for (int i = 0; i < 20; i++) {
            executor.trySubmit("k" + (i % 3), () -> {
                sleepQuietly(5);
                done.incrementAndGet();
            });
        }
        assertTrue(executor.drain(WAIT));
        assertEquals(20, done.get());
        assertFalse(executor.isAccepting());
        assertFalse(executor.trySubmit("k0", done::incrementAndGet));
        assertEquals(1, executor.stats().rejected());
    }

    @Test
    void drainReportsWorkThatDidNotFinishInTime() {
        KeyedSerialExecutor executor = executor(1, 10, 10);
        CountDownLatch release = new CountDownLatch(1);
        executor.trySubmit("stuck", () -> awaitQuietly(release));
        assertFalse(executor.drain(Duration.ofMillis(50)));
        release.countDown();
    }

    @Test
    void executorForAKeyRunsInThatKeysOrderAndRejectsWhenFull() throws InterruptedException {
        KeyedSerialExecutor executor = executor(2, 1, 100);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        executor.executorFor("room").execute(() -> {
            started.countDown();
            awaitQuietly(release);
        });
        assertTrue(started.await(10, TimeUnit.SECONDS));
        executor.executorFor("room").execute(() -> { });
        assertThrows(RejectedExecutionException.class, () -> executor.executorFor("room").execute(() -> { }));
        release.countDown();
        assertTrue(executor.awaitIdle(WAIT));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
