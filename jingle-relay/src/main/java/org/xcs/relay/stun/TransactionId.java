package org.xcs.relay.stun;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;

/** The 96-bit transaction id (RFC 8489 §5); a value, compared by content. */
public final class TransactionId {

    public static final int LENGTH = 12;

    private final byte[] bytes;

    private TransactionId(byte[] bytes) {
        this.bytes = bytes;
    }

    public static TransactionId of(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a transaction id has 12 bytes, not " + bytes.length);
        }
        return new TransactionId(bytes.clone());
    }

    static TransactionId copyOf(byte[] buf, int offset) {
        return new TransactionId(Arrays.copyOfRange(buf, offset, offset + LENGTH));
    }

    /** RFC 8489 §5: "uniformly and randomly chosen"; pass a SecureRandom. */
    public static TransactionId random(Random random) {
        byte[] b = new byte[LENGTH];
        random.nextBytes(b);
        return new TransactionId(b);
    }

    public byte[] toByteArray() {
        return bytes.clone();
    }

    void copyTo(byte[] target, int offset) {
        System.arraycopy(bytes, 0, target, offset, LENGTH);
    }

    byte byteAt(int i) {
        return bytes[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TransactionId t && Arrays.equals(bytes, t.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return HexFormat.of().formatHex(bytes);
    }
}
