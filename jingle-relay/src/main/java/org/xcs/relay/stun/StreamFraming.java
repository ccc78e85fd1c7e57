package org.xcs.relay.stun;

import org.xcs.relay.stun.StunParseException.Reason;

/**
 * Cuts a TCP/TLS byte stream into STUN messages and ChannelData frames (RFC 8656 §12.5; RFC 8489 §6.2.2 frames
 * STUN by its own length field). A frame is at most 65,552 bytes ({@link #MAX_FRAME}), so a fixed receive buffer of that size always
 * suffices; an unframeable start means the stream is lost and the connection should be closed.
 */
public final class StreamFraming {

    /** Returned while fewer bytes are buffered than it takes to know the frame length. */
    public static final int NEED_MORE = -1;
    public static final int MAX_FRAME = StunHeader.LENGTH + 0xFFFC;

    private StreamFraming() {
    }

    /** The length of the frame that starts at buf[offset], given {@code available} buffered bytes. */
    public static int frameLength(byte[] buf, int offset, int available) throws StunParseException {
        if (available < 1) {
            return NEED_MORE;
        }
        switch (PacketKind.of(buf[offset])) {
            case STUN -> {
                if (available < 8) {
                    return NEED_MORE;
                }
                if ((int) AttributeCodec.u32(buf, offset + 4) != StunHeader.MAGIC_COOKIE) {
                    throw new StunParseException(Reason.NOT_STUN, "no magic cookie on the stream");
                }
                int length = AttributeCodec.u16(buf, offset + 2);
                if (length % 4 != 0) {
                    throw new StunParseException(Reason.BAD_LENGTH, "length " + length + " on the stream");
                }
                return StunHeader.LENGTH + length;
            }
            case CHANNEL_DATA -> {
                if (available < ChannelData.HEADER_LENGTH) {
                    return NEED_MORE;
                }
                int channel = AttributeCodec.u16(buf, offset);
                if (!ChannelData.isValidChannel(channel)) {
                    throw new StunParseException(Reason.BAD_CHANNEL, "channel 0x" + Integer.toHexString(channel));
                }
                return ChannelData.HEADER_LENGTH + AttributeCodec.padded(AttributeCodec.u16(buf, offset + 2));
            }
            default -> throw new StunParseException(Reason.UNKNOWN_FRAME,
                    "first byte 0x" + Integer.toHexString(buf[offset] & 0xFF) + " is neither STUN nor ChannelData");
        }
    }
}
