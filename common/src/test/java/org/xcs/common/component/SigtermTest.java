package org.xcs.common.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xmpp.packet.Message;

/** A real process: SIGTERM must drain, close the stream, and give exit code 0 (the JVM's default is 143). */
class SigtermTest {

    private FakeComponentHost host;
    private Process process;

    @AfterEach
    void tearDown() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
        if (host != null) {
            host.stop();
        }
    }

    @Test
    void sigtermDrainsClosesTheStreamAndExitsWithZero() throws Exception {
        host = RuntimeFixture.startedHost();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        process = new ProcessBuilder(java, "-cp", classpath, SigtermProbe.class.getName(),
                Integer.toString(host.port()))
                .redirectErrorStream(true)
                .start();
        List<String> output = new CopyOnWriteArrayList<>();
        Thread pump = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    output.add(line);
                }
            } catch (java.io.IOException ignored) {
                // process ended
            }
        });
        pump.setDaemon(true);
        pump.start();

        assertTrue(RecordingCore.await(() -> output.contains("CONNECTED"), Duration.ofSeconds(15)),
                "probe attached: " + output);
        Process kill = new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start();
        assertEquals(0, kill.waitFor());
        assertTrue(process.waitFor(15, TimeUnit.SECONDS), "exited after SIGTERM");
        pump.join(2000);

        assertEquals(0, process.exitValue(), String.join("\n", output));
        assertTrue(output.contains("DRAINED"), "drain ran: " + output);
        assertEquals(List.of("drained"), host.awaitReceived(p -> p instanceof Message, 1, Duration.ofSeconds(2))
                .stream().map(p -> ((Message) p).getBody()).toList(), "the stanza sent while draining arrived");
        assertTrue(RecordingCore.await(() -> host.streamsClosedByComponents() == 1, Duration.ofSeconds(2)),
                "closed with </stream:stream>");
        assertFalse(String.join("\n", output).contains(RuntimeFixture.SECRET), "the secret never shows in logs");
    }
}
