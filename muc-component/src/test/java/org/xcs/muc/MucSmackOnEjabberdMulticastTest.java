package org.xcs.muc;

import org.xcs.common.harness.EjabberdHost;
import org.xcs.common.harness.HostTests;
import org.xcs.common.harness.RealHostTest;
import org.xcs.common.harness.TestHost;

/** The MUC contract through ejabberd's own XEP-0033 service, mod_multicast. */
@RealHostTest
class MucSmackOnEjabberdMulticastTest extends MucSmackMulticastContract {
    @Override protected void requireInstalled() { HostTests.requireEjabberd(); }
    @Override protected TestHost newHost(String component, String secret) {
        return EjabberdHost.builder(DOMAIN).component(component, secret).moduleConfig("mod_multicast: {}").build();
    }
}
