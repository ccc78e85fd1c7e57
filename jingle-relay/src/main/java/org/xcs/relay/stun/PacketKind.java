package org.xcs.relay.stun;

/**
 * What arrived on a TURN port, judged by its first byte (RFC 8656 §12: STUN starts 0b00, ChannelData 0b01;
 * RFC 7983 §7 places DTLS, RTP and the rest above 19 and in 128-191, which a TURN server does not accept).
 */
public enum PacketKind {
    STUN,
    CHANNEL_DATA,
    OTHER;

    public static PacketKind of(byte firstByte) {
        return switch ((firstByte & 0xC0) >>> 6) {
            case 0b00 -> STUN;
            case 0b01 -> CHANNEL_DATA;
            default -> OTHER;
        };
    }
}
