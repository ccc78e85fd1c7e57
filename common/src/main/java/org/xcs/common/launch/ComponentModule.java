package org.xcs.common.launch;

import org.xcs.common.component.ComponentCore;

/** What each component module tells the launcher: its name, its storage schema, and how to build its logic. */
public interface ComponentModule {

    /** Short name used for the store file and in messages, e.g. {@code muc}. */
    String name();

    /** The storage schema version this build writes; a data dir written by a newer build is refused. */
    int schemaVersion();

    ComponentCore create(ComponentContext context);
}
