package org.xcs.pubsub.pepit;

import java.util.Map;

import org.xcs.common.harness.HostTests;
import org.xcs.common.harness.ProsodyHost;
import org.xcs.common.harness.RealHostTest;
import org.xcs.common.harness.TestHost;

@RealHostTest
class HostGrantsOnProsodyHostTest extends HostGrantsContract {
    @Override protected void requireInstalled() { HostTests.requireProsody(); }
    @Override protected TestHost newHost() {
        return PepHostConfig.prosody(ProsodyHost.builder(DOMAIN), DOMAIN, COMPONENT, SECRET).build();
    }
    @Override protected String privilegeNs() { return "urn:xmpp:privilege:2"; }
    @Override protected String delegationNs() { return "urn:xmpp:delegation:2"; }
    @Override protected Map<String, String> expectedPermissions() {
        return Map.of("roster", "get", "message", "outgoing", "presence", "roster");
    }
}
