package org.xcs.muc.room;

import java.util.Locale;

/** XEP-0045 §5.1: the role an occupant has while in the room, ordered from most to least privileged. */
public enum Role {
    MODERATOR, PARTICIPANT, VISITOR, NONE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromWire(String value) {
        for (Role r : values()) {
            if (r.wireName().equals(value)) {
                return r;
            }
        }
        return null;
    }

    public boolean atLeast(Role other) {
        return ordinal() <= other.ordinal();
    }

    /** XEP-0045 §5.1.1: visitors have no voice in moderated rooms. */
    public boolean hasVoice() {
        return this == MODERATOR || this == PARTICIPANT;
    }
}
