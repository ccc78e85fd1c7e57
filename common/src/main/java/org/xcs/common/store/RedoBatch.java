package org.xcs.common.store;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The writes of the transactions one commit makes durable, in apply order, as a {@link RedoLog} payload: per write
 * the map's name, the key and the new value (absent: removed). Replaying them in order onto the state of the last
 * checkpoint gives the state after the commit, whatever the engine did in between.
 */
final class RedoBatch {

    record Write(String map, byte[] key, byte[] value) {
    }

    private final List<Write> writes = new ArrayList<>();

    void add(String map, byte[] key, byte[] value) {
        writes.add(new Write(map, key, value));
    }

    boolean isEmpty() {
        return writes.isEmpty();
    }

    void clear() {
        writes.clear();
    }

    byte[] encode() {
        int estimate = 0;
        for (Write w : writes) {
            estimate += 16 + w.map().length() + w.key().length + (w.value() == null ? 0 : w.value().length);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(estimate);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(writes.size());
            for (Write w : writes) {
                byte[] name = w.map().getBytes(StandardCharsets.UTF_8);
                out.writeShort(name.length);
                out.write(name);
                out.writeInt(w.key().length);
                out.write(w.key());
                if (w.value() == null) {
                    out.writeInt(-1);
                } else {
                    out.writeInt(w.value().length);
                    out.write(w.value());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: cannot happen
        }
        return bytes.toByteArray();
    }

    /** The writes of one payload; a payload passed its checksum, so a malformed one is a bug, not a torn write. */
    static List<Write> decode(byte[] payload) {
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(payload))) {
            int count = in.readInt();
            List<Write> writes = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                byte[] name = new byte[in.readUnsignedShort()];
                in.readFully(name);
                byte[] key = new byte[in.readInt()];
                in.readFully(key);
                int length = in.readInt();
                byte[] value = null;
                if (length >= 0) {
                    value = new byte[length];
                    in.readFully(value);
                }
                writes.add(new Write(new String(name, StandardCharsets.UTF_8), key, value));
            }
            return writes;
        } catch (IOException e) {
            throw new StoreException("malformed redo log record: " + e, e);
        }
    }
}
