package org.xcs.muc.occupancy;

import org.xcs.muc.MucContext;

/**
 * Entering (XEP-0045 §7.2) with room creation on first entry (§10.1.1), history and subject on entry, availability
 * changes (§7.7), nick changes (§7.6), exit (§7.14) and removal after errors (§11.1): the service's presence handler.
 */
public final class Occupancy {
    private Occupancy() {
    }

    /** Registers the one presence handler of the service (occupant presence is this area's). */
    public static void install(MucContext context) {
        context.router().onPresence(new RoomPresenceHandler(context));
    }
}
