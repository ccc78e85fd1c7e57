package org.xcs.pubsub;

import org.xcs.common.harness.EjabberdHost;
import org.xcs.common.harness.HostTests;
import org.xcs.common.harness.RealHostTest;
import org.xcs.common.harness.TestHost;

@RealHostTest
class PubSubSmackOnEjabberdHostTest extends PubSubSmackHostContract {
    @Override protected void requireInstalled() { HostTests.requireEjabberd(); }
    @Override protected TestHost newHost(String component, String secret) {
        return EjabberdHost.builder(DOMAIN).component(component, secret).build();
    }
}
