package org.xcs.muc.messaging;

import org.xcs.muc.MucContext;

/** Groupchat messages (XEP-0045 §7.4), private messages and IQs (§7.5), invitations and declines (§7.8), voice requests (§7.13, §8.6), subject changes (§8.1). */
public final class Messaging {
    private Messaging() {
    }

    /** Registers this area's handlers, disco features and form fields. */
    public static void install(MucContext context) {
        // filled in by the feature area
    }
}
