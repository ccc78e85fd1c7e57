package org.xcs.relay.stun;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/** Hand-made wire bytes, for messages our builder would refuse to produce. */
final class RawStun {

    static final byte[] TID = Rfc5769.hex("01 02 03 04 05 06 07 08 09 0a 0b 0c");

    private RawStun() {
    }

    /** A header with the given type and a length field counting exactly the attribute bytes that follow. */
    static byte[] message(int type, byte[]... attributes) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] a : attributes) {
            body.writeBytes(a);
        }
        return withLength(type, body.size(), body.toByteArray());
    }

    static byte[] withLength(int type, int lengthField, byte[] body) {
        ByteBuffer b = ByteBuffer.allocate(20 + body.length);
        b.putShort((short) type).putShort((short) lengthField).putInt(StunHeader.MAGIC_COOKIE).put(TID).put(body);
        return b.array();
    }

    /** Type, length and value padded with zeros to 4 bytes. */
    static byte[] tlv(int type, byte[] value) {
        ByteBuffer b = ByteBuffer.allocate(4 + ((value.length + 3) & ~3));
        b.putShort((short) type).putShort((short) value.length).put(value);
        return b.array();
    }

    /** Type and a length field that need not match the value given. */
    static byte[] tlv(int type, int lengthField, byte[] valueAndPadding) {
        ByteBuffer b = ByteBuffer.allocate(4 + valueAndPadding.length);
        b.putShort((short) type).putShort((short) lengthField).put(valueAndPadding);
        return b.array();
    }
}
