package org.xcs.pubsub.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xcs.common.store.Codec;
import org.xcs.common.store.StoreException;

/**
 * Value encodings of the pubsub maps. Each starts with a format byte so a later layout can be told apart from this
 * one by a migration. Strings are length-prefixed UTF-8 (not {@code writeUTF}, which stops at 64 KiB: payloads are
 * bigger).
 */
final class RecordCodecs {

    private static final byte FORMAT = 1;

    private RecordCodecs() {
    }

    static final Codec<StoredNode> NODE = codec(
            (out, n) -> {
                writeString(out, n.id());
                writeFields(out, n.config());
                writeList(out, n.parents());
                writeString(out, n.creator());
                out.writeLong(n.createdMillis());
            },
            in -> new StoredNode(readString(in), readFields(in), readList(in), readString(in), in.readLong()));

    static final Codec<StoredItem> ITEM = codec(
            (out, i) -> {
                writeString(out, i.id());
                out.writeLong(i.seq());
                writeString(out, i.publisher());
                out.writeLong(i.publishedMillis());
                writeString(out, i.payload());
            },
            in -> new StoredItem(readString(in), in.readLong(), readString(in), in.readLong(), readString(in)));

    static final Codec<StoredSubscription> SUBSCRIPTION = codec(
            (out, s) -> {
                writeString(out, s.node());
                writeString(out, s.jid());
                writeString(out, s.subid());
                writeString(out, s.state());
                writeFields(out, s.options());
            },
            in -> new StoredSubscription(readString(in), readString(in), readString(in), readString(in),
                    readFields(in)));

    /** Per node: item count and the next publish sequence number. */
    record ItemStats(long count, long nextSeq) {
    }

    static final Codec<ItemStats> STATS = codec(
            (out, s) -> {
                out.writeLong(s.count());
                out.writeLong(s.nextSeq());
            },
            in -> new ItemStats(in.readLong(), in.readLong()));

    private interface Writer<T> {
        void write(DataOutputStream out, T value) throws IOException;
    }

    private interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private static <T> Codec<T> codec(Writer<T> writer, Reader<T> reader) {
        return new Codec<>() {
            @Override
            public byte[] encode(T value) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
                try (DataOutputStream out = new DataOutputStream(bytes)) {
                    out.writeByte(FORMAT);
                    writer.write(out, value);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return bytes.toByteArray();
            }

            @Override
            public T decode(byte[] bytes) {
                try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
                    byte format = in.readByte();
                    if (format != FORMAT) {
                        throw new StoreException("unknown pubsub record format " + format);
                    }
                    return reader.read(in);
                } catch (IOException e) {
                    throw new StoreException("corrupt pubsub record: " + e, e);
                }
            }
        };
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        return new String(in.readNBytes(n), StandardCharsets.UTF_8);
    }

    private static void writeList(DataOutputStream out, List<String> list) throws IOException {
        out.writeInt(list.size());
        for (String s : list) {
            writeString(out, s);
        }
    }

    private static List<String> readList(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<String> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(readString(in));
        }
        return list;
    }

    private static void writeFields(DataOutputStream out, Map<String, List<String>> fields) throws IOException {
        out.writeInt(fields.size());
        for (Map.Entry<String, List<String>> e : fields.entrySet()) {
            writeString(out, e.getKey());
            writeList(out, e.getValue());
        }
    }

    private static Map<String, List<String>> readFields(DataInputStream in) throws IOException {
        int n = in.readInt();
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            fields.put(readString(in), readList(in));
        }
        return fields;
    }
}
