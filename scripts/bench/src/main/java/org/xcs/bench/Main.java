package org.xcs.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;

import org.xcs.bench.proc.MachineSpeed;
import org.xcs.bench.report.Results;
import org.xcs.bench.testbed.Testbed;
import org.xcs.bench.testbed.Testbeds;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scripts/bench/run}: every scenario, built-in and ours alternately, one table, JSON kept. */
@Command(name = "xcs-bench", mixinStandardHelpOptions = true,
        description = "Benchmarks our components against the hosts' built-ins and coturn, in one run.")
public final class Main implements Callable<Integer> {
    /**
     * A smoke run's step: short because every scenario takes several, long enough for two messages at the lowest
     * rate any scenario offers (muc-1x200's light load, 4 msgs/s: due at 250 and 500 ms). At 400 ms a step on a
     * machine busy with other work once sent nothing (its one message was not sent in time), and its scenario
     * counted nothing.
     */
    public static final Duration SMOKE_STEP = Duration.ofMillis(600);

    @Option(names = "--scenario", split = ",", description = "Scenario ids to run (default: all). Known: ${COMPLETION-CANDIDATES}")
    List<String> scenarios = new ArrayList<>();

    @Option(names = "--smoke", description = "A few seconds per scenario, tiny loads: checks the tool, not the servers.")
    boolean smoke;

    @Option(names = "--repeats", defaultValue = "3", description = "Ramps per scenario and system (median and spread).")
    int repeats;

    @Option(names = "--step-seconds", defaultValue = "5", description = "Duration of each offered-rate step.")
    double stepSeconds;

    @Option(names = "--hosts", split = ",", defaultValue = "prosody,ejabberd", description = "Hosts to measure through.")
    List<String> hosts;

    @Option(names = "--out", defaultValue = "bench-results", description = "Directory for the JSON results and logs.")
    Path out;

    @Option(names = "--prosody-nagle", description = "Keep Prosody's default, Nagle's algorithm on, instead of the"
            + " network_settings = { nagle = false } that docs/hosts.md recommends (for the built-ins and ours alike).")
    boolean prosodyNagle;

    @Option(names = "--prosody-gc-generational", description = "Run Prosody's garbage collector in generational mode"
            + " (gc = { mode = \"generational\" }) instead of its default (incremental), for the built-ins and ours"
            + " alike.")
    boolean prosodyGenerationalGc;

    @Option(names = "--no-multicast", description = "Leave the hosts without the XEP-0033 multicast service"
            + " docs/hosts.md recommends (ejabberd's mod_multicast, our mod_xcs_multicast for Prosody): our components"
            + " then send one stanza per recipient.")
    boolean noMulticast;

    /** The run's host options, applied to every test bed before a scenario's own. */
    UnaryOperator<Testbed.Builder> hostOptions() {
        return b -> {
            if (prosodyNagle) {
                b.prosodyNagle();
            }
            if (prosodyGenerationalGc) {
                b.prosodyGenerationalGc();
            }
            if (noMulticast) {
                b.noMulticast();
            }
            return b;
        };
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(out);
        Path work = Files.createTempDirectory("xcs-bench-");
        BenchSettings settings = new BenchSettings(smoke, smoke ? 1 : repeats,
                smoke ? SMOKE_STEP : Duration.ofMillis((long) (stepSeconds * 1000)), hosts, work,
                Testbeds.fresh(hostOptions()), MachineSpeed.started());
        Results results = run(settings, scenarios);
        results.note("prosody nagle", prosodyNagle ? "on (the host's default, --prosody-nagle)"
                : "off (network_settings = { nagle = false })");
        results.note("prosody gc", prosodyGenerationalGc ? "generational (--prosody-gc-generational)"
                : "the host's default (incremental)");
        results.note("multicast", noMulticast ? "none (--no-multicast)"
                : "XEP-0033 service loaded (ejabberd mod_multicast, Prosody mod_xcs_multicast)");
        results.printTable(System.out);
        Path json = out.resolve("bench-" + Instant.now().toString().replace(':', '-') + ".json");
        results.writeJson(json);
        results.writeJson(out.resolve("latest.json"));
        System.out.println("JSON: " + json);
        return 0;
    }

    /** Runs the chosen scenarios (all when none is named); used by the smoke test too. */
    public static Results run(BenchSettings settings, List<String> ids) throws Exception {
        // A smoke run shares one started testbed per host (see Testbeds), with the options of every scenario that
        // leases one: today the PubSub scenarios' opened built-ins. A full run leases fresh ones.
        long t0 = System.nanoTime();
        List<Scenario> chosen = Scenarios.all().stream().filter(s -> ids.isEmpty() || ids.contains(s.id())).toList();
        Results results;
        UnaryOperator<Testbed.Builder> hostOptions = settings.testbeds().hostOptions();
        try (Testbeds beds = settings.smoke() && chosen.stream().anyMatch(Scenario::usesTestbeds)
                ? Testbeds.shared(settings.workDir(), settings.hosts(), hostOptions,
                        Testbed.Builder::openBuiltinPubSub)
                : Testbeds.fresh(hostOptions)) {
            results = runAll(settings.with(beds), chosen);
        }
        String seconds = String.format(Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9);
        results.note("seconds in all", seconds);
        System.out.printf("== the run took %s s, hosts started and stopped included (this JVM: %.1f CPU-s)%n", seconds,
                org.xcs.bench.load.CpuSource.driverProcess().cpuSeconds());
        return results;
    }

    private static Results runAll(BenchSettings settings, List<Scenario> chosen) throws Exception {
        Results results = new Results();
        results.note("started", Instant.now().toString());
        results.note("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        results.note("java", System.getProperty("java.version"));
        results.note("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        results.note("smoke", Boolean.toString(settings.smoke()));
        if (!settings.smoke()) {
            runInTurn(chosen, settings, results); // each scenario measured alone
            return results;
        }
        // A smoke run's figures mean nothing: the scenarios run at once, each lane in its own thread (see
        // Scenarios#smokeLanes). Those with their own servers and stand-ins start right away; those on the shared
        // testbeds as soon as the beds are up.
        List<Thread> threads = new ArrayList<>();
        for (List<Scenario> lane : Scenarios.smokeLanes(chosen)) {
            Thread t = new Thread(() -> runInTurn(lane, settings, results), "xcs-bench-" + lane.get(0).id());
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        return results;
    }

    private static void runInTurn(List<Scenario> scenarios, BenchSettings settings, Results results) {
        for (Scenario scenario : scenarios) {
            System.out.println("== " + scenario.id() + ": " + scenario.title());
            long t0 = System.nanoTime();
            try {
                scenario.run(settings, results);
            } catch (Exception | AssertionError e) {
                // One scenario failing (a server refusing load, a timeout) must not cost the figures of the others:
                // it is recorded in the notes and the table, and the run goes on.
                System.out.println("!! " + scenario.id() + " failed: " + e);
                e.printStackTrace(System.out);
                results.note("FAILED " + scenario.id(), String.valueOf(e));
            }
            String seconds = String.format(Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9);
            results.note("seconds " + scenario.id(), seconds);
            System.out.println("== " + scenario.id() + " took " + seconds + " s");
        }
    }
}
