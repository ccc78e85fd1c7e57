package org.xcs.pubsub.pepit;

import org.xcs.common.harness.HostTests;
import org.xcs.common.harness.ProsodyHost;
import org.xcs.common.harness.RealHostTest;
import org.xcs.common.harness.TestHost;

@RealHostTest
class PepSmackOnProsodyHostTest extends PepSmackHostContract {
    @Override protected void requireInstalled() { HostTests.requireProsody(); }
    @Override protected TestHost createHost() {
        return PepHostConfig.prosody(ProsodyHost.builder(DOMAIN), DOMAIN, COMPONENT, SECRET).build();
    }
}
