package org.xcs.bench.proc;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * How fast the machine's CPUs ran over an interval, against their best in this run. A virtual machine's CPU speed is
 * not constant: on the bench machine (2 vCPUs) the same piece of work took 25-26 ms of thread CPU time most of the
 * time and 41-45 ms for seconds at a time, idle or with the other vCPU busy, while /proc/stat showed almost no steal
 * time (twelfth session). A step measured in such a stretch serves less for reasons of the machine, not of the server,
 * and the step lines and "limited by" texts say so.
 *
 * <p>A daemon thread times a fixed piece of work every {@value #PERIOD_MS} ms in its own CPU time, not in wall time,
 * so that waiting for a busy CPU does not count: about 1 ms of work each time, half a percent of one core.
 */
public final class MachineSpeed {
    static final long PERIOD_MS = 200;
    private static final int WORK = 1 << 20;
    private static final int WARM_UP = 30;

    /** One timing: when it ended (System.nanoTime) and the CPU nanoseconds the work took. */
    record Sample(long at, long cpuNanos) {
    }

    private final List<Sample> samples = new ArrayList<>();
    private volatile long sink;

    private MachineSpeed() {
    }

    /** Starts timing now, for the rest of this JVM's life. */
    public static MachineSpeed started() {
        MachineSpeed speed = new MachineSpeed();
        Thread thread = new Thread(speed::loop, "xcs-bench-machine-speed");
        thread.setDaemon(true);
        thread.start();
        return speed;
    }

    /**
     * The machine's speed from {@code fromNanos} to {@code toNanos} (System.nanoTime) as a share of its best in this
     * run: 1.0 at its best, 0.6 when the work took 1/0.6 times as long (the median of the interval's timings
     * against the fastest so far). NaN when no timing fell in the interval.
     */
    public double relativeSpeed(long fromNanos, long toNanos) {
        synchronized (samples) {
            return relativeSpeed(samples, fromNanos, toNanos);
        }
    }

    static double relativeSpeed(List<Sample> samples, long fromNanos, long toNanos) {
        long best = Long.MAX_VALUE;
        List<Long> window = new ArrayList<>();
        for (Sample s : samples) {
            best = Math.min(best, s.cpuNanos());
            if (s.at() >= fromNanos && s.at() <= toNanos) {
                window.add(s.cpuNanos());
            }
        }
        if (window.isEmpty()) {
            return Double.NaN;
        }
        window.sort(null);
        double median = window.size() % 2 == 1 ? window.get(window.size() / 2)
                : (window.get(window.size() / 2 - 1) + window.get(window.size() / 2)) / 2.0;
        return best / median;
    }

    private void loop() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < WARM_UP; i++) {
            work(); // compiled before it is timed
        }
        while (true) {
            long cpu0 = threads.getCurrentThreadCpuTime();
            work();
            long cpu = threads.getCurrentThreadCpuTime() - cpu0;
            synchronized (samples) {
                samples.add(new Sample(System.nanoTime(), cpu));
            }
            try {
                Thread.sleep(PERIOD_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Integer arithmetic in registers (xorshift): the CPU's speed, not the memory's or the caches'. */
    private void work() {
        long x = sink | 1;
        for (int i = 0; i < WORK; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        sink = x;
    }
}
