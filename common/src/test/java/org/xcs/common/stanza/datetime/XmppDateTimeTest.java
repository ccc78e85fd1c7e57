package org.xcs.common.stanza.datetime;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class XmppDateTimeTest {
    @Test
    void wholeSecondsAreWrittenWithoutFractionInUtc() {
        assertEquals("2002-09-10T23:08:25Z", XmppDateTime.format(Instant.parse("2002-09-10T23:08:25Z")));
    }

    @Test
    void subSecondInstantsAreWrittenWithMilliseconds() {
        assertEquals("2002-09-10T23:08:25.120Z", XmppDateTime.format(Instant.parse("2002-09-10T23:08:25.120456Z")));
    }

    @Test
    void parsesTheDateTimeProfileWithAndWithoutFractionAndWithAnOffset() {
        assertEquals(Optional.of(Instant.parse("1969-07-21T02:56:15Z")), XmppDateTime.parse("1969-07-21T02:56:15Z"));
        assertEquals(Optional.of(Instant.parse("1969-07-21T02:56:15.123Z")),
                XmppDateTime.parse("1969-07-21T02:56:15.123Z"));
        // XEP-0082 §4 example: the same instant written in Houston's offset.
        assertEquals(Optional.of(Instant.parse("1969-07-21T02:56:15Z")),
                XmppDateTime.parse("1969-07-20T21:56:15-05:00"));
    }

    @Test
    void anythingElseDoesNotParse() {
        assertEquals(Optional.empty(), XmppDateTime.parse("yesterday"));
        assertEquals(Optional.empty(), XmppDateTime.parse("2002-09-10"));
        assertEquals(Optional.empty(), XmppDateTime.parse(null));
    }

    @Test
    void timeZoneDefinitionsAreSignedHoursAndMinutes() {
        assertEquals("-06:00", XmppDateTime.tzd(ZoneOffset.ofHours(-6)));
        assertEquals("+05:30", XmppDateTime.tzd(ZoneOffset.ofHoursMinutes(5, 30)));
        assertEquals("-03:30", XmppDateTime.tzd(ZoneOffset.ofHoursMinutes(-3, -30)));
        assertEquals("+00:00", XmppDateTime.tzd(ZoneOffset.UTC));
    }
}
