package org.xcs.relay.stun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xcs.relay.stun.StunParseException.Reason;

/** RFC 8656 §12.5 and RFC 8489 §6.2.2: STUN and padded ChannelData back to back on one TCP stream. */
class StreamFramingTest {

    private static final TransactionId ID = TransactionId.of(RawStun.TID);

    @Test
    void aStreamOfMixedMessagesIsCutAtTheRightPlacesWhateverTheReadSizes() throws Exception {
        byte[] stun = StunMessage.builder(MessageClass.REQUEST, StunMethod.REFRESH, ID)
                .add(new StunAttribute.Lifetime(600)).fingerprint().encode();
        byte[] data = new ChannelData(0x4000, new byte[] {9, 9, 9, 9, 9}).encode(true);
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes(stun);
        stream.writeBytes(data);
        stream.writeBytes(stun);
        byte[] all = stream.toByteArray();

        for (int chunk = 1; chunk <= all.length; chunk++) {
            assertEquals(List.of(stun.length, data.length, stun.length), frames(all, chunk), "chunk " + chunk);
        }
    }

    @Test
    void stunIsFramedByItsLengthFieldOnceTheCookieIsSeen() throws Exception {
        byte[] stun = StunMessage.builder(MessageClass.REQUEST, StunMethod.BINDING, ID).encode();
        assertEquals(StreamFraming.NEED_MORE, StreamFraming.frameLength(stun, 0, 7));
        assertEquals(20, StreamFraming.frameLength(stun, 0, 8));
    }

    @Test
    void garbageOnTheStreamIsUnframeableAndTheConnectionMustGo() throws Exception {
        // A TLS ClientHello starts 0x16, inside the STUN range: it is the missing cookie that gives it away.
        assertEquals(Reason.NOT_STUN, assertThrows(StunParseException.class,
                () -> StreamFraming.frameLength(Rfc5769.hex("16 03 01 00 a5 01 00 00"), 0, 8)).reason());
        assertEquals(Reason.UNKNOWN_FRAME, assertThrows(StunParseException.class,
                () -> StreamFraming.frameLength(Rfc5769.hex("80 00 00 00"), 0, 4)).reason());
        assertEquals(Reason.NOT_STUN, assertThrows(StunParseException.class,
                () -> StreamFraming.frameLength(Rfc5769.hex("00 01 00 00 00 00 00 00"), 0, 8)).reason());
        assertEquals(Reason.BAD_LENGTH, assertThrows(StunParseException.class,
                () -> StreamFraming.frameLength(Rfc5769.hex("00 01 00 02 21 12 a4 42"), 0, 8)).reason());
        // Every 0b01 prefix is a channel of RFC 5766's range (see ChannelData): framed, not refused.
        assertEquals(4 + 4, StreamFraming.frameLength(Rfc5769.hex("7f ff 00 03"), 0, 4));
    }

    @Test
    void noFrameIsLongerThanTheDeclaredMaximum() throws Exception {
        assertEquals(StreamFraming.MAX_FRAME,
                StreamFraming.frameLength(Rfc5769.hex("00 01 ff fc 21 12 a4 42"), 0, 8));
        assertEquals(4 + 0x10000, StreamFraming.frameLength(Rfc5769.hex("40 00 ff ff"), 0, 4));
    }

    private static List<Integer> frames(byte[] all, int chunk) throws StunParseException {
        List<Integer> lengths = new ArrayList<>();
        int start = 0;
        int buffered = 0;
        while (start < all.length) {
            buffered = Math.min(all.length, buffered + chunk);
            int n;
            while (start < buffered
                    && (n = StreamFraming.frameLength(all, start, buffered - start)) != StreamFraming.NEED_MORE
                    && start + n <= buffered) {
                if (PacketKind.of(all[start]) == PacketKind.STUN) {
                    StunMessage.parse(all, start, n);
                } else {
                    ChannelData.parseStreamFrame(all, start, n);
                }
                lengths.add(n);
                start += n;
            }
        }
        return lengths;
    }
}
