package org.xcs.pubsub;

import org.xcs.common.harness.EjabberdHost;
import org.xcs.common.harness.HostTests;
import org.xcs.common.harness.RealHostTest;
import org.xcs.common.harness.TestHost;

/**
 * The client contract again, on an ejabberd with mod_multicast (XEP-0033): notifications to the host's users now
 * leave the component through the host's multicast service. The component is only taken as started once it logged
 * that it found and probed the service.
 */
@RealHostTest
class PubSubSmackOnEjabberdMulticastTest extends PubSubSmackHostContract {
    @Override protected void requireInstalled() { HostTests.requireEjabberd(); }

    @Override protected TestHost newHost(String component, String secret) {
        return EjabberdHost.builder(DOMAIN).component(component, secret).moduleConfig("mod_multicast: {}").build();
    }

    @Override protected String readyLine() {
        return "through the host's multicast service multicast." + DOMAIN;
    }
}
