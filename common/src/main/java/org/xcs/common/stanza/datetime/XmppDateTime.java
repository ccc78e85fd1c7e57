package org.xcs.common.stanza.datetime;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** XEP-0082 §3.2 DateTime ({@code CCYY-MM-DDThh:mm:ss[.sss]TZD}) and §3.1 TZD. */
public final class XmppDateTime {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private XmppDateTime() {
    }

    /** In UTC (XEP-0203 §2 and XEP-0202 §3 require it); milliseconds only when the instant has some. */
    public static String format(Instant instant) {
        Instant millis = instant.truncatedTo(ChronoUnit.MILLIS);
        return millis.getNano() == 0 ? SECONDS.format(millis) : MILLIS.format(millis);
    }

    /** Accepts any fraction length and any TZD ({@code Z} or {@code ±hh:mm}), as XEP-0082 §3.2 allows. */
    public static Optional<Instant> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text.trim(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** XEP-0082 §3.1 TZD as {@code ±hh:mm}; UTC too is written numerically, since XEP-0202 §3 calls tzo a numeric offset. */
    public static String tzd(ZoneOffset offset) {
        int total = offset.getTotalSeconds();
        int minutes = Math.abs(total) / 60;
        return String.format("%s%02d:%02d", total < 0 ? "-" : "+", minutes / 60, minutes % 60);
    }
}
