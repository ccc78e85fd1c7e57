package org.xcs.pubsub.pepit;

import java.util.Map;

import org.xcs.common.harness.EjabberdHost;
import org.xcs.common.harness.HostTests;
import org.xcs.common.harness.RealHostTest;
import org.xcs.common.harness.TestHost;

@RealHostTest
class HostGrantsOnEjabberdHostTest extends HostGrantsContract {
    @Override protected void requireInstalled() { HostTests.requireEjabberd(); }
    @Override protected TestHost newHost() {
        return PepHostConfig.ejabberd(EjabberdHost.builder(DOMAIN), DOMAIN, COMPONENT, SECRET).build();
    }
    @Override protected String privilegeNs() { return "urn:xmpp:privilege:1"; }
    @Override protected String delegationNs() { return "urn:xmpp:delegation:1"; }
    @Override protected Map<String, String> expectedPermissions() {
        return Map.of("roster", "both", "message", "outgoing", "presence", "managed_entity");
    }
}
