package org.xcs.bench.load;

import org.xcs.bench.client.ClientEngine;
import org.xcs.bench.proc.ProcessTree;

/** Something whose CPU seconds so far can be read: a process tree from /proc, or the driver's own loop threads. */
@FunctionalInterface
public interface CpuSource {
    double cpuSeconds();

    /**
     * True when this is the driver's own JVM: a smoke run's in-process component is metered so. Its CPU is the
     * driver's too, so it cannot tell whether the server is idle ({@link LoadRunner#settle}).
     */
    default boolean isDriverItself() {
        return false;
    }

    static CpuSource of(ProcessTree tree) {
        boolean driver = tree.rootPid() == ProcessHandle.current().pid();
        return new CpuSource() {
            @Override
            public double cpuSeconds() {
                return tree.cpuSeconds();
            }

            @Override
            public boolean isDriverItself() {
                return driver;
            }
        };
    }

    /**
     * This driver JVM alone (loops, GC, JIT, the scenario's thread): not its process tree, whose descendants are the
     * hosts and components the harness started.
     */
    static CpuSource driverProcess() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return () -> sun.getProcessCpuTime() / 1e9;
        }
        throw new IllegalStateException("this JVM does not report its process CPU time");
    }

    /** Name under which {@link #machine()} is metered: the whole machine, other users' processes included. */
    String MACHINE = "machine";

    /**
     * All CPUs of the machine, busy time from /proc/stat (proc(5): the first line, everything but idle and iowait,
     * in USER_HZ ticks of 1/100 s): tells a step starved by other work on the machine from one that saturated ours.
     */
    static CpuSource machine() {
        return () -> {
            try {
                String line = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat")).get(0);
                String[] f = line.trim().split("\\s+");
                long busy = 0;
                for (int i = 1; i < f.length && i <= 8; i++) {
                    if (i != 4 && i != 5) {
                        busy += Long.parseLong(f[i]);
                    }
                }
                return busy / 100.0;
            } catch (java.io.IOException | RuntimeException e) {
                return 0;
            }
        };
    }

    /** Only the engine's selector threads. */
    static CpuSource driverLoops(ClientEngine engine) {
        return () -> engine.loopCpuNanos() / 1e9;
    }
}
