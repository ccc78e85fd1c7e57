package org.xcs.bench.testbed;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xcs.common.harness.HostTests;

/**
 * The bench runs ejabberd as docs/hosts.md tells admins to, with mod_multicast (XEP-0033) loaded, for the built-ins
 * and ours alike; {@code --ejabberd-no-multicast} leaves it out. Checked on a started ejabberd's own config file.
 */
class EjabberdMulticastTest {

    @Test
    void aTestbedLeasedByDefaultLoadsMulticast(@TempDir Path dir) throws Exception {
        assertTrue(configOfAStartedBed(Testbeds.fresh(), dir).contains("  mod_multicast: {}\n"));
    }

    @Test
    void withEjabberdNoMulticastTheModuleIsLeftOut(@TempDir Path dir) throws Exception {
        String config = configOfAStartedBed(Testbeds.fresh(Testbed.Builder::ejabberdNoMulticast), dir);
        assertFalse(config.contains("multicast"), config);
    }

    private static String configOfAStartedBed(Testbeds beds, Path dir) throws Exception {
        HostTests.requireEjabberd();
        try (Testbeds.Lease lease = beds.lease("ejabberd", dir, UnaryOperator.identity())) {
            assertTrue(lease.bed().host().isRunning(), "ejabberd did not start");
            return Files.readString(lease.bed().host().directory().resolve("conf").resolve("ejabberd.yml"));
        }
    }
}
