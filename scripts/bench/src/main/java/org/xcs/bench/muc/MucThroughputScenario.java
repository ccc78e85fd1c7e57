package org.xcs.bench.muc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.xcs.bench.BenchSettings;
import org.xcs.bench.Scenario;
import org.xcs.bench.client.ClientEngine;
import org.xcs.bench.client.XmppClient;
import org.xcs.bench.load.Criteria;
import org.xcs.bench.load.LoadRunner;
import org.xcs.bench.load.Ramp;
import org.xcs.bench.load.RampResult;
import org.xcs.bench.load.StepResult;
import org.xcs.bench.report.Figure;
import org.xcs.bench.report.Results;
import org.xcs.bench.testbed.Testbed;
import org.xcs.bench.testbed.RunningComponent;
import org.xcs.bench.testbed.Testbeds;

/**
 * Scenarios 1 and 2 of issue 6: {@code rooms} rooms of {@code occupants}, every occupant sending groupchat messages.
 * Per host: one testbed with the built-in MUC and ours (fresh data dir) side by side. Each system gets its clients
 * and rooms once (joins/s) and a scout ramp of 1-second steps from {@code startRate}; then per repetition, built-in
 * then ours: one step at a fixed light rate (p50/p99) and an ascending ramp of full steps starting at the latest
 * saturation estimate (two or three steps: this keeps three ramps per system within the time budget).
 */
public final class MucThroughputScenario implements Scenario {
    private static final double FACTOR = 1.5;
    private static final int MAX_STEPS = 9;
    private static final Duration GRACE = Duration.ofSeconds(1);
    private static final Duration SCOUT_STEP = Duration.ofSeconds(1);

    private final String id;
    private final String title;
    private final int rooms;
    private final int occupants;
    private final double lightRate;
    private final double startRate;
    private final double maxRate;

    public MucThroughputScenario(String id, String title, int rooms, int occupants, double lightRate,
                                 double startRate, double maxRate) {
        this.id = id;
        this.title = title;
        this.rooms = rooms;
        this.occupants = occupants;
        this.lightRate = lightRate;
        this.startRate = startRate;
        this.maxRate = maxRate;
    }

    /** Scenario 1: 10 rooms x 20 occupants; light load 20 msgs/s (400 deliveries/s). */
    public static MucThroughputScenario tenRoomsOfTwenty() {
        return new MucThroughputScenario("muc-10x20", "MUC 10 rooms x 20 occupants, every occupant sending",
                10, 20, 20, 50, 6000);
    }

