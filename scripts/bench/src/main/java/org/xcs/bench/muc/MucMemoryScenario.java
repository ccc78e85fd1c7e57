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
import org.xcs.common.harness.ComponentProcess;

/**
 * Scenario 3 of issue 6: resident memory per occupant, 1,000 occupants in 20 rooms of 50 (one room of 1,000 would
 * spend minutes on a million presence broadcasts, which is scenario 2's subject, not memory). Each repetition uses a
 * fresh host; ours also a fresh component process. "Before" is taken after the clients logged in and before they
 * join, so the c2s sessions are not counted: built-in = host RSS growth, ours = component RSS growth (the host's
 * growth under ours is reported too).
 */
public final class MucMemoryScenario implements Scenario {
    static final String ID = "muc-rss";
    private static final Duration SETTLE = Duration.ofSeconds(2);

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
        for (String hostKind : settings.hosts()) {
            String builtin = SystemUnderTest.builtinName(hostKind);
            String ours = SystemUnderTest.oursName(hostKind);
            List<Double> builtinPer = new ArrayList<>();
            List<Double> oursPer = new ArrayList<>();
            List<Double> hostUnderOursPer = new ArrayList<>();
            List<Double> oursAfterGcPer = new ArrayList<>();
            List<Double> builtinJoins = new ArrayList<>();
            List<Double> oursJoins = new ArrayList<>();
            for (int repeat = 1; repeat <= settings.repeats(); repeat++) {
                try (Testbed bed = Testbed.builder(hostKind,
                        settings.workDir().resolve(ID + "-" + hostKind + "-" + repeat)).build().start()) {
                    ProcessTree host = bed.hostTree();
                    double[] theirs = perOccupant(bed, Testbed.BUILTIN_MUC, host, rooms, perRoom);
                    builtinPer.add(theirs[0]);
                    builtinJoins.add(theirs[2]);
                    bed.awaitHostIdle(Duration.ofSeconds(30));
                    ComponentProcess component = bed.startOurMuc(List.of());
                    ProcessTree comp = Testbed.tree("component", component);
                    Thread.sleep(1000);
                    long hostBefore = host.rssBytes();
                    double[] mine = perOccupant(bed, Testbed.OUR_MUC, comp, rooms, perRoom);
                    oursPer.add(mine[0]);
                    oursAfterGcPer.add(mine[1]);
                    oursJoins.add(mine[2]);
                    hostUnderOursPer.add((host.rssBytes() - hostBefore) / 1024.0 / (rooms * perRoom));
                }
            }
            int n = rooms * perRoom;
            results.add(new Figure(ID, hostKind, builtin, null, "RSS per occupant", "KiB", false, builtinPer,
                    "host RSS growth over " + n + " joins"));
            results.add(new Figure(ID, hostKind, ours, builtin, "RSS per occupant", "KiB", false, oursPer,
                    "component RSS growth over " + n + " joins (default JVM options)"));
            results.add(new Figure(ID, hostKind, ours, null, "RSS per occupant after full GC", "KiB", false,
                    oursAfterGcPer, "component, after jcmd GC.run: live data rather than untouched heap"));
            results.add(new Figure(ID, hostKind, ours, null, "host RSS per occupant (routing)", "KiB", false,
                    hostUnderOursPer, "host RSS growth while occupants joined our component"));
            // Self-presence (status 110) received by each joiner: what this scenario counts.
            results.add(new Figure(ID, hostKind, builtin, null, "deliveries counted", "count", true, builtinJoins, null));
            results.add(new Figure(ID, hostKind, ours, null, "deliveries counted", "count", true, oursJoins, null));
        }
    }

    /**
     * Logs in the occupants, measures {@code tree}'s RSS, fills the rooms, lets the presence floods settle and
     * measures again: KiB per occupant, and (for a JVM) again after a full GC.
     */
    private static double[] perOccupant(Testbed bed, String service, ProcessTree tree, int rooms, int perRoom)
            throws Exception {
        int n = rooms * perRoom;
        try (ClientEngine engine = new ClientEngine(1)) {
            long t0 = System.nanoTime();
            List<XmppClient> clients = engine.loginAll(bed.login(), n, 64, Duration.ofSeconds(120));
            System.out.printf("  %s: %d logins in %.1f s%n", bed.kind(), n, (System.nanoTime() - t0) / 1e9);
            Thread.sleep(SETTLE.toMillis());
            long before = tree.rssBytes();
            MucRooms.Filled filled = MucRooms.fill(clients, service, "m" + System.nanoTime() % 100000 + "-", rooms,
                    Duration.ofSeconds(240));
            System.out.printf("  %s %s: %d joins in %.1f s%n", bed.kind(), service, filled.joins(), filled.joinSeconds());
            Thread.sleep(SETTLE.toMillis());
            long after = tree.rssBytes();
            double perOccupant = (after - before) / 1024.0 / n;
            double afterGc = perOccupant;
            if (!tree.name().equals(bed.kind())) {
                fullGc(tree.rootPid());
                afterGc = (tree.rssBytes() - before) / 1024.0 / n;
            }
            System.out.printf("  %s %s: RSS %d -> %d KiB over %d joins: %.1f KiB/occupant (after GC %.1f)%n",
                    bed.kind(), service, before / 1024, after / 1024, n, perOccupant, afterGc);
            return new double[] {perOccupant, afterGc, filled.joins()};
        }
    }

    private static void fullGc(long pid) throws Exception {
        String jcmd = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        Process p = new ProcessBuilder(jcmd, Long.toString(pid), "GC.run").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        Thread.sleep(500);
    }
}
