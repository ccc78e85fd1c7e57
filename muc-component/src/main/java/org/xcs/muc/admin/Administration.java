package org.xcs.muc.admin;

import org.xcs.muc.MucContext;

/** Moderator and admin use cases over muc#admin (XEP-0045 §8.2-§8.5, §9): kick, voice, bans, member, moderator, admin and owner lists. */
public final class Administration {
    private Administration() {
    }

    /** Registers this area's handlers, disco features and form fields. */
    public static void install(MucContext context) {
        // filled in by the feature area
    }
}
