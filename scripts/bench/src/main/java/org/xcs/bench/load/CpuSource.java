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

    /** This whole driver JVM (loops, GC, JIT, the scenario's thread). */
    static CpuSource driverProcess() {
        return of(new ProcessTree("driver", ProcessHandle.current().pid()));
    }

    /** Only the engine's selector threads. */
    static CpuSource driverLoops(ClientEngine engine) {
        return () -> engine.loopCpuNanos() / 1e9;
    }
}
