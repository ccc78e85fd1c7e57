package org.xcs.bench.scenarios.relay;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.xcs.bench.BenchSettings;
import org.xcs.bench.Scenario;
import org.xcs.bench.proc.CpuMeter;
import org.xcs.bench.proc.ProcessTree;
import org.xcs.bench.report.Figure;
import org.xcs.bench.report.Results;
import org.xcs.common.harness.ProsodyHost;

/**
 * Issue 6 scenario 8. One client of ours (UDP, ChannelData on channel 0x4000 to a Java echo peer on loopback) runs
 * the same probe through coturn, through our relay and straight to the echo peer, in rotating order per repetition:
 * ping-pong (one datagram in flight: round trip p50/p99) and pipelined (a bounded window of datagrams in flight:
 * echoes/s, loss, server CPU). Same payload size everywhere; the relay's per-allocation bandwidth limit is lifted to
 * match coturn's default (no max-bps).
 */
public final class TurnScenario implements Scenario {
    static final String ID = "turn";
    static final String SECRET = "bench-turn-secret";
    static final String COMPONENT_SECRET = "bench-relay-component";
    static final String DOMAIN = "example.test";
    static final int PAYLOAD = 100;
    static final String COTURN = "coturn";
    static final String OURS = "xcs relay";
    static final String ECHO = "udp echo";
    private static final String HOST = "loopback";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean usesTestbeds() {
        return false;
    }

    @Override
    public String title() {
        return "TURN ChannelData round trip and pipelined echoes/s: xcs relay vs coturn, raw loopback UDP echo as reference";
    }

    private record Target(String name, String anchor, UdpProbe probe, ProcessTree server) {
    }

    /** Samples per system and metric, one per repetition. */
    private static final class Samples {
        final Map<String, Map<String, List<Double>>> values = new LinkedHashMap<>();
        final Map<String, String> limits = new LinkedHashMap<>();

        void add(String system, String metric, double value) {
            values.computeIfAbsent(system, s -> new LinkedHashMap<>()).computeIfAbsent(metric, m -> new ArrayList<>())
                    .add(value);
        }

        List<Double> get(String system, String metric) {
            return values.getOrDefault(system, Map.of()).getOrDefault(metric, List.of());
        }
    }

    @Override
    public void run(BenchSettings settings, Results results) throws Exception {
        boolean smoke = settings.smoke();
        int pings = smoke ? 200 : 10_000;
        int warmPings = smoke ? 50 : 3_000;
        Duration pipelined = smoke ? Duration.ofMillis(300) : Duration.ofSeconds(2);
        long maxPackets = smoke ? 500 : Long.MAX_VALUE;
        Duration warmPipelined = smoke ? Duration.ofMillis(100) : Duration.ofSeconds(2);
        int window = smoke ? 16 : 128;
        Path dir = settings.workDir().resolve(ID);

        ProsodyHost host = ProsodyHost.builder(DOMAIN).component(OurRelay.DOMAIN, COMPONENT_SECRET).build();
        try (host; UdpEchoPeer peer = new UdpEchoPeer()) {
            host.start();
            try (Coturn coturn = Coturn.start(dir.resolve("coturn"), SECRET, DOMAIN, 61500, 61999);
                 OurRelay ours = OurRelay.start(host, COMPONENT_SECRET, dir.resolve("xcs"), List.of(
                         "--turn-secret", SECRET, "--allow-peer", "127.0.0.0/8", "--relay-ports", "61000-61499",
                         "--allocation-bandwidth", Long.toString(Long.MAX_VALUE / 4)), smoke);
                 TurnClient viaCoturn = new TurnClient(coturn.address(), SECRET, "bench@" + DOMAIN);
                 TurnClient viaOurs = new TurnClient(ours.turn(), SECRET, "bench@" + DOMAIN);
                 DatagramSocket direct = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
                viaCoturn.allocateAndBind(peer.address());
                viaOurs.allocateAndBind(peer.address());
                direct.setReceiveBufferSize(4 << 20);
                direct.setSendBufferSize(4 << 20);
                byte[] channel = TurnClient.channelHeader(PAYLOAD);
                List<Target> targets = new ArrayList<>(List.of(
                        new Target(COTURN, null, new UdpProbe(viaCoturn.socket(), coturn.address(), channel, PAYLOAD),
                                new ProcessTree(COTURN, coturn.pid())),
                        new Target(OURS, COTURN, new UdpProbe(viaOurs.socket(), ours.turn(), channel, PAYLOAD),
                                new ProcessTree(OURS, ours.pid())),
                        new Target(ECHO, null, new UdpProbe(direct, peer.address(), new byte[0], PAYLOAD), null)));
                // Both servers' code paths (and the JIT of ours) warmed before anything counts.
                for (Target t : targets) {
                    t.probe().pingPong(warmPings);
                    t.probe().pipelined(warmPipelined, maxPackets, window);
                }
                Samples samples = new Samples();
                for (int r = 0; r < settings.repeats(); r++) {
                    for (int i = 0; i < targets.size(); i++) {
                        Target t = targets.get((i + r) % targets.size()); // rotating order: no system always first
                        measure(t, pings, pipelined, maxPackets, window, samples);
                    }
                    double echoP50 = samples.get(ECHO, "rtt p50").get(r);
                    for (String system : List.of(COTURN, OURS)) {
                        samples.add(system, "rtt p50 / udp echo p50", samples.get(system, "rtt p50").get(r) / echoP50);
                    }
                }
                report(results, targets, samples, PAYLOAD, window);
            }
        }
    }

