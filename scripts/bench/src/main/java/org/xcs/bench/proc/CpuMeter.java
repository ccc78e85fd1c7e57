package org.xcs.bench.proc;

/**
 * CPU used by a process tree over an interval, as a share of one core (1.0 = one core busy the whole interval), so
 * a figure can say whether the server or the driver was the limit.
 */
public final class CpuMeter {
    private final ProcessTree tree;
    private double startCpu;
    private long startNanos;

    public CpuMeter(ProcessTree tree) {
        this.tree = tree;
    }

    public static CpuMeter ofThisProcess() {
        return new CpuMeter(new ProcessTree("driver", ProcessHandle.current().pid()));
    }

    public CpuMeter start() {
        startCpu = tree.cpuSeconds();
        startNanos = System.nanoTime();
        return this;
    }

    /** Cores used since {@link #start()} (CPU seconds per wall second). */
    public double cores() {
        double wall = (System.nanoTime() - startNanos) / 1e9;
        return wall <= 0 ? 0 : (tree.cpuSeconds() - startCpu) / wall;
    }

    /** CPU seconds used since {@link #start()}. */
    public double cpuSeconds() {
        return tree.cpuSeconds() - startCpu;
    }

    public ProcessTree tree() {
        return tree;
    }
}
