package org.xcs.relay;

import org.xcs.common.harness.AttachedComponentContract;
import org.xcs.common.harness.HostTests;
import org.xcs.common.harness.EjabberdHost;
import org.xcs.common.harness.RealHostTest;
import org.xcs.common.harness.TestHost;
import org.xcs.common.launch.ComponentModule;

@RealHostTest
class RelayOnEjabberdHostTest extends AttachedComponentContract {
    @Override protected String mainClass() { return LoopbackRelayMain.class.getName(); }
    @Override protected ComponentModule module() { return new RelayModule(); }
    @Override protected String identityCategory() { return "proxy"; }
    @Override protected String identityType() { return "bytestreams"; }
    @Override protected void requireInstalled() { HostTests.requireEjabberd(); }
    @Override protected TestHost newHost(String component, String secret) {
        return EjabberdHost.builder(DOMAIN).component(component, secret).build();
    }
    // ejabberd answers not-authorized for a domain no listener declares, and load-balances a second session.
    @Override protected int undeclaredDomainExitCode() { return 3; }
    @Override protected boolean hostRefusesASecondSession() { return false; }
}
