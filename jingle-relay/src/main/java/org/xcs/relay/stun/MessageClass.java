package org.xcs.relay.stun;

/** The two class bits C1 C0 of the message type (RFC 8489 §5). */
public enum MessageClass {
    REQUEST(0b00),
    INDICATION(0b01),
    SUCCESS_RESPONSE(0b10),
    ERROR_RESPONSE(0b11);

    private final int bits;

    MessageClass(int bits) {
        this.bits = bits;
    }

    public int bits() {
        return bits;
    }

    public boolean isResponse() {
        return this == SUCCESS_RESPONSE || this == ERROR_RESPONSE;
    }

    static MessageClass ofBits(int bits) {
        return values()[bits & 0b11];
    }
}
