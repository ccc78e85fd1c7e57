package org.xcs.relay;

import org.xcs.common.harness.AttachedComponentContract;
import org.xcs.common.harness.HostTests;
import org.xcs.common.harness.ProsodyHost;
import org.xcs.common.harness.RealHostTest;
import org.xcs.common.harness.TestHost;
import org.xcs.common.launch.ComponentModule;

@RealHostTest
class RelayOnProsodyHostTest extends AttachedComponentContract {
    @Override protected String mainClass() { return LoopbackRelayMain.class.getName(); }
    @Override protected ComponentModule module() { return new RelayModule(); }
    @Override protected String identityCategory() { return "proxy"; }
    @Override protected String identityType() { return "bytestreams"; }
    @Override protected void requireInstalled() { HostTests.requireProsody(); }
    @Override protected TestHost newHost(String component, String secret) {
        return ProsodyHost.builder(DOMAIN).component(component, secret).build();
    }
}
