package org.xcs.bench.scenarios.relay;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * coturn (Debian package coturn, /usr/bin/turnserver) as the anchor: loopback only, its own ports, REST credentials
 * with the shared secret (use-auth-secret), no TLS/DTLS, no CLI, no config file, loopback peers allowed (as our
 * relay's --allow-peer 127.0.0.0/8). Runs in its own work dir and is stopped by its PID.
 */
final class Coturn implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/bin/turnserver");

    private final Process process;
    private final InetSocketAddress address;
    private final Path log;

    private Coturn(Process process, InetSocketAddress address, Path log) {
        this.process = process;
        this.address = address;
        this.log = log;
    }

    static Coturn start(Path dir, String secret, String realm, int minRelayPort, int maxRelayPort)
            throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException("coturn is missing: apt-get install -y coturn (" + BINARY + ")");
        }
        Files.createDirectories(dir);
        int port = freeUdpPort();
        Path log = dir.resolve("coturn.log");
        List<String> command = List.of(BINARY.toString(), "-n", "--no-cli", "--no-tls", "--no-dtls",
                "-L", "127.0.0.1", "-E", "127.0.0.1", "-p", Integer.toString(port),
                "--alt-listening-port", Integer.toString(port + 1),
                "--min-port", Integer.toString(minRelayPort), "--max-port", Integer.toString(maxRelayPort),
                "--use-auth-secret", "--static-auth-secret=" + secret, "-r", realm,
                "--allow-loopback-peers", "--log-file", dir.resolve("turnserver.log").toString(), "--simple-log",
                "--pidfile", dir.resolve("turnserver.pid").toString());
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        Coturn coturn = new Coturn(p, new InetSocketAddress(InetAddress.getLoopbackAddress(), port), log);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IOException("coturn exited " + p.exitValue() + ":\n" + Files.readString(log));
            }
            if (TurnClient.answersBinding(coturn.address)) {
                return coturn;
            }
            Thread.sleep(50);
        }
        coturn.close();
        throw new IOException("coturn never answered on " + coturn.address + ":\n" + Files.readString(log));
    }

    /**
     * A listening port P with P+1 free too (coturn binds its alternate port P+1 as well, UDP and TCP), taken above
     * Linux's ephemeral range (32768-60999) so that no client socket of this machine can grab it meanwhile, as one
     * did in a CI run (coturn then retried its bind forever and never answered).
     */
    private static int freeUdpPort() throws IOException {
        java.util.Random random = new java.util.Random();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = 62000 + 2 * random.nextInt(1500);
            if (free(port) && free(port + 1)) {
                return port;
            }
        }
        throw new IOException("no free port pair for coturn in 62000-64999");
    }

    private static boolean free(int port) {
        InetSocketAddress at = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        try (DatagramSocket udp = new DatagramSocket(at); java.net.ServerSocket tcp = new java.net.ServerSocket()) {
            tcp.bind(at);
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    InetSocketAddress address() {
        return address;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    /** SIGTERM to our PID, then SIGKILL if it lingers. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
