package org.xcs.pubsub.pepit;

import org.xcs.common.harness.HostTests;
import org.xcs.common.harness.RealHostTest;
import org.xcs.common.harness.TestHost;
import org.xcs.common.harness.sint.SintEjabberd;

/** SINT's XEP-0080/0107/0118 tests against our component as ejabberd's PEP service (asserted). */
@RealHostTest
class SintPepOnEjabberdHostTest extends SintPepContract {
    @Override protected void requireInstalled() { HostTests.requireEjabberd(); }
    @Override protected TestHost newHost() {
        return PepHostConfig.ejabberd(SintEjabberd.builder(), DOMAIN, COMPONENT, SECRET).build();
    }
    @Override protected boolean ours() { return true; }
    @Override protected String hostName() { return "ejabberd"; }
}
