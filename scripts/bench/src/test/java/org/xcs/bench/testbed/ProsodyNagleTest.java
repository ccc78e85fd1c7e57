package org.xcs.bench.testbed;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bench runs Prosody as docs/hosts.md tells admins to, with Nagle's algorithm off, for the built-ins and ours
 * alike; {@code --prosody-nagle} keeps the host's default. Checked on a started Prosody's own config file, reached
 * through the run's {@link Testbeds} as every scenario reaches its host.
 */
class ProsodyNagleTest {
    private static final String SETTING = "network_settings = { nagle = false }";

    @Test
    void aTestbedLeasedByDefaultRunsProsodyWithNagleOff(@TempDir Path dir) throws Exception {
        assertTrue(configOfAStartedBed(Testbeds.fresh(), dir).contains(SETTING));
    }

    @Test
    void withProsodyNagleTheHostKeepsItsDefault(@TempDir Path dir) throws Exception {
        String config = configOfAStartedBed(Testbeds.fresh(Testbed.Builder::prosodyNagle), dir);
        assertFalse(config.contains("nagle"), config);
    }

    @Test
    void aScenarioOptionDoesNotDropTheRunsHostOption(@TempDir Path dir) throws Exception {
        Testbeds beds = Testbeds.fresh(Testbed.Builder::prosodyNagle);
        try (Testbeds.Lease lease = beds.lease("prosody", dir, Testbed.Builder::openBuiltinPubSub)) {
            String config = Files.readString(lease.bed().host().configFile());
            assertFalse(config.contains("nagle"), config);
            assertTrue(config.contains("\"bench_pubsub_open\""), config); // the scenario's own option is there too
        }
    }

    private static String configOfAStartedBed(Testbeds beds, Path dir) throws Exception {
        try (Testbeds.Lease lease = beds.lease("prosody", dir, UnaryOperator.identity())) {
            assertTrue(lease.bed().host().isRunning(), "Prosody did not start");
            return Files.readString(lease.bed().host().configFile());
        }
    }
}
