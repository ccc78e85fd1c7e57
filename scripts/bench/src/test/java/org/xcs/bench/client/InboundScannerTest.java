package org.xcs.bench.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class InboundScannerTest {

    /** Feeds {@code bytes} in two reads split at {@code cut}, carrying the unresolved tail like the event loop. */
    private static Recorder scanSplit(byte[] bytes, int cut) {
        InboundScanner scanner = new InboundScanner();
        Recorder r = new Recorder();
        byte[] buf = new byte[bytes.length + InboundScanner.MAX_CARRY];
        System.arraycopy(bytes, 0, buf, 0, cut);
        int keep = scanner.scan(buf, cut, r);
        int carried = cut - keep;
        System.arraycopy(buf, keep, buf, 0, carried);
        System.arraycopy(bytes, cut, buf, carried, bytes.length - cut);
        int n = carried + bytes.length - cut;
        int rest = scanner.scan(buf, n, r);
        r.leftOver = n - rest;
        return r;
    }

    @Test
    void aStampSplitAtEveryPossibleByteIsCountedExactlyOnce() {
        String xml = "<message from='r@c/o1' type='groupchat'><body>" + Stamp.text(7, 123456789) + "</body></message>"
                + "<message><body>x [not a stamp] [xb:1:] " + Stamp.text(7, 42) + "</body></message>";
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        for (int cut = 0; cut <= bytes.length; cut++) {
            Recorder r = scanSplit(bytes, cut);
            assertEquals(List.of("7:123456789", "7:42"), r.stamps, "cut at " + cut);
            assertEquals(0, r.leftOver, "cut at " + cut);
        }
    }

    @Test
    void streamErrorAndClosingTagAreSeenEvenWhenSplit() {
        String xml = "<status code='110'/><stream:error><conflict xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>"
                + "</stream:error></stream:stream>";
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        for (int cut = 0; cut <= bytes.length; cut++) {
            Recorder r = scanSplit(bytes, cut);
            assertEquals(1, r.errors, "cut at " + cut);
            assertEquals(1, r.closes, "cut at " + cut);
        }
    }

    @Test
    void aStampWrittenByTheLoopParsesBackToTheSameStepAndTime() {
        byte[] out = new byte[Stamp.MAX_LENGTH];
        int n = Stamp.write(out, 0, Long.MAX_VALUE / 3, 0);
        long[] parsed = new long[2];
        assertEquals(n, Stamp.parse(out, 0, n, parsed));
        assertEquals(Long.MAX_VALUE / 3, parsed[0]);
        assertEquals(0, parsed[1]);
    }

    private static final class Recorder implements InboundScanner.Sink {
        final List<String> stamps = new ArrayList<>();
        int errors;
        int closes;
        int leftOver;

        @Override
        public void stamp(long step, long nanos) {
            stamps.add(step + ":" + nanos);
        }

        @Override
        public void streamError() {
            errors++;
        }

        @Override
        public void streamClosed() {
            closes++;
        }
    }
}