    /** Scenario 2: one room of 200; light load 4 msgs/s (800 deliveries/s). */
    public static MucThroughputScenario oneRoomOfTwoHundred() {
        return new MucThroughputScenario("muc-1x200", "MUC 1 room x 200 occupants, every occupant sending",
                1, 200, 4, 8, 1500);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public void run(BenchSettings settings, Results results) throws Exception {
        settings.forEachHost(host -> runOn(host, settings, results));
    }

    private void runOn(String hostKind, BenchSettings settings, Results results) throws Exception {
        int roomCount = settings.smoke() ? Math.min(rooms, 2) : rooms;
        int perRoom = settings.smoke() ? 3 : occupants;
        try (Testbeds.Lease lease = settings.testbeds().lease(hostKind, settings.workDir().resolve(id + "-" + hostKind),
                b -> b)) {
            Testbed bed = lease.bed();
            RunningComponent ours = lease.ourMuc();
            List<SystemUnderTest> systems = List.of(
                    new SystemUnderTest(SystemUnderTest.builtinName(hostKind), Testbed.BUILTIN_MUC, null,
                            bed.hostTree(), null),
                    new SystemUnderTest(SystemUnderTest.oursName(hostKind), Testbed.OUR_MUC,
                            SystemUnderTest.builtinName(hostKind), bed.hostTree(), Testbed.tree("component", ours)));
            Map<String, Samples> samples = new LinkedHashMap<>();
            List<ClientEngine> engines = new ArrayList<>();
            try {
                // Each system gets its own clients and rooms, filled once and kept for all its repetitions.
                for (SystemUnderTest system : systems) {
                    ClientEngine engine = new ClientEngine(1);
                    engines.add(engine);
                    samples.put(system.name(), prepare(bed, engine, system, settings, roomCount, perRoom));
                    awaitHostIdle(bed, settings);
                }
                for (int repeat = 1; repeat <= settings.repeats(); repeat++) {
                    for (SystemUnderTest system : systems) {
                        System.out.printf("  %s %s, repeat %d%n", id, system.name(), repeat);
                        measure(samples.get(system.name()), settings);
                        awaitHostIdle(bed, settings);
                    }
                }
            } finally {
                engines.forEach(ClientEngine::close);
            }
            for (SystemUnderTest system : systems) {
                samples.get(system.name()).report(id, hostKind, system, results);
            }
            if (!ours.isAlive()) {
                throw new IllegalStateException("our MUC died during " + id + ":\n" + ours.output());
            }
        }
    }

    /** A smoke run measures nothing a busy host could distort: it does not wait (at least 300 ms each time). */
    private static void awaitHostIdle(Testbed bed, BenchSettings settings) throws InterruptedException {
        if (!settings.smoke()) {
            bed.awaitHostIdle(Duration.ofSeconds(20));
        }
    }

    /**
     * Logs in and seats the occupants (joins/s), then a scout ramp of 1-second steps finds where this system's
     * saturation lies, so that each measured ramp needs only two or three full steps around it.
     */
    private Samples prepare(Testbed bed, ClientEngine engine, SystemUnderTest system, BenchSettings settings,
                           int roomCount, int perRoom) throws Exception {
        List<XmppClient> clients = engine.loginAll(bed.login(), roomCount * perRoom, 64, Duration.ofSeconds(120));
        MucRooms.Filled filled = MucRooms.fill(clients, system.service(), "b" + System.nanoTime() % 100000 + "-",
                roomCount, Duration.ofSeconds(120));
        System.out.printf("  %s %s: %d joins in %.2f s%n", id, system.name(), filled.joins(), filled.joinSeconds());
        Samples s = new Samples(system, filled, new LoadRunner(engine, system.meters(), settings.stepDuration(),
                GRACE, settings.machineSpeed(), System.out));
        s.joinsPerSecond.add(filled.joinsPerSecond());
        if (settings.smoke()) {
            s.estimate = lightRate;
            return s;
        }
        LoadRunner scoutRunner = new LoadRunner(engine, system.meters(), SCOUT_STEP, GRACE,
                settings.machineSpeed(), System.out);
        System.out.printf("  %s %s: scout ramp%n", id, system.name());
        RampResult scout = new Ramp(startRate, FACTOR, maxRate, MAX_STEPS, Criteria.ISSUE_6)
                .run(scoutRunner, filled.senders());
        s.estimate = Math.max(lightRate, scout.saturation());
        return s;
    }

    private void measure(Samples s, BenchSettings settings) throws Exception {
        List<org.xcs.bench.client.Sender> senders = s.filled.senders();
        StepResult light = s.runner.steadyStep(lightRate, senders);
        s.lightP50.add(light.p50Millis());
        s.lightP99.add(light.p99Millis());
        s.delivered.add((double) light.counts().delivered());
        // The measured ramp starts at the last estimate: typically it passes there and fails one step up.
        Ramp ramp = new Ramp(s.estimate, FACTOR, settings.smoke() ? lightRate : maxRate,
                settings.smoke() ? 1 : MAX_STEPS, Criteria.ISSUE_6);
        RampResult r = ramp.run(s.runner, senders);
        StepResult top = r.lastPassing() != null ? r.lastPassing() : r.firstFailing();
        if (r.saturation() > 0) {
            s.estimate = r.saturation();
        }
        s.saturation.add(r.saturation());
        s.deliveriesAtSaturation.add(top.deliveriesPerSecond());
        s.satP50.add(top.p50Millis());
        s.satP99.add(top.p99Millis());
        s.serverCpuPerThousand.add(top.counts().delivered() == 0 ? 0
                : s.system.serverCores(top) * top.seconds() / top.counts().delivered() * 1e6);
        // Issue 6: where the host saturates first, what the MUC itself cost per delivery. The built-in runs inside
        // the host (so: the whole host, its c2s work included); ours is the component process alone.
        double mucCores = s.system.component() != null ? top.coresOf("component") : top.coresOf("host");
        s.mucCpuPerThousand.add(top.counts().delivered() == 0 ? 0
                : mucCores * top.seconds() / top.counts().delivered() * 1e6);
        s.delivered.add((double) top.counts().delivered());
        s.limits.add(r.limitedBy());
    }

    /** Per-repetition samples of one system. */
    private static final class Samples {
        final SystemUnderTest system;
        final MucRooms.Filled filled;
        final LoadRunner runner;
        double estimate;
        final List<Double> saturation = new ArrayList<>();
        final List<Double> deliveriesAtSaturation = new ArrayList<>();
        final List<Double> lightP50 = new ArrayList<>();
        final List<Double> lightP99 = new ArrayList<>();
        final List<Double> satP50 = new ArrayList<>();
        final List<Double> satP99 = new ArrayList<>();
        final List<Double> joinsPerSecond = new ArrayList<>();
        final List<Double> serverCpuPerThousand = new ArrayList<>();
        final List<Double> mucCpuPerThousand = new ArrayList<>();
        final List<Double> delivered = new ArrayList<>();
        final List<String> limits = new ArrayList<>();

        Samples(SystemUnderTest system, MucRooms.Filled filled, LoadRunner runner) {
            this.system = system;
            this.filled = filled;
            this.runner = runner;
        }

        void report(String scenario, String host, SystemUnderTest system, Results results) {
            String limit = String.join(" | ", limits);
            String sys = system.name();
            String anchor = system.anchor();
            results.add(new Figure(scenario, host, sys, anchor, "saturation", "msgs/s", true, saturation, limit));
            results.add(new Figure(scenario, host, sys, anchor, "deliveries/s at saturation", "1/s", true,
                    deliveriesAtSaturation, limit));
            results.add(new Figure(scenario, host, sys, anchor, "p50 light load", "ms", false, clean(lightP50), null));
            results.add(new Figure(scenario, host, sys, anchor, "p99 light load", "ms", false, clean(lightP99), null));
            results.add(new Figure(scenario, host, sys, anchor, "p50 at saturation", "ms", false, clean(satP50), null));
            results.add(new Figure(scenario, host, sys, anchor, "p99 at saturation", "ms", false, clean(satP99), null));
            results.add(new Figure(scenario, host, sys, anchor, "joins/s", "1/s", true, joinsPerSecond, null));
            results.add(new Figure(scenario, host, sys, anchor, "server CPU per 1k deliveries", "ms", false,
                    serverCpuPerThousand, "host" + (system.component() != null ? " + component" : "")));
            results.add(new Figure(scenario, host, sys, anchor, "MUC CPU per 1k deliveries", "ms", false,
                    mucCpuPerThousand, system.component() != null ? "component process alone"
                            : "whole host (the built-in MUC runs inside it)"));
            results.add(new Figure(scenario, host, sys, null, "deliveries counted", "count", true, delivered, null));
        }

        /** A step without deliveries has no latency: kept out of JSON as -1 rather than NaN. */
        private static List<Double> clean(List<Double> values) {
            return values.stream().map(v -> Double.isNaN(v) ? -1.0 : v).toList();
        }
    }
}
