package org.xcs.bench.client;

import java.nio.charset.StandardCharsets;

/**
 * The hot path of receiving: one pass over the bytes read, finding stamps and the two stream-level events that end a
 * session (RFC 6120 §4.9 stream error, §4.4 closing tag), without parsing XML. A construct cut off by the end of the
 * read is left for the next read: {@link #scan} returns where the unresolved tail starts.
 */
final class InboundScanner {
    private static final byte[] STREAM_ERROR = "<stream:error".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] STREAM_CLOSE = "</stream:stream>".getBytes(StandardCharsets.US_ASCII);

    /** Longest tail ever carried over: a construct is resolved once this many bytes follow its start. */
    static final int MAX_CARRY = Math.max(Stamp.MAX_LENGTH, STREAM_CLOSE.length);

    interface Sink {
        void stamp(long step, long nanos);

        void streamError();

        void streamClosed();
    }

    private final long[] parsed = new long[2];

    /** Scans {@code a[0..n)}; returns the index from which bytes must be carried into the next read ({@code n}: none). */
    int scan(byte[] a, int n, Sink sink) {
        int i = 0;
        while (i < n) {
            byte b = a[i];
            if (b == '[') {
                int end = Stamp.parse(a, i, n, parsed);
                if (end == Stamp.INCOMPLETE) {
                    return i;
                }
                if (end > 0) {
                    sink.stamp(parsed[0], parsed[1]);
                    i = end;
                    continue;
                }
            } else if (b == '<' && i + 1 < n && (a[i + 1] == 's' || a[i + 1] == '/')) {
                int m = matchAt(a, i, n, a[i + 1] == 's' ? STREAM_ERROR : STREAM_CLOSE);
                if (m < 0) {
                    return i;
                }
                if (m > 0) {
                    if (a[i + 1] == 's') {
                        sink.streamError();
                    } else {
                        sink.streamClosed();
                    }
                    i += m;
                    continue;
                }
            } else if (b == '<' && i + 1 == n) {
                return i;
            }
            i++;
        }
        return n;
    }

    /** Length of {@code p} when it is at {@code a[i]}, 0 when not, -1 when the bytes end while still matching. */
    private static int matchAt(byte[] a, int i, int n, byte[] p) {
        for (int k = 0; k < p.length; k++) {
            if (i + k >= n) {
                return -1;
            }
            if (a[i + k] != p[k]) {
                return 0;
            }
        }
        return p.length;
    }
}
