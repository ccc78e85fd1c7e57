package org.xcs.bench.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * scripts/component.jvm is what every launcher (scripts/xcs-*) and the bench start a component with: a JVM that
 * refuses it would stop every component, so the file is started here as the launchers use it.
 */
class ComponentJvmOptionsTest {

    // The bench module's directory is scripts/bench.
    private static final Path FILE = Path.of("..", "component.jvm").toAbsolutePath().normalize();

    @Test
    void theJvmStartsWithTheLaunchersOptionsFileAndAppliesIt() throws Exception {
        assertTrue(Files.isRegularFile(FILE), FILE + " is missing");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "@" + FILE, "-XX:+PrintCommandLineFlags", "-version")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "java -version did not end");
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("-XX:+UseSerialGC"), out);
        assertTrue(out.contains("-XX:TrimNativeHeapInterval=1000"), out);
    }

    @Test
    void theBenchPassesTheFileWhenToldWhereItIs() {
        String before = System.getProperty("xcs.componentJvm");
        try {
            System.setProperty("xcs.componentJvm", FILE.toString());
            assertEquals(List.of("@" + FILE), Testbed.componentJvmOptions());
            System.setProperty("xcs.componentJvm", "");
            assertEquals(List.of(), Testbed.componentJvmOptions());
        } finally {
            if (before == null) {
                System.clearProperty("xcs.componentJvm");
            } else {
                System.setProperty("xcs.componentJvm", before);
            }
        }
    }
}
