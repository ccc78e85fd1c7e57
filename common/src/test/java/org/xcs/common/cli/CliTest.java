package org.xcs.common.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xcs.common.logging.Logging;
import org.xcs.common.logging.StderrCapture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

class CliTest {

    /** Shaped like a component's Main: the shared mixin plus an option of its own. */
    @Command(name = "testcomp")
    static final class TestMain implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Option(names = "--max-rooms", defaultValue = "100")
        int maxRooms;

        boolean called;

        @Override
        public Integer call() {
            called = true;
            return 0;
        }
    }

    private record Run(int exit, String out, String err, TestMain command) {
    }

    @TempDir
    Path dir;

    @AfterEach
    void resetLogging() {
        Logging.configure("-", "info");
    }

    private static Run run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        TestMain command = new TestMain();
        int exit = new Cli(env, new PrintWriter(out, true), new PrintWriter(err, true)).execute(command, args);
        return new Run(exit, out.toString(), err.toString(), command);
    }

    private static Run run(String... args) {
        return run(Map.of(), args);
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void onlyDomainAndSecretAreNeededTheRestHasDefaults() {
        Run r = run("--domain", "muc.example.test", "--secret", "pw-1234");
        assertEquals(0, r.exit, r.err);
        assertTrue(r.command.called);
        CommonOptions o = r.command.common;
        assertEquals("127.0.0.1", o.host());
        assertEquals(5347, o.port());
        assertEquals("muc.example.test", o.domain());
        assertEquals("pw-1234", o.secret());
        assertEquals(Path.of("data", "muc.example.test"), o.dataDir());
        assertEquals("info", o.logLevel());
        assertFalse(o.waitForHost());
        assertTrue(o.multicast(), "XEP-0033 through the host's service when it has one");
        assertEquals(Duration.ofSeconds(10), o.handshakeTimeout());
        assertEquals(Duration.ofSeconds(5), o.pingInterval());
        assertTrue(o.configFile().isEmpty());
        assertEquals(100, r.command.maxRooms);
    }

    @Test
    void everyOptionCanBeGivenOnTheCommandLine() {
        Run r = run(Map.of(), "--host", "::1", "--port", "5348", "--domain", "MUC.Example.TEST", "--secret", "pw-1234",
                "--data-dir", "/var/lib/xcs/muc", "--log-level", "WARN", "--wait-for-host",
                "--handshake-timeout", "3", "--ping-interval", "2", "--ping-timeout", "40", "--max-stanza-size", "1048576",
                "--max-rooms", "9", "--multicast", "OFF");
        assertEquals(0, r.exit, r.err);
        CommonOptions o = r.command.common;
        assertEquals("::1", o.host());
        assertEquals(5348, o.port());
        assertEquals("muc.example.test", o.domain(), "JID stringprep lower-cases the domain");
        assertEquals(Path.of("/var/lib/xcs/muc"), o.dataDir());
        assertEquals("warn", o.logLevel());
        assertTrue(o.waitForHost());
        assertEquals(Duration.ofSeconds(3), o.handshakeTimeout());
        assertEquals(Duration.ofSeconds(2), o.pingInterval());
        assertEquals(Duration.ofSeconds(40), o.pingTimeout());
        assertEquals(1_048_576, o.maxStanzaSize());
        assertFalse(o.multicast());
        assertEquals(9, r.command.maxRooms);
    }

    @Test
    void theCommandLineOverridesTheConfigFileWhichOverridesTheDefaults() throws IOException {
        Path config = file("muc.properties", String.join("\n",
                "# the component's own options work from the file too",
                "domain = muc.example.test",
                "port=5400",
                "host=::1",
                "max-rooms=7",
                "wait-for-host=true",
                "log-level=debug",
                "secret-file=" + file("secret", "from-file-1234\n")));
        Run r = run("--config", config.toString(), "--port", "5401", "--log-level=error");
        assertEquals(0, r.exit, r.err);
        CommonOptions o = r.command.common;
        assertEquals(5401, o.port(), "flag beats file");
        assertEquals("error", o.logLevel(), "flag beats file");
        assertEquals("::1", o.host(), "file beats default");
        assertEquals("muc.example.test", o.domain(), "a required option satisfied by the file");
        assertTrue(o.waitForHost());
        assertEquals(7, r.command.maxRooms);
        assertEquals("from-file-1234", o.secret());
        assertEquals(Duration.ofSeconds(10), o.handshakeTimeout(), "default when neither gives it");
        assertEquals(Path.of(config.toString()), o.configFile().orElseThrow());
    }

    @Test
    void theSecretComesFromTheFlagThenTheSecretFileThenTheEnvironment() throws IOException {
        Path secretFile = file("secret", "  from-file-1234  \nsecond line ignored\n");
        Map<String, String> env = Map.of(CommonOptions.SECRET_ENV, "from-env-1234");
        String[] base = {"--domain", "muc.example.test"};

        Run all = run(env, concat(base, "--secret", "from-flag-1234", "--secret-file", secretFile.toString()));
        assertEquals("from-flag-1234", all.command.common.secret());

        Run fileAndEnv = run(env, concat(base, "--secret-file", secretFile.toString()));
        assertEquals("from-file-1234", fileAndEnv.command.common.secret(), "first line, trimmed");

        Run envOnly = run(env, base);
        assertEquals("from-env-1234", envOnly.command.common.secret());
    }

    @Test
    void withoutASecretTheUsageErrorNamesAllThreeWaysToGiveIt() {
        Run r = run("--domain", "muc.example.test");
        assertEquals(2, r.exit);
        assertFalse(r.command.called);
        assertEquals("testcomp: no component secret: give --secret-file FILE, set XCS_SECRET, or give --secret SECRET"
                + " (visible in ps)", r.err.lines().findFirst().orElseThrow());
    }

    @Test
    void anUnreadableOrEmptySecretFileIsAUsageError() throws IOException {
        Run missing = run("--domain", "muc.example.test", "--secret-file", dir.resolve("nope").toString());
        assertEquals(2, missing.exit);
        assertTrue(missing.err.contains("--secret-file " + dir.resolve("nope") + ": cannot read it"), missing.err);

        Run empty = run("--domain", "muc.example.test", "--secret-file", file("empty", "\n").toString());
        assertEquals(2, empty.exit);
        assertTrue(empty.err.contains("the first line is empty"), empty.err);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--port|0|'0' is not a port number (1..65535)",
        "--port|65536|'65536' is not a port number (1..65535)",
        "--port|abc|'abc' is not a port number (1..65535)",
        "--domain|user@muc.example.test|is not a bare domain",
        "--domain|muc.example.test/res|is not a bare domain",
        "--domain|a b.example|is not a valid JID domain",
        "--log-level|verbose|'verbose' is not one of error, warn, info, debug, trace",
        "--handshake-timeout|0|'0' is not a whole number of seconds",
        "--ping-interval|soon|'soon' is not a whole number of seconds",
        "--max-stanza-size|1000|'1000' is not a size in bytes of at least 16384",
        "--multicast|on|'on' is not one of auto, off",
    })
    void aBadValueExitsWithCode2AndOneLineNamingTheOption(String option, String value, String problem) {
        Run r = run("--secret", "pw-1234", "--domain", "ok.example.test", option, value);
        assertEquals(2, r.exit);
        assertFalse(r.command.called);
        String[] lines = r.err.split("\n");
        assertEquals(2, lines.length, r.err);
        assertTrue(lines[0].startsWith("testcomp: Invalid value for option '" + option + "'"), lines[0]);
        assertTrue(lines[0].contains(problem), lines[0]);
        assertEquals("Try 'testcomp --help' for more information.", lines[1]);
    }

    @Test
    void aMissingDomainIsAUsageError() {
        Run r = run("--secret", "pw-1234");
        assertEquals(2, r.exit);
        assertTrue(r.err.startsWith("testcomp: Missing required option: '--domain=DOMAIN'"), r.err);
    }

    @Test
    void anUnknownConfigKeyIsAUsageErrorNamingTheKey() throws IOException {
        Path config = file("bad.properties", "domain=muc.example.test\nsecret=pw-1234\nmax-room=3\n");
        Run r = run("--config=" + config);
        assertEquals(2, r.exit);
        assertFalse(r.command.called);
        String first = r.err.lines().findFirst().orElseThrow();
        assertTrue(first.startsWith("testcomp: --config " + config + ": unknown key 'max-room' (known keys: "), first);
        assertTrue(first.contains("max-rooms"), first);
    }

    @Test
    void aMissingConfigFileIsAUsageError() {
        Run r = run("--config", dir.resolve("absent.properties").toString());
        assertEquals(2, r.exit);
        assertTrue(r.err.contains("cannot read it (NoSuchFileException"), r.err);
    }

    @Test
    void helpAndVersionExitZeroWithoutRunningTheCommand() {
        Run help = run("--help");
        assertEquals(0, help.exit, help.err);
        assertFalse(help.command.called);
        for (String option : new String[] {"--host", "--port", "--domain", "--secret", "--secret-file", "--data-dir",
                "--log-level", "--config", "--wait-for-host", "--handshake-timeout", "--ping-interval", "--ping-timeout",
                "--max-stanza-size", "--max-rooms",
                "--version"}) {
            assertTrue(help.out.contains(option), option + " in\n" + help.out);
        }
        Run version = run("--version");
        assertEquals(0, version.exit, version.err);
        assertTrue(version.out.startsWith("testcomp "), version.out);
    }

    @Test
    void theSecretNeverAppearsInOutputLogsOrToString() throws IOException {
        String secret = "Sup3r-S3cret-Value";
        Path config = file("c.properties", "secret=" + secret + "\n");
        String logs;
        Run ok;
        Run fromConfigHelp;
        Run badPort;
        try (StderrCapture err = new StderrCapture()) {
            ok = run("--domain", "muc.example.test", "--secret", secret, "--log-level", "trace");
            fromConfigHelp = run("--config", config.toString(), "--help");
            badPort = run("--domain", "muc.example.test", "--secret=" + secret, "--port", secret);
            logs = err.text();
        }
        assertEquals(0, ok.exit);
        assertEquals(0, fromConfigHelp.exit);
        assertEquals(2, badPort.exit);
        assertTrue(logs.contains("[muc.example.test] Cli - options: host=127.0.0.1"), logs);
        assertTrue(logs.contains("WARN  [muc.example.test] Cli - --secret is visible"), logs);
        assertTrue(badPort.err.contains("'****' is not a port number"), badPort.err);
        for (String text : new String[] {logs, ok.out, ok.err, ok.command.common.toString(), fromConfigHelp.out,
                fromConfigHelp.err, badPort.out, badPort.err}) {
            assertFalse(text.contains(secret), text);
        }
        assertTrue(ok.command.common.toString().contains("secret=****"));
    }

    @Test
    void aOneLetterSecretDoesNotMangleErrorMessages() {
        Run bad = run("--domain", "muc.example.test", "--secret", "s", "--port", "0");
        assertEquals(2, bad.exit);
        assertTrue(bad.err.contains("'0' is not a port number"), bad.err);
        assertFalse(bad.err.contains("****"), bad.err);
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
