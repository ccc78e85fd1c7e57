package org.xcs.muc.occupancy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.ToIntFunction;
import org.dom4j.Element;
import org.xcs.common.stanza.datetime.XmppDateTime;
import org.xcs.muc.room.HistoryEntry;

/**
 * XEP-0045 §7.2.14 (Managing Discussion History): the limits a user puts on the history it receives on entry. Each
 * limit is null when not given; the service sends the smallest history meeting all of them.
 */
record HistoryRequest(Integer maxChars, Integer maxStanzas, Integer seconds, Instant since) {

    static final HistoryRequest NONE_GIVEN = new HistoryRequest(null, null, null, null);

    /**
     * Reads {@code <history/>} from the muc {@code <x/>} (null: no element). An unreadable or negative value counts
     * as not given: the spec defines no error for it, and the room's default still bounds what is sent.
     */
    static HistoryRequest parse(Element history) {
        if (history == null) {
            return NONE_GIVEN;
        }
        return new HistoryRequest(count(history.attributeValue("maxchars")),
                count(history.attributeValue("maxstanzas")), count(history.attributeValue("seconds")),
                XmppDateTime.parse(history.attributeValue("since")).orElse(null));
    }

    /**
     * The entries to replay, oldest first. {@code defaultStanzas} (the room's default number of history messages)
     * applies when the user gives no maxstanzas; {@code size} is the character count of an entry as it would be
     * sent (maxchars counts "the characters of the complete XML stanzas"), and only whole stanzas are sent.
     */
    List<HistoryEntry> select(List<HistoryEntry> oldestFirst, Instant now, int defaultStanzas,
                              ToIntFunction<HistoryEntry> size) {
        int stanzaLimit = maxStanzas != null ? maxStanzas : Math.max(0, defaultStanzas);
        Instant notBefore = since;
        if (seconds != null) {
            Instant window = now.minusSeconds(seconds);
            notBefore = notBefore == null || window.isAfter(notBefore) ? window : notBefore;
        }
        List<HistoryEntry> picked = new ArrayList<>();
        long chars = 0;
        for (int i = oldestFirst.size() - 1; i >= 0 && picked.size() < stanzaLimit; i--) {
            HistoryEntry entry = oldestFirst.get(i);
            if (notBefore != null && entry.at().isBefore(notBefore)) {
                break;
            }
            if (maxChars != null) {
                chars += size.applyAsInt(entry);
                if (chars > maxChars) {
                    break;
                }
            }
            picked.add(entry);
        }
        Collections.reverse(picked);
        return picked;
    }

    private static Integer count(String value) {
        if (value == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(value.trim());
            return n < 0 ? null : n;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
