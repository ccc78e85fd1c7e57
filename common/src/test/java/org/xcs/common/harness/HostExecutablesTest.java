package org.xcs.common.harness;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HostExecutablesTest {

    @Test
    void aMissingHostProgramFailsWithTheInstallCommandInsteadOfSkipping() {
        HostException missing = assertThrows(HostException.class,
                () -> HostExecutables.find("xcs-no-such-host-program", "Some host"));
        assertTrue(missing.getMessage().contains("scripts/install-hosts.sh"), missing.getMessage());
        assertTrue(missing.getMessage().contains("xcs-no-such-host-program"), missing.getMessage());
    }
}
