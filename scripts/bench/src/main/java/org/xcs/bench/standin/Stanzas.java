package org.xcs.bench.standin;

import java.nio.charset.StandardCharsets;

/** Byte-level looks at a framed stanza: enough to classify and count without a parser. */
public final class Stanzas {
    private static final byte[] RESOURCE_CONSTRAINT = ascii("resource-constraint");
    private static final byte[] ERROR_TYPE_SQ = ascii("type='error'");
    private static final byte[] ERROR_TYPE_DQ = ascii("type=\"error\"");

    private Stanzas() {
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    public static boolean startsWith(byte[] buf, int len, String prefix) {
        if (len < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (buf[i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    public static boolean isMessage(byte[] buf, int len) {
        return startsWith(buf, len, "<message");
    }

    public static boolean isIq(byte[] buf, int len) {
        return startsWith(buf, len, "<iq");
    }

    public static boolean isPresence(byte[] buf, int len) {
        return startsWith(buf, len, "<presence");
    }

    /** The stanza's type attribute is "error" (RFC 6120 §8.3); looks at the start tag only. */
    public static boolean isError(byte[] buf, int len) {
        int end = startTagEnd(buf, len);
        return indexOf(buf, end, ERROR_TYPE_SQ) >= 0 || indexOf(buf, end, ERROR_TYPE_DQ) >= 0;
    }

    /** An error stanza whose condition is resource-constraint (RFC 6120 §8.3.3.18): the component shed it. */
    public static boolean isResourceConstraint(byte[] buf, int len) {
        return isError(buf, len) && indexOf(buf, len, RESOURCE_CONSTRAINT) >= 0;
    }

    /** The value of {@code name} in the start tag, or null. */
    public static String attribute(byte[] buf, int len, String name) {
        int end = startTagEnd(buf, len);
        byte[] key = ascii(" " + name + "=");
        int at = indexOf(buf, end, key);
        if (at < 0) {
            return null;
        }
        int q = at + key.length;
        byte quote = buf[q];
        int close = q + 1;
        while (close < end && buf[close] != quote) {
            close++;
        }
        return new String(buf, q + 1, close - q - 1, StandardCharsets.UTF_8);
    }

    static int startTagEnd(byte[] buf, int len) {
        byte quote = 0;
        for (int i = 0; i < len; i++) {
            byte b = buf[i];
            if (quote != 0) {
                if (b == quote) {
                    quote = 0;
                }
            } else if (b == '\'' || b == '"') {
                quote = b;
            } else if (b == '>') {
                return i + 1;
            }
        }
        return len;
    }

    public static int indexOf(byte[] buf, int len, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= len; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (buf[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
