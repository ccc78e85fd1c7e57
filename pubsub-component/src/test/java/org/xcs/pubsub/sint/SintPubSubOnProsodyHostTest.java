package org.xcs.pubsub.sint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xcs.common.harness.ComponentProcess;
import org.xcs.common.harness.HostTests;
import org.xcs.common.harness.ProsodyHost;
import org.xcs.common.harness.RealHostTest;
import org.xcs.common.harness.sint.SintOutcome;
import org.xcs.common.harness.sint.SintProsody;
import org.xcs.common.harness.sint.SintReport;
import org.xcs.common.harness.sint.SintRunner;
import org.xcs.common.harness.sint.SintSuite;
import org.xcs.pubsub.Main;

/**
 * Issue 4, "Done when": SINT's XEP-0060 tests against OUR pubsub component (a real process) attached to Prosody, whose
 * own pubsub is not loaded. Prints the per-test table and writes it to {@code target/sint-results.txt}.
 *
 * <p>Always asserted: the set-up worked (host, component attached, the component is the host's only pubsub service,
 * SINT registered its accounts and ran) and every XEP-0060 test got a result. With strict mode (the default;
 * {@code -Dxcs.sint.pubsub.strict=false} to only report) every test must also pass: none failed, none impossible.
 *
 * <p>SINT's accounts are throw-away users of the host, and its test classes first check that such a user may create
 * a node ({@code PubSubManager.canCreateNodesAndPublishItems}): {@code --node-creation=host-users}.
 */
@RealHostTest
class SintPubSubOnProsodyHostTest {
    static final String STRICT_PROPERTY = "xcs.sint.pubsub.strict";
    private static final boolean STRICT = Boolean.parseBoolean(System.getProperty(STRICT_PROPERTY, "true"));
    private static final SintSuite XEP_0060 = SintSuite.of("XEP-0060", "pubsub");
    private static final String PUBSUB = "pubsub." + SintProsody.DOMAIN;
    private static final String SECRET = "sint-pubsub-s3cret";

    @TempDir
    Path work;

    @Test
    void everySintXep0060TestPassesAgainstOurPubSubOnProsody() throws Exception {
        HostTests.requireProsody();
        try (ProsodyHost host = SintProsody.builder().component(PUBSUB, SECRET).build()) {
            host.start();
            long start = System.nanoTime();
            try (ComponentProcess component = startComponent(host)) {
                System.out.printf("[sint] %s attached in %d ms%n", PUBSUB, (System.nanoTime() - start) / 1_000_000);
                SintProsody.assertTheOnlyServiceIs(XEP_0060, host, PUBSUB);

                SintReport report = new SintRunner(XEP_0060, SintProsody.DOMAIN, host.c2sPort(),
                        SintRunner.REPLY_TIMEOUT, SintProsody.buildDirectory().resolve("sint.log"))
                        .run("xcs-pubsub (" + PUBSUB + ") on Prosody");
                report.writeTo(SintProsody.buildDirectory().resolve("sint-results.txt"));
                System.out.println(report.table());

                assertTrue(component.isAlive(), "the component died during SINT:\n" + component.output());
                int expected = SintRunner.testsOf(XEP_0060.specification()).size();
                assertTrue(expected > 0, "SINT has no XEP-0060 tests");
                assertEquals(expected, report.outcomes().stream().map(SintOutcome::test).distinct().count(),
                        "every XEP-0060 test has a result\n" + report.table());
                if (STRICT) {
                    assertEquals(List.of(), report.notPassed(), "SINT XEP-0060 tests that did not pass ("
                            + STRICT_PROPERTY + "=true)\n" + report.table());
                }
            }
        }
    }

    private ComponentProcess startComponent(ProsodyHost host) throws Exception {
        Path secretFile = work.resolve("pubsub.secret");
        Files.writeString(secretFile, SECRET + "\n");
        ComponentProcess component = ComponentProcess.start(Main.class.getName(), work.resolve("pubsub.log"), List.of(
                "--host", "127.0.0.1", "--port", String.valueOf(host.componentPort(PUBSUB)), "--domain", PUBSUB,
                "--secret-file", secretFile.toString(), "--data-dir", work.resolve("data").toString(),
                "--node-creation", "host-users"));
        if (!component.awaitOutput(": connected to ", Duration.ofSeconds(20))) {
            component.close();
            throw new AssertionError("the pubsub component never attached:\n" + component.output());
        }
        return component;
    }
}
