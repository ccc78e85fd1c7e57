package org.xcs.bench.muc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.xcs.bench.BenchSettings;
import org.xcs.bench.Scenario;
import org.xcs.bench.client.ClientEngine;
import org.xcs.bench.client.XmppClient;
import org.xcs.bench.proc.ProcessTree;
import org.xcs.bench.report.Figure;
import org.xcs.bench.report.Results;
import org.xcs.bench.testbed.Testbed;
import org.xcs.bench.testbed.RunningComponent;
import org.xcs.bench.testbed.Testbeds;

/**
 * Scenario 3 of issue 6: resident memory per occupant, 1,000 occupants in 20 rooms of 50 (one room of 1,000 would
 * spend minutes on a million presence broadcasts, which is scenario 2's subject, not memory). Each repetition uses a
 * fresh host; ours also a fresh component process (in a full run: a smoke run shares both, see Testbeds). "Before" is taken after the clients logged in and before they
 * join, so the c2s sessions are not counted: built-in = host RSS growth, ours = component RSS growth (the host's
 * growth under ours is reported too).
 */
public final class MucMemoryScenario implements Scenario {
    static final String ID = "muc-rss";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "MUC resident memory per occupant, 1,000 occupants (20 rooms x 50) on a fresh process";
    }

    @Override
    public void run(BenchSettings settings, Results results) throws Exception {
        int rooms = settings.smoke() ? 2 : 20;
        int perRoom = settings.smoke() ? 5 : 50;
        // Both readings come after a quiet spell long enough for a process to give back what a burst left free: a
        // JVM returns its compilers' freed arenas within the 5 s of its chunk-pool cleaner plus one 1 s native trim
        // (scripts/component.jvm); 2 s read ours at a random point of that cycle (5.6 to 17 KiB per occupant).
        Duration settle = settings.smoke() ? Duration.ofMillis(200) : Duration.ofSeconds(7);
        settings.forEachHost(hostKind -> {
            String builtin = SystemUnderTest.builtinName(hostKind);
            String ours = SystemUnderTest.oursName(hostKind);
            List<Double> builtinPer = new ArrayList<>();
            List<Double> oursPer = new ArrayList<>();
            List<Double> hostUnderOursPer = new ArrayList<>();
            List<Double> oursAfterGcPer = new ArrayList<>();
            List<Double> oursLivePer = new ArrayList<>();
            List<Double> builtinJoins = new ArrayList<>();
            List<Double> builtinAnonPer = new ArrayList<>();
            List<Double> oursAnonPer = new ArrayList<>();
            List<Double> oursJoins = new ArrayList<>();
            for (int repeat = 1; repeat <= settings.repeats(); repeat++) {
                try (Testbeds.Lease lease = settings.testbeds().lease(hostKind,
                        settings.workDir().resolve(ID + "-" + hostKind + "-" + repeat), b -> b)) {
                    Testbed bed = lease.bed();
                    ProcessTree host = bed.hostTree();
                    double[] theirs = perOccupant(bed, Testbed.BUILTIN_MUC, host, rooms, perRoom, settle);
                    builtinPer.add(theirs[0]);
                    builtinJoins.add(theirs[2]);
                    builtinAnonPer.add(theirs[4]);
                    if (!settings.smoke()) { // a smoke run's figures mean nothing: no wait for a quiet host
                        bed.awaitHostIdle(Duration.ofSeconds(30));
                    }
                    RunningComponent component = lease.ourMuc();
                    ProcessTree comp = Testbed.tree("component", component);
                    Thread.sleep(settle.toMillis());
                    long hostBefore = host.rssBytes();
                    double[] mine = perOccupant(bed, Testbed.OUR_MUC, comp, rooms, perRoom, settle);
                    oursPer.add(mine[0]);
                    oursAfterGcPer.add(mine[1]);
                    oursLivePer.add(mine[3]);
                    oursJoins.add(mine[2]);
                    oursAnonPer.add(mine[4]);
                    hostUnderOursPer.add((host.rssBytes() - hostBefore) / 1024.0 / (rooms * perRoom));
                }
            }
            int n = rooms * perRoom;
            results.add(new Figure(ID, hostKind, builtin, null, "RSS per occupant", "KiB", false, builtinPer,
                    "host RSS growth over " + n + " joins"));
            results.add(new Figure(ID, hostKind, ours, builtin, "RSS per occupant", "KiB", false, oursPer,
                    "component RSS growth over " + n + " joins (the launchers' JVM options)"));
            // The anonymous part leaves out file pages (the JVM's and the host's own code as it first runs), which
            // are shared and reclaimable: what the occupants cost in memory of the process's own.
            results.add(new Figure(ID, hostKind, builtin, null, "anonymous RSS per occupant", "KiB", false,
                    builtinAnonPer, "host RssAnon growth over " + n + " joins"));
            results.add(new Figure(ID, hostKind, ours, builtin, "anonymous RSS per occupant", "KiB", false,
                    oursAnonPer, "component RssAnon growth over " + n + " joins"));
            results.add(new Figure(ID, hostKind, ours, null, "RSS per occupant after full GC", "KiB", false,
                    oursAfterGcPer, "component, after jcmd GC.run: live data rather than untouched heap"));
            results.add(new Figure(ID, hostKind, ours, builtin, "live heap per occupant", "KiB", false, oursLivePer,
                    "component heap in use after a full GC (jcmd GC.heap_info), growth over " + n
                            + " joins: what the occupants themselves cost, whatever the GC keeps in reserve"));
            results.add(new Figure(ID, hostKind, ours, null, "host RSS per occupant (routing)", "KiB", false,
                    hostUnderOursPer, "host RSS growth while occupants joined our component"));
            // Self-presence (status 110) received by each joiner: what this scenario counts.
            results.add(new Figure(ID, hostKind, builtin, null, "deliveries counted", "count", true, builtinJoins, null));
            results.add(new Figure(ID, hostKind, ours, null, "deliveries counted", "count", true, oursJoins, null));
        });
    }

    /**
     * Logs in the occupants, measures {@code tree}'s RSS, fills the rooms, lets the presence floods settle and
     * measures again: KiB per occupant, and (for a JVM) again after a full GC.
     */
    private static double[] perOccupant(Testbed bed, String service, ProcessTree tree, int rooms, int perRoom,
                                        Duration settle) throws Exception {
        int n = rooms * perRoom;
        try (ClientEngine engine = new ClientEngine(1)) {
            long t0 = System.nanoTime();
            List<XmppClient> clients = engine.loginAll(bed.login(), n, 64, Duration.ofSeconds(120));
            System.out.printf("  %s: %d logins in %.1f s%n", bed.kind(), n, (System.nanoTime() - t0) / 1e9);
            Thread.sleep(settle.toMillis());
            boolean jvm = !tree.name().equals(bed.kind());
            long liveBefore = jvm ? liveHeapBytes(tree.rootPid()) : 0;
            long before = tree.rssBytes();
            long anonBefore = tree.rssAnonBytes();
            MucRooms.Filled filled = MucRooms.fill(clients, service, "m" + System.nanoTime() % 100000 + "-", rooms,
                    Duration.ofSeconds(240));
            System.out.printf("  %s %s: %d joins in %.1f s%n", bed.kind(), service, filled.joins(), filled.joinSeconds());
            Thread.sleep(settle.toMillis());
            long after = tree.rssBytes();
            double anonPer = (tree.rssAnonBytes() - anonBefore) / 1024.0 / n;
            double perOccupant = (after - before) / 1024.0 / n;
            double afterGc = perOccupant;
            double livePer = 0;
            if (jvm) {
                long liveAfter = liveHeapBytes(tree.rootPid());
                afterGc = (tree.rssBytes() - before) / 1024.0 / n;
                livePer = (liveAfter - liveBefore) / 1024.0 / n;
            }
            System.out.printf("  %s %s: RSS %d -> %d KiB over %d joins: %.1f KiB/occupant (anonymous %.1f, after GC"
                    + " %.1f, live heap %.1f)%n", bed.kind(), service, before / 1024, after / 1024, n, perOccupant,
                    anonPer, afterGc, livePer);
            return new double[] {perOccupant, afterGc, filled.joins(), livePer, anonPer};
        }
    }

    /**
     * Full GC, then the heap in use as {@code jcmd GC.heap_info} reports it: G1's one "garbage-first heap" line, or
     * the sum of the generations' lines (Serial, Parallel); Metaspace is not heap.
     */
    static long liveHeapBytes(long pid) throws Exception {
        if (pid == ProcessHandle.current().pid()) {
            // A smoke run's in-process component: this very JVM, read without starting a jcmd JVM to attach to it.
            System.gc();
            return java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        }
        jcmd(pid, "GC.run");
        Thread.sleep(500);
        return heapUsedBytes(jcmd(pid, "GC.heap_info"));
    }

    static long heapUsedBytes(String heapInfo) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "(?m)^ ?(\\S.*?)\\s+total \\d+K, used (\\d+)K").matcher(heapInfo);
        long used = 0;
        boolean any = false;
        while (m.find()) {
            String space = m.group(1).trim();
            if (space.startsWith("Metaspace") || space.startsWith("class space")) {
                continue;
            }
            used += Long.parseLong(m.group(2)) * 1024;
            any = true;
        }
        if (!any) {
            throw new IllegalStateException("jcmd GC.heap_info printed no heap usage:\n" + heapInfo);
        }
        return used;
    }

    private static String jcmd(long pid, String command) throws Exception {
        String jcmd = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        Process p = new ProcessBuilder(jcmd, Long.toString(pid), command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return new String(out, java.nio.charset.StandardCharsets.UTF_8);
    }
}
