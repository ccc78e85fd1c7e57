package org.xcs.common.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Turns keys and values into bytes. Keys are ordered by the unsigned lexicographic order of their encoding, so a key
 * codec must encode in an order-preserving way (the ready-made ones below do).
 */
public interface Codec<T> {

    byte[] encode(T value);

    T decode(byte[] bytes);

    /** UTF-8: its unsigned byte order equals code point order, so string keys sort as expected. */
    Codec<String> STRING = new Codec<>() {
        @Override
        public byte[] encode(String value) {
            return value.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String decode(byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    };

    /** Big-endian with the sign bit flipped: negative numbers sort before positive ones under unsigned order. */
    Codec<Long> LONG = new Codec<>() {
        @Override
        public byte[] encode(Long value) {
            return ByteBuffer.allocate(Long.BYTES).putLong(value ^ Long.MIN_VALUE).array();
        }

        @Override
        public Long decode(byte[] bytes) {
            if (bytes.length != Long.BYTES) {
                throw new StoreException("a stored long has " + bytes.length + " bytes, expected 8");
            }
            return ByteBuffer.wrap(bytes).getLong() ^ Long.MIN_VALUE;
        }
    };

    /** Identity; as a key it sorts unsigned-lexicographically. */
    Codec<byte[]> BYTES = new Codec<>() {
        @Override
        public byte[] encode(byte[] value) {
            return value.clone();
        }

        @Override
        public byte[] decode(byte[] bytes) {
            return bytes;
        }
    };
}
