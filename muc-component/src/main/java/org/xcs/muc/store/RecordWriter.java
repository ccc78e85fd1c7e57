package org.xcs.muc.store;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Writes one stored record: fixed-width numbers and length-prefixed UTF-8 (no 64 KiB cap, unlike writeUTF). */
final class RecordWriter {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    private final DataOutputStream out = new DataOutputStream(bytes);

    RecordWriter version(int version) {
        return run(() -> out.writeByte(version));
    }

    RecordWriter integer(int value) {
        return run(() -> out.writeInt(value));
    }

    RecordWriter instant(Instant at) {
        return run(() -> {
            out.writeLong(at.getEpochSecond());
            out.writeInt(at.getNano());
        });
    }

    RecordWriter string(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        return run(() -> {
            out.writeInt(utf8.length);
            out.write(utf8);
        });
    }

    byte[] toBytes() {
        return bytes.toByteArray();
    }

    private interface Write {
        void run() throws IOException;
    }

    private RecordWriter run(Write write) {
        try {
            write.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return this;
    }
}
