package org.xcs.muc.sint;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.xcs.common.harness.HostTests;
import org.xcs.common.harness.ProsodyHost;
import org.xcs.common.harness.RealHostTest;
import org.xcs.common.harness.sint.SintOutcome;
import org.xcs.common.harness.sint.SintProsody;
import org.xcs.common.harness.sint.SintRunner;
import org.xcs.common.harness.sint.SintSetupException;

/** A SINT run that cannot start is a build failure, never an empty or all-"impossible" report. */
@RealHostTest
class SintRunnerSetupHostTest {

    @Test
    void aHostThatRefusesInBandRegistrationEndsTheRunWithASetupFailure() {
        HostTests.requireProsody();
        // Prosody's own MUC is there; only XEP-0077 registration (SINT's accounts) is missing.
        try (ProsodyHost host = ProsodyHost.builder(SintProsody.DOMAIN)
                .trailingConfig("Component \"conference." + SintProsody.DOMAIN + "\" \"muc\"")
                .build()) {
            host.start();
            SintRunner runner = new SintRunner(MucSint.XEP_0045, SintProsody.DOMAIN, host.c2sPort(), SintRunner.REPLY_TIMEOUT,
                    SintProsody.buildDirectory().resolve("sint-setup-failure.log"));
            SintSetupException failure = assertThrows(SintSetupException.class, () -> runner.run("no registration"));
            assertTrue(failure.getMessage().contains("could not run against no registration"), failure.getMessage());
            System.out.println("[sint] set-up failure as expected: " + SintOutcome.describe(failure.getCause()));
        }
    }
}
