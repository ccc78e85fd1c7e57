package org.xcs.relay.stun;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.xcs.relay.stun.StunParseException.Reason;

/** RFC 8656 §12: ChannelData framing, padding over streams, and the channel number range. */
class ChannelDataTest {

    @Test
    void overUdpTheMessageIsChannelLengthDataWithoutPadding() {
        assertArrayEquals(Rfc5769.hex("40 00 00 03 01 02 03"), new ChannelData(0x4000, new byte[] {1, 2, 3})
                .encode(false));
    }

    @Test
    void overTcpTheDataIsPaddedToAMultipleOfFourButTheLengthCountsOnlyTheData() {
        assertArrayEquals(Rfc5769.hex("4f ff 00 03 01 02 03 00"), new ChannelData(0x4FFF, new byte[] {1, 2, 3})
                .encode(true));
    }

    @Test
    void aUdpDatagramMayCarryPaddingWhichIsIgnored() throws Exception {
        byte[] padded = Rfc5769.hex("40 01 00 03 01 02 03 00");
        assertEquals(new ChannelData(0x4001, new byte[] {1, 2, 3}), ChannelData.parseDatagram(padded, 0, 8));
        byte[] unpadded = Rfc5769.hex("40 01 00 03 01 02 03");
        assertEquals(new ChannelData(0x4001, new byte[] {1, 2, 3}), ChannelData.parseDatagram(unpadded, 0, 7));
    }

    @Test
    void aDatagramShorterThanItsLengthIsTruncatedAndOneWithMoreThanPaddingAfterIsRefused() {
        assertEquals(Reason.TRUNCATED, assertThrows(StunParseException.class,
                () -> ChannelData.parseDatagram(Rfc5769.hex("40 01 00 08 01 02 03"), 0, 7)).reason());
        assertEquals(Reason.TRAILING_BYTES, assertThrows(StunParseException.class,
                () -> ChannelData.parseDatagram(Rfc5769.hex("40 01 00 00 01 02 03 04"), 0, 8)).reason());
        assertEquals(Reason.TRUNCATED, assertThrows(StunParseException.class,
                () -> ChannelData.parseDatagram(Rfc5769.hex("40 01 00"), 0, 3)).reason());
    }

    @Test
    void channelsOfRfc5766sRangeAreAcceptedBecauseCoturnClientsUseThemAndOthersRefused() throws Exception {
        assertEquals(Reason.BAD_CHANNEL, assertThrows(StunParseException.class,
                () -> ChannelData.parseDatagram(Rfc5769.hex("3f ff 00 00"), 0, 4)).reason());
        for (String header : new String[] {"50 00 00 00", "7f ff 00 00"}) {
            assertEquals(0, ChannelData.parseDatagram(Rfc5769.hex(header), 0, 4).dataLength(), header);
        }
        assertThrows(IllegalArgumentException.class, () -> new ChannelData(0x8000, new byte[0]));
        assertEquals(0x7FFF, new ChannelData(0x7FFF, new byte[0]).channel()); // RFC 5766 range, used by coturn clients
    }

    @Test
    void anEmptyChannelDataIsValid() throws Exception {
        assertEquals(0, ChannelData.parseStreamFrame(Rfc5769.hex("40 00 00 00"), 0, 4).dataLength());
    }

    @Test
    void aStreamFrameMustBeExactlyHeaderPlusPaddedData() {
        assertThrows(StunParseException.class,
                () -> ChannelData.parseStreamFrame(Rfc5769.hex("40 00 00 03 01 02 03"), 0, 7));
    }

    @Test
    void firstTwoBitsTellStunFromChannelDataFromAnythingElse() {
        assertEquals(PacketKind.STUN, PacketKind.of((byte) 0x00));
        assertEquals(PacketKind.STUN, PacketKind.of((byte) 0x01));
        assertEquals(PacketKind.STUN, PacketKind.of((byte) 0x3F));
        assertEquals(PacketKind.CHANNEL_DATA, PacketKind.of((byte) 0x40));
        assertEquals(PacketKind.CHANNEL_DATA, PacketKind.of((byte) 0x7F));
        // RFC 7983 §7: RTP/RTCP (128-191) and the rest are not TURN traffic.
        assertEquals(PacketKind.OTHER, PacketKind.of((byte) 0x80));
        assertEquals(PacketKind.OTHER, PacketKind.of((byte) 0xC0));
        assertEquals(PacketKind.OTHER, PacketKind.of((byte) 0xFF));
    }
}
