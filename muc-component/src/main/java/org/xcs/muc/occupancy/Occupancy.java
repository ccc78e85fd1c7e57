package org.xcs.muc.occupancy;

import org.xcs.muc.MucContext;

/** Entering, presence, nick changes and exit (XEP-0045 §7.1-§7.3, §7.6, §7.14), room creation on first entry (§10.1.1), discussion history (§7.2.15) and subject on entry. */
public final class Occupancy {
    private Occupancy() {
    }

    /** Registers this area's handlers, disco features and form fields. */
    public static void install(MucContext context) {
        // filled in by the feature area
    }
}
