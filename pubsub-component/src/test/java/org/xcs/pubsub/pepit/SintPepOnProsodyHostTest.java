package org.xcs.pubsub.pepit;

import org.xcs.common.harness.HostTests;
import org.xcs.common.harness.RealHostTest;
import org.xcs.common.harness.TestHost;
import org.xcs.common.harness.sint.SintProsody;

/** SINT's XEP-0080/0107/0118 tests against our component as Prosody's PEP service (asserted). */
@RealHostTest
class SintPepOnProsodyHostTest extends SintPepContract {
    @Override protected void requireInstalled() { HostTests.requireProsody(); }
    @Override protected TestHost newHost() {
        return PepHostConfig.prosody(SintProsody.builder(), DOMAIN, COMPONENT, SECRET).build();
    }
    @Override protected boolean ours() { return true; }
    @Override protected String hostName() { return "Prosody"; }
}
