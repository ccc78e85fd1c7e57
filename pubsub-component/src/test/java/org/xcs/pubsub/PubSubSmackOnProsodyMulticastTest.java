package org.xcs.pubsub;

import org.xcs.common.harness.HostTests;
import org.xcs.common.harness.ProsodyHost;
import org.xcs.common.harness.RealHostTest;
import org.xcs.common.harness.TestHost;

/**
 * The client contract again, on a Prosody with our XEP-0033 service (scripts/hosts/prosody-plugins/
 * mod_xcs_multicast.lua): notifications to the host's users leave the component through it, the recipient list as
 * lines of text, the form the component picks when the service names it.
 */
@RealHostTest
class PubSubSmackOnProsodyMulticastTest extends PubSubSmackHostContract {
    @Override protected void requireInstalled() { HostTests.requireProsody(); }

    @Override protected TestHost newHost(String component, String secret) {
        return ProsodyHost.builder(DOMAIN).component(component, secret).xcsMulticast("multicast." + DOMAIN).build();
    }

    @Override protected String readyLine() {
        return "through the host's multicast service multicast." + DOMAIN + " (XEP-0033, the list as lines of text";
    }
}
