package org.xcs.bench.testbed;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --prosody-gc-generational} runs the bench's Prosody with its garbage collector in generational mode, and
 * Prosody takes the setting (it logs an error, and keeps its default, for a setting it cannot apply); by default the
 * bench leaves Prosody's collector as it is.
 */
class ProsodyGcTest {

    @Test
    void byDefaultTheBenchLeavesProsodysCollectorAlone(@TempDir Path dir) throws Exception {
        try (Testbeds.Lease lease = Testbeds.fresh().lease("prosody", dir, UnaryOperator.identity())) {
            String config = Files.readString(lease.bed().host().configFile());
            assertFalse(config.contains("gc ="), config);
        }
    }

    @Test
    void withTheOptionProsodyRunsItsCollectorInGenerationalMode(@TempDir Path dir) throws Exception {
        Testbeds beds = Testbeds.fresh(Testbed.Builder::prosodyGenerationalGc);
        try (Testbeds.Lease lease = beds.lease("prosody", dir, Testbed.Builder::openBuiltinPubSub)) {
            assertTrue(lease.bed().host().isRunning(), "Prosody did not start");
            String config = Files.readString(lease.bed().host().configFile());
            assertTrue(config.contains(Testbed.GENERATIONAL_GC), config);
            Path warnings = dir.resolve("prosody-warn.log");
            String logged = Files.exists(warnings) ? Files.readString(warnings) : "";
            assertFalse(logged.contains("GC"), logged);
        }
    }
}
