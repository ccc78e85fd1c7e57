package org.xcs.bench.load;

import org.xcs.bench.client.ClientEngine;
import org.xcs.bench.proc.ProcessTree;

/** Something whose CPU seconds so far can be read: a process tree from /proc, or the driver's own loop threads. */
@FunctionalInterface
public interface CpuSource {
    double cpuSeconds();

    static CpuSource of(ProcessTree tree) {
        return tree::cpuSeconds;
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

    /** Only the engine's selector threads. */
    static CpuSource driverLoops(ClientEngine engine) {
        return () -> engine.loopCpuNanos() / 1e9;
    }
}
