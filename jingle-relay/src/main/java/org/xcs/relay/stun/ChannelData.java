package org.xcs.relay.stun;

import java.util.Arrays;
import org.xcs.relay.stun.StunParseException.Reason;

/**
 * A ChannelData message (RFC 8656 §12.4): channel number, length, application data. Over TCP it is padded to a
 * multiple of 4 (§12.5); over UDP the padding is optional and a receiver ignores it.
 */
public record ChannelData(int channel, byte[] data) {

    public static final int HEADER_LENGTH = 4;
    /**
     * RFC 5766 §11's 0x4000-0x7FFF. RFC 8656 §12 narrows it to 0x4000-0x4FFF and reserves the rest, but coturn's
     * own clients still pick numbers up to 0x7FFF and coturn accepts them: for interoperability we do too.
     */
    public static final int MIN_CHANNEL = 0x4000;
    public static final int MAX_CHANNEL = 0x7FFF;

    public ChannelData {
        if (!isValidChannel(channel)) {
            throw new IllegalArgumentException(String.format("channel 0x%04X outside 0x4000-0x7FFF", channel));
        }
        if (data.length > 0xFFFF) {
            throw new IllegalArgumentException("ChannelData carries at most 65535 bytes");
        }
        data = data.clone();
    }

    public static boolean isValidChannel(int channel) {
        return channel >= MIN_CHANNEL && channel <= MAX_CHANNEL;
    }

    /** A whole UDP datagram: RFC 8656 §12.6 discards it if shorter than 4 + length; up to 3 padding bytes may follow. */
    public static ChannelData parseDatagram(byte[] buf, int offset, int length) throws StunParseException {
        int dataLength = header(buf, offset, length);
        if (length > HEADER_LENGTH + AttributeCodec.padded(dataLength)) {
            throw new StunParseException(Reason.TRAILING_BYTES, "more than padding after the data");
        }
        return of(buf, offset, dataLength);
    }

    /** One stream frame as cut by {@link StreamFraming}: exactly 4 + length padded to 4 (RFC 8656 §12.5). */
    public static ChannelData parseStreamFrame(byte[] buf, int offset, int length) throws StunParseException {
        int dataLength = header(buf, offset, length);
        if (length != HEADER_LENGTH + AttributeCodec.padded(dataLength)) {
            throw new StunParseException(Reason.TRAILING_BYTES, "frame is not 4 + padded length");
        }
        return of(buf, offset, dataLength);
    }

    /** Over TCP/TLS pad to a multiple of 4 (RFC 8656 §12.5); over UDP we send no padding. */
    public byte[] encode(boolean stream) {
        int size = HEADER_LENGTH + (stream ? AttributeCodec.padded(data.length) : data.length);
        byte[] out = new byte[size];
        out[0] = (byte) (channel >>> 8);
        out[1] = (byte) channel;
        out[2] = (byte) (data.length >>> 8);
        out[3] = (byte) data.length;
        System.arraycopy(data, 0, out, HEADER_LENGTH, data.length);
        return out;
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    public int dataLength() {
        return data.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChannelData c && channel == c.channel && Arrays.equals(data, c.data);
    }

    @Override
    public int hashCode() {
        return 31 * channel + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return String.format("ChannelData[0x%04X, %d bytes]", channel, data.length);
    }

    private static int header(byte[] buf, int offset, int length) throws StunParseException {
        if (offset < 0 || length < 0 || offset > buf.length - length) {
            throw new IllegalArgumentException("range outside the buffer");
        }
        if (length < HEADER_LENGTH) {
            throw new StunParseException(Reason.TRUNCATED, "shorter than the ChannelData header");
        }
        int channel = AttributeCodec.u16(buf, offset);
        if (!isValidChannel(channel)) {
            throw new StunParseException(Reason.BAD_CHANNEL, "channel 0x" + Integer.toHexString(channel));
        }
        int dataLength = AttributeCodec.u16(buf, offset + 2);
        if (length < HEADER_LENGTH + dataLength) {
            throw new StunParseException(Reason.TRUNCATED, "length " + dataLength + " but " + (length - 4)
                    + " bytes present");
        }
        return dataLength;
    }

    private static ChannelData of(byte[] buf, int offset, int dataLength) {
        int from = offset + HEADER_LENGTH;
        return new ChannelData(AttributeCodec.u16(buf, offset), Arrays.copyOfRange(buf, from, from + dataLength));
    }
}
