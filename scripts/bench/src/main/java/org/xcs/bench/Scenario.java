package org.xcs.bench;

import org.xcs.bench.report.Results;

/** One benchmark scenario of issue 6: measures ours and its anchor in the same run and adds the figures. */
public interface Scenario {

    /** Short id used on the command line and in the JSON, e.g. "muc-10x20". */
    String id();

    /** One line for the table and BENCHMARKS.md. */
    String title();

    /**
     * Runs the scenario, stopping everything it started (by PID) before returning. Hosts with our MUC/PubSub come
     * from {@code settings.testbeds()} (fresh in a full run, shared in a smoke run); anything else it starts itself.
     */
    void run(BenchSettings settings, Results results) throws Exception;

    /**
     * Whether it leases hosts from {@code settings.testbeds()}. A smoke run runs the scenarios that do not (they
     * start their own stand-ins and servers) beside those that do, while the shared testbeds are still starting.
     */
    default boolean usesTestbeds() {
        return true;
    }
}
