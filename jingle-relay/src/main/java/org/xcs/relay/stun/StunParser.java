package org.xcs.relay.stun;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.xcs.relay.stun.StunParseException.Reason;

/**
 * The one way bytes become a {@link StunMessage}. Every read is preceded by a bounds check against the length
 * the header declared, which is itself checked against the bytes present, so nothing past the input is touched
 * and nothing larger than the input is allocated.
 */
final class StunParser {

    private StunParser() {
    }

    static StunMessage parse(byte[] buf, int offset, int length) throws StunParseException {
        if (length < StunHeader.LENGTH) {
            throw new StunParseException(Reason.TRUNCATED, length + " bytes, shorter than a header");
        }
        int type = AttributeCodec.u16(buf, offset);
        // RFC 8489 §6.3: the two most significant bits are zero and the magic cookie is present.
        if ((type & 0xC000) != 0) {
            throw new StunParseException(Reason.NOT_STUN, "first two bits are not 0b00");
        }
        if ((int) AttributeCodec.u32(buf, offset + 4) != StunHeader.MAGIC_COOKIE) {
            throw new StunParseException(Reason.NOT_STUN, "no magic cookie");
        }
        StunHeader header = new StunHeader(StunHeader.classOf(type), StunHeader.methodOf(type),
                TransactionId.copyOf(buf, offset + 8));
        int declared = AttributeCodec.u16(buf, offset + 2);
        // RFC 8489 §5: attributes are padded, so the length is a multiple of 4.
        if (declared % 4 != 0) {
            throw new StunParseException(Reason.BAD_LENGTH, "length " + declared + " is not a multiple of 4", header);
        }
        if (StunHeader.LENGTH + declared > length) {
            throw new StunParseException(Reason.TRUNCATED, "length " + declared + " but " + (length - 20)
                    + " bytes follow the header", header);
        }
        if (StunHeader.LENGTH + declared < length) {
            throw new StunParseException(Reason.TRAILING_BYTES, (length - 20 - declared)
                    + " bytes after the message", header);
        }
        // Work on our own copy from here: integrity is verified later over exactly these bytes.
        byte[] raw = Arrays.copyOfRange(buf, offset, offset + length);
        return attributes(raw, header);
    }

    private static StunMessage attributes(byte[] raw, StunHeader header) throws StunParseException {
        List<StunAttribute> attributes = new ArrayList<>();
        int integrity = -1;
        int integritySha256 = -1;
        int ignored = 0;
        boolean fingerprintSeen = false;
        int pos = StunHeader.LENGTH;
        while (pos < raw.length) {
            // pos and raw.length are both multiples of 4, so the 4-byte attribute header is always present.
            int type = AttributeCodec.u16(raw, pos);
            int valueLength = AttributeCodec.u16(raw, pos + 2);
            int next = pos + 4 + AttributeCodec.padded(valueLength);
            if (next > raw.length) {
                throw new StunParseException(Reason.OVERLONG_ATTRIBUTE, "attribute 0x" + Integer.toHexString(type)
                        + " of " + valueLength + " bytes (padded) runs past the message end", header);
            }
            if (fingerprintSeen) {
                throw new StunParseException(Reason.ATTRIBUTE_AFTER_FINGERPRINT,
                        "attribute 0x" + Integer.toHexString(type) + " after FINGERPRINT", header);
            }
            if (type == AttributeType.FINGERPRINT) {
                StunAttribute.Fingerprint fingerprint = (StunAttribute.Fingerprint) AttributeCodec.decode(type, raw,
                        pos + 4, valueLength, header);
                if (fingerprint.value() != Integrity.fingerprint(raw, 0, pos)) {
                    throw new StunParseException(Reason.BAD_FINGERPRINT, "CRC mismatch", header);
                }
                attributes.add(fingerprint);
                fingerprintSeen = true;
            } else if (integritySha256 >= 0
                    || (integrity >= 0 && type != AttributeType.MESSAGE_INTEGRITY_SHA256)) {
                // RFC 8489 §14.5, §14.6: after the integrity attributes only FINGERPRINT (and, after
                // MESSAGE-INTEGRITY, MESSAGE-INTEGRITY-SHA256) counts; the rest is ignored, but must still frame.
                ignored++;
            } else {
                StunAttribute attribute = AttributeCodec.decode(type, raw, pos + 4, valueLength, header);
                if (type == AttributeType.MESSAGE_INTEGRITY) {
                    integrity = pos;
                } else if (type == AttributeType.MESSAGE_INTEGRITY_SHA256) {
                    integritySha256 = pos;
                }
                attributes.add(attribute);
            }
            pos = next;
        }
        return new StunMessage(header, attributes, raw, integrity, integritySha256, ignored);
    }
}
