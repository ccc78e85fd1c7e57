package org.xcs.bench.scenarios.componentonly;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongUnaryOperator;
import java.util.function.Supplier;

import org.xcs.bench.BenchSettings;
import org.xcs.bench.Scenario;
import org.xcs.bench.proc.CpuMeter;
import org.xcs.bench.proc.ProcessTree;
import org.xcs.bench.report.Figure;
import org.xcs.bench.report.Results;
import org.xcs.bench.standin.Link;
import org.xcs.bench.standin.OurComponent;
import org.xcs.bench.standin.StandInHost;
import org.xcs.bench.standin.WindowedFeed;
import org.xcs.bench.testbed.RunningComponent;

/**
 * Issue 6 scenario 7. Three loads, each on a fresh component process attached to the stand-in host:
 * <ul>
 * <li>muc: 10 rooms x 20 occupants joined first, every occupant sending groupchat in turn; out = reflections;</li>
 * <li>pubsub stored: one node, 100 subscribers, publishes with a payload kept in the store;</li>
 * <li>pubsub transient: the same with {@code pubsub#persist_items} false (XEP-0060 §7.1.3.6, nothing stored).</li>
 * </ul>
 * Each is fed with a bounded window of unanswered requests, so what is measured is the component's pace, not its
 * queue limits; anything answered resource-constraint anyway is counted and reported.
 */
public final class ComponentOnlyCapacity implements Scenario {
    static final String HOST = "bench.test";
    static final String MUC = "muc.bench.test";
    static final String PUBSUB = "pubsub.bench.test";
    static final String SECRET = "bench-secret";
    static final String BODY = "The quick brown fox jumps over the lazy dog 0123456789";

    @Override
    public String id() {
        return "component-only";
    }

    @Override
    public boolean usesTestbeds() {
        return false;
    }

    @Override
    public String title() {
        return "Component-only capacity: stand-in XEP-0114 host feeding our MUC and PubSub directly";
    }

    @Override
    public void run(BenchSettings settings, Results results) throws Exception {
        Map<String, List<Load>> byLoad = new LinkedHashMap<>();
        for (int r = 0; r < settings.repeats(); r++) {
            int repeat = r;
            List<Load> loads = run(settings.smoke(), List.of(() -> muc(settings, repeat),
                    () -> pubsub(settings, repeat, true), () -> pubsub(settings, repeat, false)));
            byLoad.computeIfAbsent("muc 10x20", k -> new ArrayList<>()).add(loads.get(0));
            byLoad.computeIfAbsent("pubsub 100 subs stored", k -> new ArrayList<>()).add(loads.get(1));
            byLoad.computeIfAbsent("pubsub 100 subs transient", k -> new ArrayList<>()).add(loads.get(2));
        }
        byLoad.forEach((load, runs) -> report(results, load, runs));
    }

