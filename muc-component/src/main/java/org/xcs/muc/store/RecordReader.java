package org.xcs.muc.store;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.xcs.common.store.StoreException;

/** Reads what {@link RecordWriter} wrote; a truncated or corrupt record is a {@link StoreException}. */
final class RecordReader {
    private final ByteBuffer in;
    private final String what;

    RecordReader(byte[] bytes, String what) {
        this.in = ByteBuffer.wrap(bytes);
        this.what = what;
    }

    /** The record's format version; anything but {@code expected} is refused rather than misread. */
    void version(int expected) {
        int version = read(() -> (int) in.get());
        if (version != expected) {
            throw new StoreException(what + " has format version " + version + ", this build reads " + expected);
        }
    }

    int integer() {
        return read(in::getInt);
    }

    Instant instant() {
        long seconds = read(in::getLong);
        int nanos = read(in::getInt);
        return Instant.ofEpochSecond(seconds, nanos);
    }

    String string() {
        int length = integer();
        if (length < 0 || length > in.remaining()) {
            throw new StoreException(what + " is corrupt: a string of " + length + " bytes, " + in.remaining()
                    + " left");
        }
        byte[] utf8 = new byte[length];
        in.get(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    /** Nothing may follow the last field: trailing bytes mean the record is not what we think it is. */
    void end() {
        if (in.hasRemaining()) {
            throw new StoreException(what + " is corrupt: " + in.remaining() + " unexpected trailing bytes");
        }
    }

    private <T> T read(java.util.function.Supplier<T> field) {
        try {
            return field.get();
        } catch (BufferUnderflowException e) {
            throw new StoreException(what + " is truncated");
        }
    }
}
