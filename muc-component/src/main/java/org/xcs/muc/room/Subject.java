package org.xcs.muc.room;

import java.time.Instant;

/**
 * XEP-0045 §8.1: the room subject, who set it (occupant nick, or empty when set by the room) and when.
 * An empty text is a valid, cleared subject; {@link #NONE} is a room whose subject was never set.
 */
public record Subject(String text, String byNick, Instant at) {
    public static final Subject NONE = new Subject("", "", Instant.EPOCH);
}
