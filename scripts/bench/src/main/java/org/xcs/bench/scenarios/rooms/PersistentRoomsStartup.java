package org.xcs.bench.scenarios.rooms;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.xcs.bench.BenchSettings;
import org.xcs.bench.Scenario;
import org.xcs.bench.proc.ProcessTree;
import org.xcs.bench.report.Figure;
import org.xcs.bench.report.Results;
import org.xcs.bench.standin.Link;
import org.xcs.bench.standin.OurComponent;
import org.xcs.bench.standin.StandInHost;
import org.xcs.bench.testbed.RunningComponent;
import org.xmpp.packet.JID;

/**
 * Issue 6 scenario 4. Our MUC starts on a data dir holding the rooms (seeded once per run, see {@link RoomSeeder})
 * and attaches to a stand-in host; we time process start to handshake and to the first disco#info answer of the
 * last-seeded room (XEP-0030 §3.1 on a room JID, XEP-0045 §6.4: the room must be known to answer), and read RSS
 * then. The same start on an empty data dir is the JVM's own floor. The target is the issue's: serving within 2 s.
 */
public final class PersistentRoomsStartup implements Scenario {
    static final String HOST = "bench.test";
    static final String DOMAIN = "muc.bench.test";
    static final String SECRET = "bench-secret";
    static final String SYSTEM = "xcs muc";

    @Override
    public String id() {
        return "muc-100k-rooms";
    }

    @Override
    public boolean usesTestbeds() {
        return false;
    }

    @Override
    public String title() {
        return "100,000 persistent rooms: start-up to serving, RSS (our MUC on a stand-in host; target 2 s)";
    }

    @Override
    public void run(BenchSettings settings, Results results) throws Exception {
        int rooms = settings.smoke() ? 10 : 100_000; // smoke: the seeding and the lookup of the last room, not the size
        Path dir = settings.workDir().resolve("rooms-" + rooms);
        Path seeded = dir.resolve("seeded");
        long t0 = System.nanoTime();
        RoomSeeder.seed(seeded, DOMAIN, rooms, new JID("owner@" + HOST));
        results.note("muc-100k-rooms seeding " + rooms + " rooms (s)", String.format("%.1f", (System.nanoTime() - t0) / 1e9));

        List<Double> emptyServe = new ArrayList<>();
        List<Double> serve = new ArrayList<>();
        List<Double> attach = new ArrayList<>();
        List<Double> rss = new ArrayList<>();
        List<Double> emptyRss = new ArrayList<>();
        for (int r = 0; r < settings.repeats(); r++) {
            Start empty = start(dir.resolve("empty-" + r), dir.resolve("empty-" + r + ".log"), RoomSeeder.roomNode(0),
                    false, settings.smoke());
            emptyServe.add(empty.servingMs);
            emptyRss.add(empty.rssMiB);
            Start full = start(seeded, dir.resolve("full-" + r + ".log"), RoomSeeder.roomNode(rooms - 1), true,
                    settings.smoke());
            serve.add(full.servingMs);
            attach.add(full.attachedMs);
            rss.add(full.rssMiB);
        }
        String n = String.format("%,d rooms", rooms);
        results.add(new Figure(id(), "standin", SYSTEM, null, "start to serving, " + n, "ms", false, serve,
                "target <= 2000 ms; JVM start + store load"));
        results.add(new Figure(id(), "standin", SYSTEM, null, "start to handshake, " + n, "ms", false, attach, null));
        results.add(new Figure(id(), "standin", SYSTEM, null, "RSS serving, " + n, "MiB", false, rss, null));
        results.add(new Figure(id(), "standin", SYSTEM, null, "deliveries counted", "answers", true,
                List.of((double) serve.size()), "disco#info answers from the last room, one per start"));
        results.add(new Figure(id(), "standin", SYSTEM + " empty", null, "start to serving, 0 rooms", "ms", false,
                emptyServe, "JVM floor"));
        results.add(new Figure(id(), "standin", SYSTEM + " empty", null, "RSS serving, 0 rooms", "MiB", false,
                emptyRss, null));
    }

    private record Start(double attachedMs, double servingMs, double rssMiB) {
    }

    /**
     * One cold start: process spawn to the answer of a disco#info on {@code room} (which must exist if seeded). A
     * smoke run starts the component in-process: the store and the lookup are exercised, not the JVM's start.
     */
    private static Start start(Path dataDir, Path log, String room, boolean mustExist, boolean inProcess)
            throws Exception {
        try (StandInHost host = new StandInHost(HOST).allow(DOMAIN, SECRET).start()) {
            long t0 = System.nanoTime();
            try (RunningComponent process = OurComponent.start(OurComponent.MUC_MAIN, host.port(), DOMAIN, SECRET,
                    dataDir, log, List.of("--room-creation", "anyone"), inProcess)) {
                Link link = host.awaitLink(DOMAIN, Duration.ofSeconds(120));
                long attached = link.attachedAtNanos();
                String reply = link.request("d1", "<iq type='get' id='d1' from='user@" + HOST + "/r' to='" + room + "@"
                        + DOMAIN + "'><query xmlns='http://jabber.org/protocol/disco#info'/></iq>", Duration.ofSeconds(60));
                long serving = System.nanoTime();
                if (mustExist && (reply.contains("type='error'") || reply.contains("type=\"error\""))) {
                    throw new IllegalStateException("seeded room " + room + " is unknown to the component: " + reply);
                }
                double rss = new ProcessTree("muc", process.pid()).rssBytes() / 1048576.0;
                process.stop(Duration.ofSeconds(30));
                return new Start((attached - t0) / 1e6, (serving - t0) / 1e6, rss);
            }
        }
    }
}
