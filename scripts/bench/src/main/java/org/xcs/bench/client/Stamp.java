package org.xcs.bench.client;

import java.nio.charset.StandardCharsets;

/**
 * The send-time stamp put in each message body: {@code [xb:STEP:NANOS]}, ASCII only so that no server escapes it.
 * STEP tags the load step (late stanzas of an earlier step are not counted as deliveries of the current one); NANOS
 * is {@link System#nanoTime()} minus the engine's epoch, so always positive and comparable within the driver process.
 */
public final class Stamp {
    static final byte[] PREFIX = "[xb:".getBytes(StandardCharsets.US_ASCII);
    /** Longest stamp we accept: prefix, two longs, two separators. */
    static final int MAX_LENGTH = PREFIX.length + 20 + 1 + 20 + 1;

    /** Outcome of {@link #parse}: how far the stamp reached, or why there is none. */
    static final int NOT_A_STAMP = -1;
    static final int INCOMPLETE = -2;

    private Stamp() {
    }

    /** Writes the stamp into {@code out} at {@code at}; returns the index after it. {@code out} needs MAX_LENGTH room. */
    static int write(byte[] out, int at, long step, long nanos) {
        System.arraycopy(PREFIX, 0, out, at, PREFIX.length);
        int i = writeDecimal(out, at + PREFIX.length, step);
        out[i++] = ':';
        i = writeDecimal(out, i, nanos);
        out[i++] = ']';
        return i;
    }

    /** The stamp as text, e.g. for messages built outside the engine. */
    public static String text(long step, long nanos) {
        byte[] b = new byte[MAX_LENGTH];
        int n = write(b, 0, step, nanos);
        return new String(b, 0, n, StandardCharsets.US_ASCII);
    }

    private static int writeDecimal(byte[] out, int at, long value) {
        if (value < 0) {
            throw new IllegalArgumentException("stamps are non-negative: " + value);
        }
        if (value == 0) {
            out[at] = '0';
            return at + 1;
        }
        int digits = 0;
        for (long v = value; v > 0; v /= 10) {
            digits++;
        }
        int end = at + digits;
        for (int i = end - 1; i >= at; i--) {
            out[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        return end;
    }

    /**
     * Parses a stamp starting at {@code a[i] == '['}, into {@code parsed[0]} (step) and {@code parsed[1]} (nanos).
     * Returns the index after the stamp, {@link #NOT_A_STAMP}, or {@link #INCOMPLETE} when {@code n} is reached first
     * (the read split the stamp: the caller keeps the tail for the next read).
     */
    static int parse(byte[] a, int i, int n, long[] parsed) {
        int j = i;
        for (byte p : PREFIX) {
            if (j >= n) {
                return INCOMPLETE;
            }
            if (a[j++] != p) {
                return NOT_A_STAMP;
            }
        }
        long step = 0;
        int digits = 0;
        while (true) {
            if (j >= n) {
                return INCOMPLETE;
            }
            byte b = a[j++];
            if (b >= '0' && b <= '9' && digits < 19) {
                step = step * 10 + (b - '0');
                digits++;
            } else if (b == ':' && digits > 0) {
                break;
            } else {
                return NOT_A_STAMP;
            }
        }
        long nanos = 0;
        digits = 0;
        while (true) {
            if (j >= n) {
                return INCOMPLETE;
            }
            byte b = a[j++];
            if (b >= '0' && b <= '9' && digits < 19) {
                nanos = nanos * 10 + (b - '0');
                digits++;
            } else if (b == ']' && digits > 0) {
                break;
            } else {
                return NOT_A_STAMP;
            }
        }
        parsed[0] = step;
        parsed[1] = nanos;
        return j;
    }
}
