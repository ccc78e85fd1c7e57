package org.xcs.relay.interop;

import org.xcs.common.harness.HostTests;
import org.xcs.common.harness.ProsodyHost;
import org.xcs.common.harness.RealHostTest;
import org.xcs.common.harness.TestHost;

@RealHostTest
class Socks5FileTransferOnProsodyHostTest extends Socks5FileTransferContract {
    @Override protected void requireInstalled() { HostTests.requireProsody(); }
    @Override protected TestHost newHost(String component, String secret) {
        return ProsodyHost.builder(DOMAIN).component(component, secret).build();
    }
}
