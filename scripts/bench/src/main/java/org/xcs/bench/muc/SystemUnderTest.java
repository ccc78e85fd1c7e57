package org.xcs.bench.muc;

import java.util.LinkedHashMap;
import java.util.Map;

import org.xcs.bench.load.CpuSource;
import org.xcs.bench.proc.ProcessTree;

/**
 * One of the two MUC services compared on a host: its name in the figures ("prosody built-in", "prosody xcs"), its
 * service domain, its anchor (null for the built-in) and the process trees whose CPU is metered per step.
 */
record SystemUnderTest(String name, String service, String anchor, ProcessTree host, ProcessTree component) {

    static String builtinName(String host) {
        return host + " built-in";
    }

    static String oursName(String host) {
        return host + " xcs";
    }

    /** Host, component (ours only) and the driver process, metered over each step's send window. */
    Map<String, CpuSource> meters() {
        Map<String, CpuSource> m = new LinkedHashMap<>();
        m.put("host", CpuSource.of(host));
        if (component != null) {
            m.put("component", CpuSource.of(component));
        }
        m.put("driver", CpuSource.driverProcess());
        return m;
    }

    /** Server-side CPU of a step: the host, plus our component where there is one. */
    double serverCores(org.xcs.bench.load.StepResult step) {
        return step.coresOf("host") + step.coresOf("component");
    }
}
