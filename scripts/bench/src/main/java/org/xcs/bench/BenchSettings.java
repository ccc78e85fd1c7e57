package org.xcs.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.xcs.bench.proc.MachineSpeed;
import org.xcs.bench.testbed.Testbeds;

/**
 * How long and how often to measure. {@code smoke} is the few-second run of the tests: each scenario runs one short,
 * small step per system so the whole tool is exercised, and its figures mean nothing. {@code hosts} lists the host
 * servers to measure through ("prosody", "ejabberd"). {@code workDir} receives host/component data and logs.
 * {@code testbeds} hands out the hosts (fresh ones unless {@link Main#run} shares them in a smoke run).
 * {@code machineSpeed} times the machine's CPUs for the whole run (see {@link MachineSpeed}).
 */
public record BenchSettings(boolean smoke, int repeats, Duration stepDuration, List<String> hosts, Path workDir,
                            Testbeds testbeds, MachineSpeed machineSpeed) {

    public BenchSettings(boolean smoke, int repeats, Duration stepDuration, List<String> hosts, Path workDir) {
        this(smoke, repeats, stepDuration, hosts, workDir, Testbeds.fresh(), MachineSpeed.started());
    }

    public BenchSettings {
        hosts = List.copyOf(hosts);
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be at least 1");
        }
    }

    public BenchSettings with(Testbeds beds) {
        return new BenchSettings(smoke, repeats, stepDuration, hosts, workDir, beds, machineSpeed);
    }

    /** One host's part of a scenario. */
    public interface HostRun {
        void run(String host) throws Exception;
    }

    /**
     * Runs {@code run} for every host: one after the other in a full run, so that each host is measured alone; at
     * once in a smoke run, whose figures mean nothing (it halves the smoke run's time). The first failure is thrown
     * once every host is done.
     */
    public void forEachHost(HostRun run) throws Exception {
        if (!smoke || hosts.size() < 2) {
            for (String host : hosts) {
                run.run(host);
            }
            return;
        }
        List<Exception> failures = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        List<Thread> threads = new java.util.ArrayList<>();
        for (String host : hosts) {
            Thread t = new Thread(() -> {
                try {
                    run.run(host);
                } catch (Exception e) {
                    failures.add(e);
                } catch (AssertionError e) {
                    failures.add(new IllegalStateException(e));
                }
            }, "xcs-bench-" + host);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        if (!failures.isEmpty()) {
            Exception first = failures.get(0);
            failures.subList(1, failures.size()).forEach(first::addSuppressed);
            throw first;
        }
    }

    public boolean measures(String host) {
        return hosts.contains(host);
    }
}
