package org.xcs.relay;

import org.xcs.common.component.ComponentCore;
import org.xcs.common.disco.Identity;
import org.xcs.common.launch.ComponentContext;
import org.xcs.common.launch.ComponentModule;
import org.xcs.common.launch.ServiceCore;

/** Builds the Jingle relay component's logic. */
public final class RelayModule implements ComponentModule {

    static final int SCHEMA_VERSION = 1;

    @Override
    public String name() {
        return "relay";
    }

    @Override
    public int schemaVersion() {
        return SCHEMA_VERSION;
    }

    @Override
    public ComponentCore create(ComponentContext context) {
        // XEP-0030 §3: the identity clients look for when they discover this kind of service.
        return new ServiceCore(context, "xcs-relay", new Identity("proxy", "bytestreams", "Jingle relay"));
    }
}
