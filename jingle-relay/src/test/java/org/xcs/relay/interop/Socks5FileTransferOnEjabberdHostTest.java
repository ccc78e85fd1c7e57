package org.xcs.relay.interop;

import org.xcs.common.harness.EjabberdHost;
import org.xcs.common.harness.HostTests;
import org.xcs.common.harness.RealHostTest;
import org.xcs.common.harness.TestHost;

@RealHostTest
class Socks5FileTransferOnEjabberdHostTest extends Socks5FileTransferContract {
    @Override protected void requireInstalled() { HostTests.requireEjabberd(); }
    @Override protected TestHost newHost(String component, String secret) {
        return EjabberdHost.builder(DOMAIN).component(component, secret).build();
    }
}
