package org.xcs.muc.service;

import java.util.Locale;

/** Who may create rooms (a CLI option): anyone, the host's users only, or the service admins only. */
public enum CreationPolicy {
    ANYONE, LOCAL, ADMINS;

    public static CreationPolicy fromOption(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
