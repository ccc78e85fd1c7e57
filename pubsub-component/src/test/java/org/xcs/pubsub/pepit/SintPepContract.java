package org.xcs.pubsub.pepit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xcs.common.harness.ComponentProcess;
import org.xcs.common.harness.TestHost;
import org.xcs.common.harness.sint.SintOutcome;
import org.xcs.common.harness.sint.SintProsody;
import org.xcs.common.harness.sint.SintReport;
import org.xcs.common.harness.sint.SintRunner;
import org.xcs.common.harness.sint.SintSuite;
import org.xcs.pubsub.Main;

/**
 * SINT's PEP tests, XEP-0080 (geolocation), XEP-0107 (mood) and XEP-0118 (tune), two each: user one publishes
 * through Smack's PepManager to their own bare JID, user two (mutual subscription, +notify in its caps) must get the
 * notification, also for an item published before its +notify appeared. Against OUR component (the host's own PEP
 * off, {@code scripts/xcs-pep-config}'s configuration) every test must pass (issue 7, "Done when"; {@code
 * -Dxcs.sint.pep.strict=false} only reports); against the host's OWN PEP the figures are reported, not asserted.
 * Tables go to {@code target/sint-pep-<target>.txt}.
 */
abstract class SintPepContract {
    static final String STRICT_PROPERTY = "xcs.sint.pep.strict";
    private static final boolean STRICT = Boolean.parseBoolean(System.getProperty(STRICT_PROPERTY, "true"));
    /** {@code -Dxcs.sint.pep.logLevel=trace} logs the component's stanzas (its log is in the test's temp dir). */
    static final String LOG_LEVEL = System.getProperty("xcs.sint.pep.logLevel", "info");
    static final String DOMAIN = SintProsody.DOMAIN;
    static final String COMPONENT = "pubsub." + DOMAIN;
    static final String SECRET = "sint-pep-s3cret";
    static final List<SintSuite> PEP_SUITES = List.of(SintSuite.of("XEP-0080", "pubsub"),
            SintSuite.of("XEP-0107", "pubsub"), SintSuite.of("XEP-0118", "pubsub"));

    @TempDir
    Path work;

    protected abstract void requireInstalled();

    /** The host SINT runs against: with our PEP configuration when {@link #ours()}, else with its own PEP. */
    protected abstract TestHost newHost();

    /** True: our component serves PEP (asserted); false: the host's own PEP (figures only). */
    protected abstract boolean ours();

    protected abstract String hostName();

    @Test
    void sintPepTestsForGeolocMoodAndTune() throws Exception {
        requireInstalled();
        String target = (ours() ? "xcs-pubsub PEP on " : "own PEP of ") + hostName();
        try (TestHost host = newHost()) {
            host.start();
            ComponentProcess component = ours() ? startComponent(host) : null;
            try {
                List<SintReport> reports = new ArrayList<>();
                for (SintSuite suite : PEP_SUITES) {
                    String file = "sint-pep-" + (ours() ? "xcs" : "own") + "-" + hostName().toLowerCase() + "-"
                            + suite.specification().toLowerCase();
                    SintReport report = new SintRunner(suite, DOMAIN, host.c2sPort(), SintRunner.REPLY_TIMEOUT,
                            SintProsody.buildDirectory().resolve(file + ".log")).run(target);
                    report.writeTo(SintProsody.buildDirectory().resolve(file + ".txt"));
                    System.out.println(report.table());
                    reports.add(report);
                }
                reports.forEach(r -> System.out.println("[sint-pep] " + r.summaryLine()));
                for (SintReport report : reports) {
                    int expected = SintRunner.testsOf(report.specification()).size();
                    assertTrue(expected > 0, "SINT has no " + report.specification() + " tests");
                    assertEquals(expected, report.outcomes().stream().map(SintOutcome::test).distinct().count(),
                            "every " + report.specification() + " test has a result\n" + report.table());
                }
                if (component != null) {
                    assertTrue(component.isAlive(), "the component died during SINT:\n" + component.output());
                }
                if (ours() && STRICT) {
                    for (SintReport report : reports) {
                        assertEquals(List.of(), report.notPassed(), "SINT " + report.specification()
                                + " tests that did not pass (" + STRICT_PROPERTY + "=true)\n" + report.table()
                                + (component == null ? "" : "\ncomponent log tail:\n" + tail(component.output())));
                    }
                }
            } finally {
                if (component != null) {
                    component.close();
                    // The temp dir goes away: keep the component's log next to SINT's.
                    Files.copy(work.resolve("pubsub.log"), SintProsody.buildDirectory().resolve(
                            "sint-pep-xcs-" + hostName().toLowerCase() + "-component.log"),
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private ComponentProcess startComponent(TestHost host) throws Exception {
        Path secretFile = work.resolve("pubsub.secret");
        Files.writeString(secretFile, SECRET + "\n");
        ComponentProcess component = ComponentProcess.start(Main.class.getName(), work.resolve("pubsub.log"), List.of(
                "--host", "127.0.0.1", "--port", String.valueOf(host.componentPort(COMPONENT)), "--domain", COMPONENT,
                "--secret-file", secretFile.toString(), "--data-dir", work.resolve("data").toString(), "--log-level", LOG_LEVEL));
        if (!component.awaitOutput("granted privileges", Duration.ofSeconds(30))) {
            component.close();
            throw new AssertionError("the component never took the host's grants:\n" + component.output());
        }
        return component;
    }

    private static String tail(String text) {
        return text.length() > 6000 ? text.substring(text.length() - 6000) : text;
    }
}
