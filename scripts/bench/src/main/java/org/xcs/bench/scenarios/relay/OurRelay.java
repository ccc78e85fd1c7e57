package org.xcs.bench.scenarios.relay;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xcs.bench.testbed.Testbed;
import org.xcs.common.harness.ComponentProcess;
import org.xcs.common.harness.TestHost;
import org.xcs.relay.Main;

/**
 * Our relay as an admin runs it: its own process ({@link Main}, the launchers' JVM options), attached to a host over
 * XEP-0114 (the launcher always attaches; TURN and SOCKS5 listen from start-up on). Listens on loopback ports the
 * kernel picks; the ports are read from its start-up log lines.
 */
final class OurRelay implements AutoCloseable {
    static final String DOMAIN = "relay.example.test";
    private static final Pattern TURN_PORT = Pattern.compile("TURN on 127\\.0\\.0\\.1 port (\\d+)");
    private static final Pattern SOCKS5_PORT = Pattern.compile("SOCKS5 bytestreams proxy on 127\\.0\\.0\\.1 port (\\d+)");

    private final ComponentProcess process;
    private final int turnPort;
    private final int socks5Port;

    private OurRelay(ComponentProcess process, int turnPort, int socks5Port) {
        this.process = process;
        this.turnPort = turnPort;
        this.socks5Port = socks5Port;
    }

    /** {@code smoke}: started with {@link Testbed#smokeComponentJvmOptions()} (a smoke run's figures mean nothing). */
    static OurRelay start(TestHost host, String componentSecret, Path dir, List<String> extra, boolean smoke)
            throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path secretFile = Files.writeString(dir.resolve("component-secret"), componentSecret + "\n");
        List<String> args = new ArrayList<>(List.of("--host", "127.0.0.1",
                "--port", Integer.toString(host.componentPort(DOMAIN)), "--domain", DOMAIN,
                "--secret-file", secretFile.toString(), "--data-dir", dir.resolve("data").toString(),
                "--turn-listen", "127.0.0.1:0", "--socks5-listen", "127.0.0.1:0"));
        args.addAll(extra);
        long t0 = System.nanoTime();
        ComponentProcess p = ComponentProcess.start(Main.class.getName(), dir.resolve("relay.log"),
                smoke ? Testbed.smokeComponentJvmOptions() : Testbed.componentJvmOptions(), args);
        if (!p.awaitOutput(": connected to ", Duration.ofSeconds(30))) {
            String output = p.output();
            p.close();
            throw new IOException("our relay never attached to the host:\n" + output);
        }
        String output = p.output();
        System.out.printf("  our relay attached in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        return new OurRelay(p, port(TURN_PORT, output), port(SOCKS5_PORT, output));
    }

    private static int port(Pattern pattern, String output) throws IOException {
        Matcher m = pattern.matcher(output);
        if (!m.find()) {
            throw new IOException("no " + pattern + " in the relay's log:\n" + output);
        }
        return Integer.parseInt(m.group(1));
    }

    InetSocketAddress turn() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), turnPort);
    }

    InetSocketAddress socks5() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), socks5Port);
    }

    long pid() {
        return process.pid();
    }

    /** SIGTERM (the relay drains and exits 0), SIGKILL if it lingers. */
    @Override
    public void close() throws InterruptedException {
        long t0 = System.nanoTime();
        process.terminate();
        if (process.awaitExit(Duration.ofSeconds(10)) < 0) {
            process.kill();
        }
        System.out.printf("  our relay stopped in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
    }
}