    private static void measure(Target t, int pings, Duration pipelined, long maxPackets, int window, Samples s)
            throws Exception {
        UdpProbe.RoundTrips rt = t.probe().pingPong(pings);
        s.add(t.name(), "rtt p50", rt.nanos().getValueAtPercentile(50) / 1e3);
        s.add(t.name(), "rtt p99", rt.nanos().getValueAtPercentile(99) / 1e3);
        s.add(t.name(), "ping loss", 100.0 * rt.lost() / pings);
        long pongs = pings - rt.lost();
        CpuMeter driver = CpuMeter.ofThisProcess().start();
        CpuMeter server = t.server() == null ? null : new CpuMeter(t.server()).start();
        UdpProbe.Pipelined p = t.probe().pipelined(pipelined, maxPackets, window);
        double driverCores = driver.cores();
        s.add(t.name(), "echoes/s", p.packetsPerSecond());
        // What the driver really received back (BENCHMARKS.md: every scenario reports it; the smoke test checks it).
        s.add(t.name(), "deliveries counted", pongs + p.received());
        s.add(t.name(), "pipelined loss", p.lossPercent());
        if (server != null) {
            double cores = server.cores();
            s.add(t.name(), "server cpu", cores);
            s.add(t.name(), "server cpu per echo", p.received() == 0 ? 0 : server.cpuSeconds() * 1e6 / p.received());
            s.limits.put(t.name(), String.format(Locale.ROOT, "last run: server %.2f cores, driver+peer %.2f cores (2 shared)",
                    cores, driverCores));
        } else {
            s.limits.put(t.name(), String.format(Locale.ROOT, "last run: driver+echo %.2f cores (2 shared)", driverCores));
        }
    }

    private static void report(Results results, List<Target> targets, Samples s, int payload, int window) {
        record Metric(String name, String unit, boolean higherIsBetter, boolean pipelinedPhase) {
        }
        List<Metric> metrics = List.of(
                new Metric("rtt p50", "us", false, false),
                new Metric("rtt p99", "us", false, false),
                new Metric("rtt p50 / udp echo p50", "x", false, false),
                new Metric("ping loss", "%", false, false),
                new Metric("echoes/s", "1/s", true, true),
                new Metric("pipelined loss", "%", false, true),
                new Metric("server cpu", "cores", false, true),
                new Metric("server cpu per echo", "us", false, true),
                new Metric("deliveries counted", "datagrams", true, true));
        for (Target t : targets) {
            for (Metric m : metrics) {
                List<Double> values = s.get(t.name(), m.name());
                if (values.isEmpty()) {
                    continue;
                }
                String limit = m.pipelinedPhase() ? s.limits.get(t.name()) + ", window " + window
                        : "one " + payload + "-byte datagram in flight";
                results.add(new Figure(ID, HOST, t.name(), t.anchor(), m.name(), m.unit(), m.higherIsBetter(), values,
                        limit));
            }
        }
    }
}
