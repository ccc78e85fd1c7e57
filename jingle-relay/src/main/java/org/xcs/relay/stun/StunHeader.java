package org.xcs.relay.stun;

import java.util.Optional;

/** The parts of the 20-byte header that identify a transaction (RFC 8489 §5). */
public record StunHeader(MessageClass messageClass, int methodCode, TransactionId transactionId) {

    public static final int LENGTH = 20;
    public static final int MAGIC_COOKIE = 0x2112A442;

    public StunHeader {
        if (methodCode < 0 || methodCode > 0xFFF) {
            throw new IllegalArgumentException("a method has 12 bits: " + methodCode);
        }
    }

    public Optional<StunMethod> method() {
        return StunMethod.fromCode(methodCode);
    }

    /** RFC 8489 §5: M11..M7 C1 M6..M4 C0 M3..M0 in the 14 low bits. */
    int encodedType() {
        int m = methodCode;
        int c = messageClass.bits();
        return ((m & 0xF80) << 2) | ((m & 0x070) << 1) | (m & 0x00F) | ((c & 0b10) << 7) | ((c & 0b01) << 4);
    }

    static int methodOf(int type) {
        return (type & 0x000F) | ((type & 0x00E0) >> 1) | ((type & 0x3E00) >> 2);
    }

    static MessageClass classOf(int type) {
        return MessageClass.ofBits(((type & 0x0100) >> 7) | ((type & 0x0010) >> 4));
    }
}
