package org.xcs.muc.room;

import java.util.Locale;

/** XEP-0045 §5.2: long-lived standing in a room, ordered from most to least privileged. */
public enum Affiliation {
    OWNER, ADMIN, MEMBER, NONE, OUTCAST;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Null when {@code value} is not an affiliation (the caller answers bad-request). */
    public static Affiliation fromWire(String value) {
        for (Affiliation a : values()) {
            if (a.wireName().equals(value)) {
                return a;
            }
        }
        return null;
    }

    /** At least {@code other}'s privileges (owner > admin > member > none > outcast). */
    public boolean atLeast(Affiliation other) {
        return ordinal() <= other.ordinal();
    }
}
