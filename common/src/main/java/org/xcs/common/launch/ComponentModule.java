package org.xcs.common.launch;

import org.xcs.common.component.ComponentCore;
import org.xcs.common.component.RuntimeSettings;

/** What each component module tells the launcher: its name, its storage schema, and how to build its logic. */
public interface ComponentModule {

    /** Short name used for the store file and in messages, e.g. {@code muc}. */
    String name();

    /** The storage schema version this build writes; a data dir written by a newer build is refused. */
    int schemaVersion();

    ComponentCore create(ComponentContext context);

    /**
     * The domain of the host's users: the launcher searches it for the host's XEP-0033 multicast service (XEP-0033
     * §2.2) and sends through that service only to its users. By default the parent of the component's domain
     * (muc.example.org: example.org); a module whose users' domain is set otherwise returns that one.
     */
    default String usersDomain(String componentDomain) {
        return RuntimeSettings.parentDomainOf(componentDomain);
    }
}
