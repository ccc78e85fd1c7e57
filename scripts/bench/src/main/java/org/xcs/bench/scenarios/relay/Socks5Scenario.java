package org.xcs.bench.scenarios.relay;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.xcs.bench.BenchSettings;
import org.xcs.bench.Scenario;
import org.xcs.bench.proc.CpuMeter;
import org.xcs.bench.proc.ProcessTree;
import org.xcs.bench.report.Figure;
import org.xcs.bench.report.Results;
import org.xcs.common.harness.ProsodyHost;

/**
 * Issue 6 scenario 9. One Prosody carries both proxies: its own mod_proxy65 (a Component "proxy65") and our relay
 * attached over XEP-0114. Per transfer: the target connects (SOCKS5 CONNECT with the SHA-1 address), then the
 * initiator, the initiator's c2s session (a registered user: our proxy serves host users only) activates with the
 * XEP-0065 §6.3.5 IQ, and the initiator's socket sends N bytes that the target's socket counts. Time runs from the
 * first byte written to the last byte read. Alternating proxies per repetition; a direct loopback TCP connection of
 * the same size is the physical reference. CPU is the proxy's process: our relay, or Prosody for mod_proxy65.
 */
public final class Socks5Scenario implements Scenario {
    static final String ID = "socks5";
    static final String DOMAIN = "example.test";
    static final String PROXY65 = "proxy." + DOMAIN;
    static final String COMPONENT_SECRET = "bench-relay-component";
    static final String PROSODY = "prosody mod_proxy65";
    static final String OURS = "xcs relay";
    static final String DIRECT = "direct tcp";
    private static final String HOST = "prosody";
    private static final int CHUNK = 64 * 1024;
    private static final long STALL_LIMIT_SECONDS = 30;
    /**
     * Sent after the measured bytes, not timed: Prosody 0.12's mod_proxy65 (server.link, 4 KiB reads) holds the last
     * 4 KiB of a stream back until more data comes or the sender closes (seen in 3 of 4 smoke runs), which would
     * otherwise stall the count. Every proxy gets the same tail.
     */
    private static final long TAIL = 256 * 1024;
    private static final String TARGET = "bob@" + DOMAIN + "/bench";

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
        return "XEP-0065 SOCKS5 bytestream throughput: xcs relay vs Prosody mod_proxy65, direct loopback TCP as reference";
    }

    private interface Transfer {
        /** Connects both sides (activating if mediated) and returns them: [initiator, target]. */
        Socket[] open(String sid) throws IOException;
    }

    private record Target(String name, String anchor, Transfer transfer, ProcessTree server) {
    }

    @Override
    public void run(BenchSettings settings, Results results) throws Exception {
        long bytes = settings.smoke() ? 1L << 20 : 256L << 20;
        Path dir = settings.workDir().resolve(ID);
        int proxy65Port = freeTcpPort();
        ProsodyHost host = ProsodyHost.builder(DOMAIN).component(OurRelay.DOMAIN, COMPONENT_SECRET)
                .globalConfig(System.getProperty("xcs.bench.prosodyExtra", ""))
                .globalConfig("proxy65_ports = { " + proxy65Port + " }\nproxy65_interfaces = { \"127.0.0.1\" }")
                .trailingConfig("Component \"" + PROXY65 + "\" \"proxy65\"\n  proxy65_address = \"127.0.0.1\"")
                .build();
        try (host) {
            host.start();
            host.addUser("alice", "alice-pw");
            host.addUser("bob", "bob-pw");
            long prosodyPid = host.processes().get(0).pid();
            try (OurRelay ours = OurRelay.start(host, COMPONENT_SECRET, dir.resolve("xcs"), List.of(), settings.smoke());
                 C2sSession alice = C2sSession.login(host.c2sPort(), DOMAIN, "alice", "alice-pw", "bench");
                 ServerSocket directServer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                InetSocketAddress prosodyProxy = new InetSocketAddress(InetAddress.getLoopbackAddress(), proxy65Port);
                List<Target> targets = List.of(
                        new Target(PROSODY, null, mediated(alice, prosodyProxy, PROXY65),
                                new ProcessTree(PROSODY, prosodyPid)),
                        new Target(OURS, PROSODY, mediated(alice, ours.socks5(), OurRelay.DOMAIN),
                                new ProcessTree(OURS, ours.pid())),
                        new Target(DIRECT, null, sid -> direct(directServer), null));
                long warm = Math.min(bytes, 32L << 20);
                for (Target t : targets) {
                    transfer(t, "warm-" + t.name().replace(' ', '-'), warm); // JIT and buffers warmed, not counted
                }
                Map<String, Map<String, List<Double>>> samples = new LinkedHashMap<>();
                Map<String, String> limits = new LinkedHashMap<>();
                int n = 0;
                for (int r = 0; r < settings.repeats(); r++) {
                    for (int i = 0; i < targets.size(); i++) {
                        Target t = targets.get((i + r) % targets.size());
                        CpuMeter driver = CpuMeter.ofThisProcess().start();
                        CpuMeter server = t.server() == null ? null : new CpuMeter(t.server()).start();
                        double seconds = transfer(t, "s" + (n++), bytes);
                        double driverCores = driver.cores();
                        add(samples, t.name(), "throughput", bytes / seconds / (1 << 20));
                        // transfer() returns only once every byte arrived at the target.
                        add(samples, t.name(), "deliveries counted", bytes);
                        if (server != null) {
                            double cpu = server.cpuSeconds();
                            add(samples, t.name(), "server cpu", cpu / seconds);
                            add(samples, t.name(), "server cpu per GiB", cpu / (bytes / (double) (1L << 30)));
                            limits.put(t.name(), String.format(Locale.ROOT,
                                    "last run: proxy %.2f cores, driver %.2f cores (2 shared)", cpu / seconds, driverCores));
                        } else {
                            limits.put(t.name(), String.format(Locale.ROOT, "last run: driver %.2f cores (2 shared)",
                                    driverCores));
                        }
                    }
                }
                for (Target t : targets) {
                    add(results, t, samples, "throughput", "MiB/s", true, limits.get(t.name()) + ", "
                            + (bytes >> 20) + " MiB per transfer");
                    add(results, t, samples, "server cpu", "cores", false, limits.get(t.name()));
                    add(results, t, samples, "deliveries counted", "bytes", true, "bytes received by the target");
                    add(results, t, samples, "server cpu per GiB", "cpu-s", false, limits.get(t.name()));
                }
            }
        }
    }

    private static void add(Map<String, Map<String, List<Double>>> samples, String system, String metric, double v) {
        samples.computeIfAbsent(system, s -> new LinkedHashMap<>()).computeIfAbsent(metric, m -> new ArrayList<>())
                .add(v);
    }

    private static void add(Results results, Target t, Map<String, Map<String, List<Double>>> samples, String metric,
                            String unit, boolean higherIsBetter, String limit) {
        List<Double> values = samples.getOrDefault(t.name(), Map.of()).getOrDefault(metric, List.of());
        if (!values.isEmpty()) {
            results.add(new Figure(ID, HOST, t.name(), t.anchor(), metric, unit, higherIsBetter, values, limit));
        }
    }

    /** XEP-0065 §6.3: target first, then initiator, then the initiator's activation IQ to the proxy's JID. */
    private static Transfer mediated(C2sSession initiator, InetSocketAddress proxy, String proxyJid) {
        return sid -> {
            String address = Socks5Client.destination(sid, initiator.jid(), TARGET);
            Socket target = Socks5Client.connect(proxy, address);
            Socket requester;
            try {
                requester = Socks5Client.connect(proxy, address);
                String answer = initiator.iq("set", proxyJid, "<query xmlns='http://jabber.org/protocol/bytestreams'"
                        + " sid='" + sid + "'><activate>" + TARGET + "</activate></query>");
                if (!answer.matches("(?s)<iq\\b[^>]*type=['\"]result['\"].*")) {
                    requester.close();
                    throw new IOException(proxyJid + " refused the activation: " + answer);
                }
            } catch (IOException | RuntimeException e) {
                target.close();
                throw e;
            }
            return new Socket[] {requester, target};
        };
    }

    private static Socket[] direct(ServerSocket server) throws IOException {
        Socket initiator = new Socket();
        initiator.setSendBufferSize(1 << 20);
        initiator.connect(server.getLocalSocketAddress());
        Socket target = server.accept();
        target.setReceiveBufferSize(1 << 20);
        return new Socket[] {initiator, target};
    }

    /** Seconds from the first byte written to the last byte read. */
    private static double transfer(Target t, String sid, long bytes) throws Exception {
        Socket[] pair = t.transfer().open(sid);
        try (Socket initiator = pair[0]; Socket target = pair[1]) {
            CompletableFuture<Long> done = new CompletableFuture<>();
            AtomicLong got = new AtomicLong();
            Thread reader = new Thread(() -> {
                byte[] buf = new byte[CHUNK];
                try {
                    InputStream in = target.getInputStream();
                    while (got.get() < bytes) {
                        int n = in.read(buf);
                        if (n < 0) {
                            throw new IOException("stream ended after " + got + " of " + bytes + " bytes");
                        }
                        got.addAndGet(n);
                    }
                    done.complete(System.nanoTime());
                    while (in.read(buf) >= 0) {
                        // the unmeasured tail, until the sockets close
                    }
                } catch (IOException e) {
                    done.completeExceptionally(e);
                }
            }, "socks5-target");
            reader.setDaemon(true);
            reader.start();
            byte[] chunk = new byte[CHUNK];
            for (int i = 0; i < chunk.length; i++) {
                chunk[i] = (byte) (i * 31);
            }
            OutputStream out = initiator.getOutputStream();
            long start = System.nanoTime();
            for (long sent = 0; sent < bytes + TAIL; sent += CHUNK) {
                out.write(chunk, 0, (int) Math.min(CHUNK, bytes + TAIL - sent));
            }
            out.flush();
            long end;
            try {
                end = done.get(STALL_LIMIT_SECONDS, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException stalled) {
                throw new IOException(t.name() + ": transfer " + sid + " stalled (" + got.get() + " of " + bytes
                        + " bytes arrived in " + STALL_LIMIT_SECONDS + " s)");
            }
            return (end - start) / 1e9;
        }
    }

    private static int freeTcpPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
