package org.xcs.muc;

import org.xcs.common.harness.HostTests;
import org.xcs.common.harness.ProsodyHost;
import org.xcs.common.harness.RealHostTest;
import org.xcs.common.harness.TestHost;

/**
 * The MUC contract through our XEP-0033 service for Prosody, scripts/hosts/prosody-plugins/mod_xcs_multicast.lua,
 * with the recipient list as lines of text, the form the component picks when the service names it.
 */
@RealHostTest
class MucSmackOnProsodyMulticastTest extends MucSmackMulticastContract {
    @Override protected void requireInstalled() { HostTests.requireProsody(); }
    @Override protected TestHost newHost(String component, String secret) {
        return ProsodyHost.builder(DOMAIN).component(component, secret).xcsMulticast("multicast." + DOMAIN).build();
    }
    @Override protected String readyLine() {
        return super.readyLine() + " (XEP-0033, the list as lines of text";
    }
}