    /**
     * The loads one after the other (each measured alone), or at once in a smoke run: its figures mean nothing, and
     * each load starts its own component JVM and stand-in host.
     */
    private static List<Load> run(boolean atOnce, List<java.util.concurrent.Callable<Load>> loads) throws Exception {
        List<Load> done = new ArrayList<>();
        if (!atOnce) {
            for (java.util.concurrent.Callable<Load> load : loads) {
                done.add(load.call());
            }
            return done;
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(loads.size());
        try {
            for (java.util.concurrent.Future<Load> f : pool.invokeAll(loads)) {
                try {
                    done.add(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
            return done;
        } finally {
            pool.shutdownNow();
        }
    }

    private void report(Results results, String load, List<Load> runs) {
        String system = "xcs " + load + (runs.get(0).inName.isEmpty() ? "" : "");
        String limited = String.format("component %.2f cores, driver %.2f cores, shed %d, other errors %d",
                runs.stream().mapToDouble(Load::componentCores).average().orElse(0),
                runs.stream().mapToDouble(Load::driverCores).average().orElse(0),
                runs.stream().mapToLong(Load::shed).sum(), runs.stream().mapToLong(Load::otherErrors).sum());
        results.add(new Figure(id(), "standin", system, null, runs.get(0).inName + " in/s", "1/s", true,
                runs.stream().map(Load::inPerSecond).toList(), limited));
        results.add(new Figure(id(), "standin", system, null, runs.get(0).outName + " out/s", "1/s", true,
                runs.stream().map(Load::outPerSecond).toList(), null));
        results.add(new Figure(id(), "standin", system, null, "stanzas out per component core-s", "1/cpu-s", true,
                runs.stream().map(l -> l.outPerSecond / Math.max(l.componentCores, 1e-3)).toList(), null));
        results.add(new Figure(id(), "standin", system, null, "deliveries counted", "stanzas", true,
                runs.stream().map(Load::outCounted).toList(), "stanzas the stand-in host counted back"));
        results.add(new Figure(id(), "standin", system, null, "component CPU", "cores", false,
                runs.stream().map(Load::componentCores).toList(), null));
    }

    record Load(String inName, String outName, double inPerSecond, double outPerSecond, double outCounted,
                double componentCores,
                double driverCores, long shed, long otherErrors) {
    }

    private Load muc(BenchSettings settings, int repeat) throws Exception {
        int rooms = settings.smoke() ? 2 : 10;
        int occupants = settings.smoke() ? 5 : 20;
        Path dir = settings.workDir().resolve("component-only").resolve("muc-" + repeat);
        try (StandInHost host = new StandInHost(HOST).allow(MUC, SECRET).start();
             RunningComponent process = OurComponent.start(OurComponent.MUC_MAIN, host.port(), MUC, SECRET,
                     dir.resolve("data"), dir.resolve("muc.log"), List.of("--room-creation", "anyone",
                             "--max-history", "20"), settings.smoke())) {
            Link link = host.awaitLink(MUC, Duration.ofSeconds(60));
            Tally tally = new Tally();
            link.counter(tally);
            for (int r = 0; r < rooms; r++) {
                String room = "room" + r + "@" + MUC;
                for (int o = 0; o < occupants; o++) {
                    link.send("<presence from='" + user(r, o) + "/r' to='" + room + "/nick" + o + "'>"
                            + "<x xmlns='http://jabber.org/protocol/muc'><history maxstanzas='0'/></x></presence>");
                    if (o == 0) {
                        // XEP-0045 §10.1.2: the creator unlocks the room as an instant room before others enter.
                        String reply = link.request("cfg" + r, "<iq type='set' id='cfg" + r + "' from='" + user(r, 0)
                                + "/r' to='" + room + "'><query xmlns='http://jabber.org/protocol/muc#owner'>"
                                + "<x xmlns='jabber:x:data' type='submit'/></query></iq>", Duration.ofSeconds(30));
                        requireResult(reply);
                    }
                }
            }
            link.flush();
            long joinPresences = (long) rooms * occupants * occupants;
            awaitAtLeast(() -> tally.presences.sum(), joinPresences, Duration.ofSeconds(60), "join presences", tally);
            Thread.sleep(200);

            int[] turn = {0};
            long baseMessages = tally.messages.sum();
            long baseErrors = tally.errors();
            // Every message is answered by `occupants` reflections (XEP-0045 §7.4) or by one error.
            LongUnaryOperator outstanding = sent -> sent - (tally.messages.sum() - baseMessages) / occupants
                    - (tally.errors() - baseErrors);
            Supplier<String> next = () -> {
                int i = turn[0]++;
                int r = i % rooms;
                int o = (i / rooms) % occupants;
                return "<message type='groupchat' from='" + user(r, o) + "/r' to='room" + r + "@" + MUC
                        + "' id='m" + i + "'><body>" + BODY + "</body></message>";
            };
            return measure(settings, process, link, tally, next, outstanding, 50L * rooms, "groupchat",
                    "reflections", () -> tally.messages.sum());
        }
    }

    private Load pubsub(BenchSettings settings, int repeat, boolean stored) throws Exception {
        int subscribers = settings.smoke() ? 10 : 100;
        Path dir = settings.workDir().resolve("component-only").resolve("pubsub-" + (stored ? "stored-" : "transient-")
                + repeat);
        try (StandInHost host = new StandInHost(HOST).allow(PUBSUB, SECRET).start();
             RunningComponent process = OurComponent.start(OurComponent.PUBSUB_MAIN, host.port(), PUBSUB, SECRET,
                     dir.resolve("data"), dir.resolve("pubsub.log"), List.of(), settings.smoke())) {
            Link link = host.awaitLink(PUBSUB, Duration.ofSeconds(60));
            Tally tally = new Tally();
            link.counter(tally);
            String owner = "owner@" + HOST;
            String config = stored ? "" : "<configure><x xmlns='jabber:x:data' type='submit'>"
                    + "<field var='FORM_TYPE' type='hidden'><value>http://jabber.org/protocol/pubsub#node_config</value></field>"
                    + "<field var='pubsub#persist_items'><value>0</value></field></x></configure>";
            requireResult(link.request("create", "<iq type='set' id='create' from='" + owner + "/r' to='" + PUBSUB
                    + "'><pubsub xmlns='http://jabber.org/protocol/pubsub'><create node='bench'/>" + config
                    + "</pubsub></iq>", Duration.ofSeconds(30)));
            for (int s = 0; s < subscribers; s++) {
                String jid = "sub" + s + "@" + HOST;
                requireResult(link.request("sub" + s, "<iq type='set' id='sub" + s + "' from='" + jid + "/r' to='"
                        + PUBSUB + "'><pubsub xmlns='http://jabber.org/protocol/pubsub'><subscribe node='bench' jid='"
                        + jid + "'/></pubsub></iq>", Duration.ofSeconds(30)));
            }
            Thread.sleep(200);
            long baseAcks = tally.iqResults.sum() + tally.errors();
            long baseNotes = tally.messages.sum();
            int[] seq = {0};
            // A publish is done when its result came and its notifications went out (XEP-0060 §7.1.2).
            LongUnaryOperator outstanding = sent -> Math.max(sent - (tally.iqResults.sum() + tally.errors() - baseAcks),
                    sent - (tally.messages.sum() - baseNotes) / subscribers);
            Supplier<String> next = () -> {
                int i = seq[0]++;
                return "<iq type='set' id='p" + i + "' from='" + owner + "/r' to='" + PUBSUB + "'>"
                        + "<pubsub xmlns='http://jabber.org/protocol/pubsub'><publish node='bench'><item id='i" + i
                        + "'><entry xmlns='urn:xcs:bench'>" + BODY + "</entry></item></publish></pubsub></iq>";
            };
            return measure(settings, process, link, tally, next, outstanding, 100, "publishes", "notifications",
                    () -> tally.messages.sum());
        }
    }

    private static Load measure(BenchSettings settings, RunningComponent process, Link link, Tally tally,
                                Supplier<String> next, LongUnaryOperator outstanding, long window, String inName,
                                String outName, java.util.function.LongSupplier outCounter) {
        WindowedFeed feed = new WindowedFeed(link, next, outstanding, window);
        feed.run(settings.smoke() ? Duration.ofMillis(100) : Duration.ofSeconds(2)); // warm-up: JIT, store growth
        long shed0 = tally.shed.sum();
        long other0 = tally.otherErrors.sum();
        long out0 = outCounter.getAsLong();
        CpuMeter component = new CpuMeter(new ProcessTree("component", process.pid())).start();
        // The JVM alone: its process tree holds the component it started.
        org.xcs.bench.load.CpuSource driverCpu = org.xcs.bench.load.CpuSource.driverProcess();
        double driver0 = driverCpu.cpuSeconds();
        long t0 = System.nanoTime();
        long in = feed.run(settings.stepDuration());
        double seconds = (System.nanoTime() - t0) / 1e9;
        long out = outCounter.getAsLong() - out0;
        double componentCores = component.cores();
        double driverCores = (driverCpu.cpuSeconds() - driver0) / seconds;
        feed.drain(Duration.ofSeconds(10));
        // A smoke run's check is that the component answered at all: there what came back while the feed drained
        // counts too (on a machine busy with other work, a stored publish window took longer than a short step).
        double counted = settings.smoke() ? outCounter.getAsLong() - out0 : out;
        String sample = tally.lastError;
        if (tally.otherErrors.sum() > other0 && sample != null) {
            System.out.println("  (component answered errors, e.g. " + sample + ")");
        }
        return new Load(inName, outName, in / seconds, out / seconds, counted, componentCores, driverCores,
                tally.shed.sum() - shed0, tally.otherErrors.sum() - other0);
    }

    private static String user(int room, int occupant) {
        return "u" + room + "x" + occupant + "@" + HOST;
    }

    private static void requireResult(String reply) {
        if (!reply.contains("type='result'") && !reply.contains("type=\"result\"")) {
            throw new IllegalStateException("setup request refused: " + reply);
        }
    }

    private static void awaitAtLeast(java.util.function.LongSupplier value, long target, Duration timeout,
                                     String what, Tally tally) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (value.getAsLong() < target) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("only " + value.getAsLong() + " of " + target + " " + what
                        + " arrived; last error: " + tally.lastError);
            }
            Thread.sleep(10);
        }
    }
}
