package org.xcs.relay.stun;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Encodes a message: attributes in the order added, then MESSAGE-INTEGRITY, MESSAGE-INTEGRITY-SHA256 and
 * FINGERPRINT in the order RFC 8489 §14.5-§14.7 fixes, each computed over what precedes it.
 */
public final class StunMessageBuilder {

    private static final int MAX_BODY = 0xFFFC;

    private final StunHeader header;
    private final List<StunAttribute> attributes = new ArrayList<>();
    private IntegrityKey integrityKey;
    private IntegrityKey integritySha256Key;
    private boolean fingerprint;
    private byte padding;

    StunMessageBuilder(StunHeader header) {
        this.header = header;
    }

    /** Integrity and fingerprint are computed, not added: use the methods below for those. */
    public StunMessageBuilder add(StunAttribute attribute) {
        if (attribute instanceof StunAttribute.MessageIntegrity
                || attribute instanceof StunAttribute.MessageIntegritySha256
                || attribute instanceof StunAttribute.Fingerprint) {
            throw new IllegalArgumentException("integrity and fingerprint are computed by the builder");
        }
        attributes.add(attribute);
        return this;
    }

    public StunMessageBuilder addAll(List<? extends StunAttribute> more) {
        more.forEach(this::add);
        return this;
    }

    public StunMessageBuilder messageIntegrity(IntegrityKey key) {
        this.integrityKey = key;
        return this;
    }

    public StunMessageBuilder messageIntegritySha256(IntegrityKey key) {
        this.integritySha256Key = key;
        return this;
    }

    public StunMessageBuilder fingerprint() {
        this.fingerprint = true;
        return this;
    }

    /** RFC 8489 §14: padding "may be any value"; zero unless told (RFC 5769 pads with spaces to prove that). */
    public StunMessageBuilder padWith(byte value) {
        this.padding = value;
        return this;
    }

    public byte[] encode() {
        List<byte[]> values = new ArrayList<>(attributes.size());
        int body = 0;
        for (StunAttribute a : attributes) {
            byte[] value = AttributeCodec.encode(a, header.transactionId());
            values.add(value);
            body += 4 + AttributeCodec.padded(value.length);
        }
        int total = body + (integrityKey != null ? 24 : 0) + (integritySha256Key != null ? 36 : 0)
                + (fingerprint ? 8 : 0);
        if (total > MAX_BODY) {
            throw new IllegalStateException("message body of " + total + " bytes exceeds the 16-bit length");
        }
        byte[] out = new byte[StunHeader.LENGTH + total];
        int type = header.encodedType();
        out[0] = (byte) (type >>> 8);
        out[1] = (byte) type;
        putLength(out, total);
        putInt(out, 4, StunHeader.MAGIC_COOKIE);
        header.transactionId().copyTo(out, 8);
        int pos = StunHeader.LENGTH;
        for (int i = 0; i < values.size(); i++) {
            pos = put(out, pos, attributes.get(i).type(), values.get(i));
        }
        if (integrityKey != null) {
            // RFC 8489 §14.5: the length field counts up to the end of MESSAGE-INTEGRITY while hashing.
            byte[] mac = Integrity.hmacSha1(integrityKey, out, 0, pos, pos + 24 - StunHeader.LENGTH);
            pos = put(out, pos, AttributeType.MESSAGE_INTEGRITY, mac);
        }
        if (integritySha256Key != null) {
            byte[] mac = Integrity.hmacSha256(integritySha256Key, out, 0, pos, pos + 36 - StunHeader.LENGTH);
            pos = put(out, pos, AttributeType.MESSAGE_INTEGRITY_SHA256, mac);
        }
        if (fingerprint) {
            long crc = Integrity.fingerprint(out, 0, pos);
            putShort(out, pos, AttributeType.FINGERPRINT);
            putShort(out, pos + 2, 4);
            putInt(out, pos + 4, (int) crc);
            pos += 8;
        }
        return out;
    }

    private int put(byte[] out, int pos, int type, byte[] value) {
        putShort(out, pos, type);
        putShort(out, pos + 2, value.length);
        System.arraycopy(value, 0, out, pos + 4, value.length);
        int end = pos + 4 + AttributeCodec.padded(value.length);
        Arrays.fill(out, pos + 4 + value.length, end, padding);
        return end;
    }

    private static void putLength(byte[] out, int length) {
        putShort(out, 2, length);
    }

    private static void putShort(byte[] out, int pos, int value) {
        out[pos] = (byte) (value >>> 8);
        out[pos + 1] = (byte) value;
    }

    private static void putInt(byte[] out, int pos, int value) {
        putShort(out, pos, value >>> 16);
        putShort(out, pos + 2, value);
    }
}
