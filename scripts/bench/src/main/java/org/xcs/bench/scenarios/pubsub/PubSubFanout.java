package org.xcs.bench.scenarios.pubsub;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.xcs.bench.BenchSettings;
import org.xcs.bench.Scenario;
import org.xcs.bench.client.ClientEngine;
import org.xcs.bench.client.Sender;
import org.xcs.bench.client.XmppClient;
import org.xcs.bench.load.CpuSource;
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
 * Issue 6 scenario 5: one node, 100 subscribers (full JIDs, one c2s session each), one publisher sending stamped
 * payloads open-loop. Two nodes: items stored ({@code pubsub#persist_items} 1) and transient (0, XEP-0060
 * §7.1.3.6: the payload is delivered, nothing kept). Per system: a closed-loop warm-up on a node of its own (see
 * {@link #warmUp}), three unmeasured steps at 10/s, then per repetition a step at 10 publishes/s (light load
 * latency) and the issue's ramp (steps 1.5x apart; saturation = highest step with >= 98% delivered and p99 <= 250
 * ms).
 */
public final class PubSubFanout implements Scenario {
    static final String BUILTIN = "built-in";
    static final String OURS = "xcs";

    @Override
    public String id() {
        return "pubsub-100subs";
    }

    /** Unmeasured steps at 10/s before the measured one (3 x 2 s: 60 publishes, 6,000 notifications). */
    private static final int WARM_UP_STEPS = 3;
    /** Closed-loop warm-up: at most this many publishes, one in flight, to a node of the same kind... */
    private static final int WARM_UP_PUBLISHES = 2_000;
    /** ...or for at most this long, whichever comes first. */
    private static final Duration WARM_UP_TIME = Duration.ofSeconds(15);

    @Override
    public String title() {
        return "PubSub one node x 100 subscribers, stored and transient: saturation, publish-to-notify latency";
    }

    @Override
    public void run(BenchSettings settings, Results results) throws Exception {
        int subscribers = settings.smoke() ? 5 : 100;
        Duration step = settings.smoke() ? Duration.ofMillis(300) : Duration.ofSeconds(2);
        settings.forEachHost(kind -> {
            // A fresh host per system (in a full run). One host serving both ran ours on a Prosody that had served
            // the built-in first and still held its stored items, and Prosody's CPU per routed stanza grew as it
            // went: at 10/s it spent 53-56% of its core on our transient node, 24-41% on our stored node minutes
            // before, 25-36% on the built-in's transient node.
            for (String system : List.of(BUILTIN, OURS)) {
                try (Testbeds.Lease lease = settings.testbeds().lease(kind,
                        settings.workDir().resolve("pubsub-fanout-" + kind + "-" + system), PubSubBed::options)) {
                    Testbed bed = lease.bed();
                    RunningComponent ours = system.equals(OURS) ? lease.ourPubSub() : null;
                    String service = ours == null ? Testbed.BUILTIN_PUBSUB : Testbed.OUR_PUBSUB;
                    try (ClientEngine engine = new ClientEngine(1)) {
                        List<XmppClient> clients = engine.loginAll(bed.login(), subscribers + 1, 32,
                                Duration.ofSeconds(60));
                        XmppClient publisher = clients.get(0);
                        List<XmppClient> subs = clients.subList(1, clients.size());
                        Map<String, CpuSource> cpu = new LinkedHashMap<>();
                        cpu.put(kind, CpuSource.of(bed.hostTree()));
                        if (ours != null) {
                            cpu.put("component", CpuSource.of(Testbed.tree("component", ours)));
                        }
                        cpu.put("driver", CpuSource.driverProcess());
                        LoadRunner runner = new LoadRunner(engine, cpu, step, Duration.ofSeconds(2),
                                settings.machineSpeed(), System.out);
                        for (boolean stored : List.of(true, false)) {
                            String node = stored ? "stored" : "transient";
                            if (!settings.smoke()) {
                                warmUp(publisher, subs, service, stored);
                            }
                            PubSubBed.createNode(publisher, service, node, PubSubBed.nodeConfig(stored, 1000));
                            PubSubBed.subscribeAll(subs, service, node);
                            List<Sender> senders = List.of(Sender.of(publisher, publishHead(service, "pub", node),
                                    PUBLISH_TAIL, subs.size()));
                            System.out.println("  " + kind + " " + system + " " + node);
                            measure(settings, results, runner, senders, kind, system, node);
                        }
                    } finally {
                        if (ours != null) {
                            lease.release(ours);
                        }
                    }
                }
            }
        });
    }

    /**
     * Every system first takes back-to-back publishes (the next one sent when the previous one's result is back) on
     * a node of its own with the same config and subscribers, so the measured node starts empty for all. A fresh
     * JVM runs the per-publish path (store, commit) interpreted at first: at 10 publishes/s it takes minutes to get
     * compiled, and the 10/s step measured that (ours stored through ejabberd: p50 13-15 ms at 10/s 20 s after
     * start, 6.4 ms at 75.9/s in a later step of the same ramp, with less CPU per publish). Closed loop, so a slow
     * system builds no backlog: Prosody's built-in gets through a few hundred, ours about 2,000.
     */
    private static void warmUp(XmppClient publisher, List<XmppClient> subs, String service, boolean stored)
            throws Exception {
        String node = stored ? "warm-stored" : "warm-transient";
        PubSubBed.createNode(publisher, service, node, PubSubBed.nodeConfig(stored, 1000));
        PubSubBed.subscribeAll(subs, service, node);
        long start = System.nanoTime();
        long deadline = start + WARM_UP_TIME.toNanos();
        int published = 0;
        while (published < WARM_UP_PUBLISHES && System.nanoTime() < deadline) {
            String id = "warm-" + published;
            String reply = publisher.sendExpectIq(publishHead(service, id, node) + "warm-up" + PUBLISH_TAIL, id)
                    .get(30, java.util.concurrent.TimeUnit.SECONDS);
            PubSubBed.requireResult(PubSubBed.lastIq(reply), "warm-up publish");
            published++;
        }
        System.out.printf("        warm-up: %d publishes back to back in %.1f s on %s%n", published,
                (System.nanoTime() - start) / 1e9, node);
    }

    /** A publish of one item up to its entry's text: the stamp (or warm-up text) goes between it and the tail. */
    private static String publishHead(String service, String id, String node) {
        return "<iq type='set' to='" + service + "' id='" + id + "'><pubsub xmlns='" + PubSubBed.NS
                + "'><publish node='" + node + "'><item><entry xmlns='urn:xcs:bench'>";
    }

    private static final String PUBLISH_TAIL = "</entry></item></publish></pubsub></iq>";

    private void measure(BenchSettings settings, Results results, LoadRunner runner, List<Sender> senders,
                         String kind, String system, String node) throws InterruptedException {
        if (!settings.smoke()) {
            // The same unmeasured 10/s for every system first: a freshly started component otherwise measured its
            // own JIT (p50 185 ms in the first 10/s step, 17-27 ms in later, faster steps of the same run).
            for (int i = 0; i < WARM_UP_STEPS; i++) {
                runner.step(10, senders);
            }
            runner.settle(Duration.ofMillis(300), Duration.ofSeconds(5));
        }
        List<Double> lightP50 = new ArrayList<>();
        List<Double> lightP99 = new ArrayList<>();
        List<Double> lightDelivered = new ArrayList<>();
        double lightRatio = 1;
        List<Double> saturation = new ArrayList<>();
        List<Double> notifications = new ArrayList<>();
        List<Double> p99Sat = new ArrayList<>();
        String limited = null;
        double start = 15;
        for (int r = 0; r < settings.repeats(); r++) {
            // Light load before each ramp, as the MUC scenarios do: one 2 s step is 20 publishes, so its p99 is
            // decided by one or two of them; three steps give a median and a spread.
            StepResult light = runner.steadyStep(10, senders);
            lightP50.add(light.p50Millis());
            lightP99.add(light.p99Millis());
            lightDelivered.add((double) light.counts().delivered());
            lightRatio = Math.min(lightRatio, light.counts().deliveredRatio());
            if (!settings.smoke()) { // a smoke run's figures mean nothing: no wait (600 ms at least) for a quiet server
                runner.settle(Duration.ofMillis(300), Duration.ofSeconds(5));
            }
            Ramp ramp = settings.smoke() ? new Ramp(10, 1.5, 10, 1, Criteria.ISSUE_6)
                    : new Ramp(start, 1.5, 3000, 10, Criteria.ISSUE_6);
            RampResult result = ramp.run(runner, senders);
            saturation.add(result.saturation());
            notifications.add(result.lastPassing() == null ? 0 : result.lastPassing().deliveriesPerSecond());
            p99Sat.add(result.lastPassing() == null ? Double.NaN : result.lastPassing().p99Millis());
            limited = result.limitedBy();
            // Later ramps start two steps below the last saturation: same criteria, fewer steps.
            start = Math.max(10, result.saturation() / 2.25);
            if (!settings.smoke() && r + 1 < settings.repeats()) {
                runner.settle(Duration.ofMillis(300), Duration.ofSeconds(5));
            }
        }
        String label = system.equals(OURS) ? OURS + " pubsub" : kind + " " + BUILTIN;
        String anchor = system.equals(OURS) ? kind + " " + BUILTIN : null;
        String s = id() + "-" + node;
        results.add(new Figure(s, kind, label, anchor, "publishes/s at saturation", "1/s", true, saturation, limited));
        results.add(new Figure(s, kind, label, anchor, "notifications/s at saturation", "1/s", true, notifications, null));
        results.add(new Figure(s, kind, label, anchor, "p99 at saturation", "ms", false,
                p99Sat.stream().map(v -> v.isNaN() ? 0 : v).toList(), null));
        results.add(new Figure(s, kind, label, anchor, "p50 at 10/s", "ms", false, lightP50,
                String.format("delivered %.1f%% (lowest of the steps)", 100 * lightRatio)));
        results.add(new Figure(s, kind, label, anchor, "p99 at 10/s", "ms", false, lightP99, null));
        results.add(new Figure(s, kind, label, anchor, "deliveries counted", "notifications", true,
                lightDelivered, "notifications received in each 10/s step"));
    }
}
