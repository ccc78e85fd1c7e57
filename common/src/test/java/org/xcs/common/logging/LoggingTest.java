package org.xcs.common.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.logging.Handler;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

class LoggingTest {

    private static final Pattern LINE = Pattern.compile(
            "(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z) INFO  \\[muc\\.example\\.test] Runtime"
                    + " - connected to 127\\.0\\.0\\.1:5347");

    private final Logger log = LoggerFactory.getLogger("org.xcs.common.component.Runtime");

    @AfterEach
    void backToDefaults() {
        Logging.configure("-", "info");
    }

    @Test
    void eachEventIsOneLineWithUtcTimeLevelDomainLoggerNameAndMessage() {
        String out;
        try (StderrCapture err = new StderrCapture()) {
            Logging.configure("muc.example.test", "info");
            log.info("connected to {}:{}", "127.0.0.1", 5347);
            out = err.text();
        }
        String[] lines = out.split("\n");
        assertEquals(1, lines.length, out);
        Matcher m = LINE.matcher(lines[0]);
        assertTrue(m.matches(), lines[0]);
        Instant stamped = Instant.parse(m.group(1));
        assertTrue(Duration.between(stamped, Instant.now()).abs().toMinutes() < 5, "the stamp is UTC: " + stamped);
    }

    @Test
    void theLevelIsAppliedToTheRootLogger() {
        String out;
        try (StderrCapture err = new StderrCapture()) {
            Logging.configure("pubsub.example.test", "warn");
            log.info("quiet info");
            log.warn("loud warning");
            Logging.configure("pubsub.example.test", "DEBUG");
            log.debug("debug now visible");
            log.trace("trace still hidden");
            out = err.text();
        }
        assertFalse(out.contains("quiet info"), out);
        assertTrue(out.contains("WARN  [pubsub.example.test] Runtime - loud warning"), out);
        assertTrue(out.contains("DEBUG [pubsub.example.test] Runtime - debug now visible"), out);
        assertFalse(out.contains("trace still hidden"), out);
    }

    @Test
    void unknownLevelsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Logging.configure("muc.example.test", "verbose"));
        assertTrue(e.getMessage().contains("error, warn, info, debug, trace"), e.getMessage());
    }

    @Test
    void javaUtilLoggingGoesThroughSlf4jExactlyOnce() {
        java.util.logging.Logger julRoot = java.util.logging.LogManager.getLogManager().getLogger("");
        julRoot.addHandler(new java.util.logging.ConsoleHandler()); // as a JDK default configuration would have
        String out;
        try (StderrCapture err = new StderrCapture()) {
            Logging.configure("relay.example.test", "info");
            java.util.logging.Logger.getLogger("org.jivesoftware.whack.Example").warning("from jul");
            out = err.text();
        }
        Handler[] handlers = julRoot.getHandlers();
        assertEquals(1, handlers.length, Arrays.toString(handlers));
        assertTrue(handlers[0] instanceof SLF4JBridgeHandler);
        assertEquals(1, out.split("from jul", -1).length - 1, out);
        assertTrue(out.contains("WARN  [relay.example.test] Example - from jul"), out);
    }

    @Test
    void hiddenSecretsAreMaskedInMessagesAndStackTraces() {
        String secret = "s3cr3t-Component-Pass";
        String out;
        try (StderrCapture err = new StderrCapture()) {
            Logging.configure("muc.example.test", "info");
            Logging.hideSecret(secret);
            log.info("handshake with {}", secret);
            log.error("failed", new IllegalStateException("bad secret " + secret));
            out = err.text();
        }
        assertFalse(out.contains(secret), out);
        assertTrue(out.contains("handshake with ****"), out);
        assertTrue(out.contains("IllegalStateException: bad secret ****"), out);
    }
}
