package org.xcs.bench.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bench runs both hosts with the XEP-0033 service docs/hosts.md recommends (ejabberd's mod_multicast, our
 * mod_xcs_multicast for Prosody), for the built-ins and ours alike; {@code --no-multicast} leaves it out. Checked on
 * a started host's own config file, reached through the run's {@link Testbeds} as every scenario reaches its host.
 */
class MulticastTestbedTest {
    private static final String PROSODY_SERVICE = "Component \"multicast.bench.test\" \"xcs_multicast\"";

    @Test
    void ejabberdLoadsMulticastByDefault(@TempDir Path dir) throws Exception {
        assertTrue(configOf("ejabberd", Testbeds.fresh(), dir).contains("  mod_multicast: {}\n"));
    }

    @Test
    void prosodyLoadsOurServiceByDefault(@TempDir Path dir) throws Exception {
        assertTrue(configOf("prosody", Testbeds.fresh(), dir).contains(PROSODY_SERVICE));
    }

    @Test
    void withNoMulticastNeitherHostHasAService(@TempDir Path dir) throws Exception {
        Testbeds beds = Testbeds.fresh(Testbed.Builder::noMulticast);
        String ejabberd = configOf("ejabberd", beds, dir.resolve("e"));
        assertFalse(ejabberd.contains("multicast"), ejabberd);
        String prosody = configOf("prosody", beds, dir.resolve("p"));
        assertFalse(prosody.contains("multicast"), prosody);
    }

    /** The PubSub beds bring a plugin of their own; Prosody must load our service all the same. */
    @Test
    void aPubSubBedsProsodyStillLoadsOurService(@TempDir Path dir) throws Exception {
        Testbeds beds = Testbeds.fresh(Testbed.Builder::openBuiltinPubSub);
        try (Testbeds.Lease lease = beds.lease("prosody", dir, UnaryOperator.identity())) {
            String config = Files.readString(lease.bed().host().configFile());
            // A second plugin_paths replaced the first: "Unable to load module 'xcs_multicast'" in every PubSub run.
            assertEquals(1, config.lines().filter(line -> line.startsWith("plugin_paths")).count(), config);
            Matcher log = Pattern.compile("warn = \"([^\"]+)\"").matcher(config);
            assertTrue(log.find(), config);
            Path warnings = Path.of(log.group(1));
            String logged = Files.exists(warnings) ? Files.readString(warnings) : "";
            assertFalse(logged.contains("Unable to load module"), logged);
        }
    }

    private static String configOf(String kind, Testbeds beds, Path dir) throws Exception {
        try (Testbeds.Lease lease = beds.lease(kind, dir, UnaryOperator.identity())) {
            assertTrue(lease.bed().host().isRunning(), kind + " did not start");
            return Files.readString(lease.bed().host().configFile());
        }
    }
}
