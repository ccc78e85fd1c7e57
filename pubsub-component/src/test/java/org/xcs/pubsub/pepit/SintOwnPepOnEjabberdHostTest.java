package org.xcs.pubsub.pepit;

import org.xcs.common.harness.HostTests;
import org.xcs.common.harness.RealHostTest;
import org.xcs.common.harness.TestHost;
import org.xcs.common.harness.sint.SintEjabberd;

/**
 * The same SINT tests against ejabberd 23.01's own PEP (mod_pubsub with the pep plugin, mod_caps), for comparison:
 * figures reported, not asserted.
 */
@RealHostTest
class SintOwnPepOnEjabberdHostTest extends SintPepContract {
    @Override protected void requireInstalled() { HostTests.requireEjabberd(); }
    @Override protected TestHost newHost() {
        return SintEjabberd.builder().moduleConfig("""
                mod_caps: {}
                mod_pubsub:
                  plugins:
                    - flat
                    - pep
                """).build();
    }
    @Override protected boolean ours() { return false; }
    @Override protected String hostName() { return "ejabberd"; }
}
