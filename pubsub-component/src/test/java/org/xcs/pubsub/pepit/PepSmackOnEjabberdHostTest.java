package org.xcs.pubsub.pepit;

import org.xcs.common.harness.EjabberdHost;
import org.xcs.common.harness.HostTests;
import org.xcs.common.harness.RealHostTest;
import org.xcs.common.harness.TestHost;

@RealHostTest
class PepSmackOnEjabberdHostTest extends PepSmackHostContract {
    @Override protected void requireInstalled() { HostTests.requireEjabberd(); }
    @Override protected TestHost createHost() {
        return PepHostConfig.ejabberd(EjabberdHost.builder(DOMAIN), DOMAIN, COMPONENT, SECRET).build();
    }
}
