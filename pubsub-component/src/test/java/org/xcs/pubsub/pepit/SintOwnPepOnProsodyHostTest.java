package org.xcs.pubsub.pepit;

import org.xcs.common.harness.HostTests;
import org.xcs.common.harness.RealHostTest;
import org.xcs.common.harness.TestHost;
import org.xcs.common.harness.sint.SintProsody;

/** The same SINT tests against Prosody 0.12's own mod_pep, for comparison: figures reported, not asserted. */
@RealHostTest
class SintOwnPepOnProsodyHostTest extends SintPepContract {
    @Override protected void requireInstalled() { HostTests.requireProsody(); }
    @Override protected TestHost newHost() {
        return SintProsody.builder().enableModule("pep").build();
    }
    @Override protected boolean ours() { return false; }
    @Override protected String hostName() { return "Prosody"; }
}
