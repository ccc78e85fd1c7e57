package org.xcs.relay.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xcs.common.harness.RealHostTest;
import org.xcs.relay.credentials.TurnCredential;
import org.xcs.relay.turn.TurnCounters;
import org.xcs.relay.turn.TurnSettings;

/**
 * coturn's own client ({@code turnutils_uclient}, Debian package coturn) against our TURN over UDP and TCP, with
 * time-limited credentials from our issuer: two allocations relaying to each other ({@code -y}) through
 * 127.0.0.1, which only an explicit --allow-peer opens. Skipped only with -DskipHostTests; a missing binary fails.
 */
@RealHostTest
class CoturnClientInteropTest {

    static final Path UCLIENT = Path.of("/usr/bin/turnutils_uclient");
    static final int MESSAGES = 40;
    static final Pattern LOST = Pattern.compile("Total lost packets (\\d+)");

    @ParameterizedTest(name = "over {0}")
    @ValueSource(strings = {"udp", "tcp"})
    void turnutilsUclientAllocatesAndRelaysThroughUs(String transport, @TempDir Path dir) throws Exception {
        assertTrue(Files.isExecutable(UCLIENT), "install coturn: apt-get install -y coturn (" + UCLIENT + ")");
        try (LoopbackTurn turn = new LoopbackTurn(TurnSettings.defaults(), List.of("127.0.0.0/8"))) {
            TurnCredential credential = turn.credentials.issue("alice@example.test", Duration.ofHours(1));
            List<String> command = new ArrayList<>(List.of(UCLIENT.toString(), "-y", "-c", "-n",
                    Integer.toString(MESSAGES), "-l", "120", "-m", "1", "-z", "5",
                    "-u", credential.username(), "-w", credential.password(),
                    "-p", Integer.toString(turn.address.getPort())));
            if (transport.equals("tcp")) {
                command.add("-t");
            }
            command.add("127.0.0.1");
            Path log = dir.resolve("uclient.log");
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean finished = p.waitFor(30, TimeUnit.SECONDS);
            if (!finished) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertTrue(finished, "uclient did not finish in 30 s:\n" + output);
            assertEquals(0, p.exitValue(), output + "\nserver counters: " + turn.server.counters());
            Matcher lost = LOST.matcher(output);
            assertTrue(lost.find(), "no loss figure:\n" + output);
            assertEquals("0", lost.group(1), output);
            assertTrue(turn.server.counters().get(TurnCounters.ALLOCATIONS_CREATED) >= 2, output);
            assertTrue(turn.server.counters().get(TurnCounters.TO_PEER) >= MESSAGES, turn.server.counters().toString());
            System.out.printf("turnutils_uclient over %s: %s; server counters %s%n", transport,
                    summary(output), turn.server.counters());
        }
    }

    static String summary(String output) {
        return output.lines().filter(l -> l.contains("Total") || l.contains("Average")).map(String::trim)
                .reduce((a, b) -> a + " | " + b).orElse("");
    }
}
