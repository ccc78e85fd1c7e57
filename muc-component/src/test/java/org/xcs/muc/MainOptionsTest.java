package org.xcs.muc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xcs.common.cli.Cli;
import org.xcs.muc.service.CreationPolicy;
import org.xcs.muc.service.MucSettings;
import org.xmpp.packet.JID;

class MainOptionsTest {

    @TempDir
    Path dir;

    private record Run(int exit, String err, MucSettings settings) {
    }

    /** Through the real Cli (exit codes, --config), with the launcher replaced by a recorder. */
    private static Run run(String... args) {
        MucSettings[] seen = new MucSettings[1];
        Main main = new Main((common, settings) -> {
            seen[0] = settings;
            return 0;
        });
        StringWriter err = new StringWriter();
        int exit = new Cli(Map.of("XCS_SECRET", "s3cret"), new PrintWriter(new StringWriter()), new PrintWriter(err))
                .execute(main, args);
        return new Run(exit, err.toString(), seen[0]);
    }

    @Test
    void defaultsLetTheHostDomainsUsersCreateRoomsWithNoAdmins() {
        Run run = run("--domain", "muc.example.org");
        assertEquals(0, run.exit, run.err);
        assertEquals(new MucSettings(CreationPolicy.LOCAL, Set.of("example.org"), Set.of(), 100, 65536),
                run.settings);
    }

    @Test
    void everyMucOptionReachesTheSettings() {
        Run run = run("--domain", "muc.example.org", "--room-creation", "admins", "--admin", "Boss@Example.org",
                "--admin", "deputy@example.net", "--host-domain", "example.org", "--host-domain", "example.net",
                "--max-history", "0", "--max-message-chars", "1000", "--public-occupant-lists");
        assertEquals(0, run.exit, run.err);
        assertEquals(new MucSettings(CreationPolicy.ADMINS, Set.of("example.org", "example.net"),
                Set.of(new JID("boss@example.org"), new JID("deputy@example.net")), 0, 1000, true), run.settings);
    }

    @Test
    void theConfigFileGivesTheSameOptionsRepeatableOnesCommaSeparated() throws IOException {
        Path config = dir.resolve("muc.properties");
        Files.writeString(config, "domain=muc.example.org\nroom-creation=anyone\nadmin=a@example.org, b@example.org\n"
                + "host-domain=example.org,example.com\nmax-history=50\n");
        Run run = run("--config", config.toString());
        assertEquals(0, run.exit, run.err);
        assertEquals(new MucSettings(CreationPolicy.ANYONE, Set.of("example.org", "example.com"),
                Set.of(new JID("a@example.org"), new JID("b@example.org")), 50, 65536), run.settings);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--room-creation=everybody | '--room-creation': 'everybody' is not one of anyone, local, admins",
            "--admin=example.org       | 'example.org' is not a bare user JID",
            "--admin=a@example.org/r   | 'a@example.org/r' is not a bare user JID",
            "--host-domain=u@example.org | 'u@example.org' is not a bare domain",
            "--max-history=-1          | '-1' is not a whole number in 0..10000",
            "--max-history=10001       | '10001' is not a whole number in 0..10000",
            "--max-message-chars=0     | '0' is not a whole number in 1..10000000",
            "--max-message-chars=lots  | 'lots' is not a whole number in 1..10000000",
    })
    void aBadValueExitsWithTwoNamingTheProblemAndLaunchesNothing(String option, String message) {
        Run run = run("--domain", "muc.example.org", option);
        assertEquals(2, run.exit);
        assertTrue(run.err.contains(message), run.err);
        assertNull(run.settings, "nothing was launched");
    }

    @Test
    void aDomainWithoutParentIsItsOwnHost() {
        assertEquals(Set.of("localhost"), run("--domain", "localhost").settings.hostDomains());
        assertEquals("localhost", new MucModule(run("--domain", "localhost").settings).usersDomain("localhost"));
    }

    /** XEP-0033 §2.2: the launcher searches this domain for the host's multicast service. */
    @Test
    void theMulticastServiceIsSearchedOnTheParentUnlessHostDomainsLeaveItOut() {
        assertEquals("example.org", usersDomain("--domain", "muc.example.org"));
        assertEquals("example.org", usersDomain("--domain", "muc.example.org", "--host-domain", "example.com",
                "--host-domain", "example.org"));
        // A service whose domain is not under its users' domain: the first --host-domain, as given.
        assertEquals("example.org", usersDomain("--domain", "rooms.chat.example.net", "--host-domain", "example.org",
                "--host-domain", "example.com"));
        assertEquals("example.com", usersDomain("--domain", "rooms.chat.example.net", "--host-domain", "example.com",
                "--host-domain", "example.org"));
        assertEquals("example.org", new MucModule().usersDomain("muc.example.org"));
    }

    private static String usersDomain(String... args) {
        Run run = run(args);
        assertEquals(0, run.exit, run.err);
        return new MucModule(run.settings).usersDomain(args[1]);
    }
}
