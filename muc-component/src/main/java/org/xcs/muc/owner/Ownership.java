package org.xcs.muc.owner;

import org.xcs.muc.MucContext;

/** Owner use cases over muc#owner (XEP-0045 §10): instant and reserved rooms, the muc#roomconfig form, destroying a room. */
public final class Ownership {
    private Ownership() {
    }

    /** Registers this area's handlers, disco features and form fields. */
    public static void install(MucContext context) {
        // filled in by the feature area
    }
}
