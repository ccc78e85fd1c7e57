package org.xcs.common.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Our write-ahead log in front of the MapDB file: a file of fixed size, written once with zeros when created, then
 * only overwritten in place. A commit appends one record and syncs with {@code fdatasync}
 * ({@code FileChannel.force(false)}): the file's size and blocks never change, so the sync flushes data only and
 * waits for no file-system journal commit, where MapDB's own commit waits for three (log created, main file
 * synced, log truncated). Measured on this machine's ext4: 0.28 ms p50 for a 1.5 KiB overwrite and fdatasync
 * against 0.85 ms p50 for create, sync, sync and truncate of the same bytes, with a build running.
 *
 * <p>Record: {@code int length, int crc32c(seq, payload), long seq, payload}. Records are written from offset 0
 * after each checkpoint ({@link #rewind}); a scan accepts only the consecutive sequence numbers that follow the
 * checkpoint, so the records of earlier rounds still in the file, which all have smaller numbers, end it, and so
 * does a record torn by a crash (its checksum fails).
 */
final class RedoLog implements AutoCloseable {

    static final int HEADER_BYTES = 16;
    private static final int ZERO_CHUNK = 64 * 1024;

    private final FileChannel channel;
    private final long capacity;
    private final Path file;
    private long position; // where the next record goes

    private RedoLog(FileChannel channel, long capacity, Path file) {
        this.channel = channel;
        this.capacity = capacity;
        this.file = file;
    }

    /** Opens {@code file}, creating it (or growing it) to {@code capacity} bytes of zeros, synced once. */
    static RedoLog open(Path file, long capacity) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            long size = channel.size();
            if (size < capacity) {
                ByteBuffer zeros = ByteBuffer.allocate(ZERO_CHUNK);
                for (long at = size; at < capacity; at += ZERO_CHUNK) {
                    zeros.clear().limit((int) Math.min(ZERO_CHUNK, capacity - at));
                    writeFully(channel, zeros, at);
                }
                channel.force(true); // the only sync of the file's size and blocks
                if (size == 0) {
                    syncDirectoryOf(file); // a new file: its name must survive a power loss too
                }
                size = capacity;
            }
            return new RedoLog(channel, size, file);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static void syncDirectoryOf(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException e) {
            // Platforms that cannot open a directory (Windows): the file's own sync stands; kill -9 loses nothing.
        }
    }

    long capacity() {
        return capacity;
    }

    Path file() {
        return file;
    }

    /**
     * The payloads of the records numbered {@code firstSeq}, {@code firstSeq + 1}... up to {@code lastSeq}
     * (inclusive), in order, stopping at the first position that holds anything else. Leaves the append position
     * after the last one returned.
     */
    List<byte[]> scan(long firstSeq, long lastSeq) throws IOException {
        List<byte[]> payloads = new ArrayList<>();
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
        long at = 0;
        for (long seq = firstSeq; seq <= lastSeq; seq++) {
            if (at + HEADER_BYTES > capacity) {
                break;
            }
            header.clear();
            readFully(header, at);
            int length = header.getInt(0);
            int crc = header.getInt(4);
            if (header.getLong(8) != seq || length < 0 || at + HEADER_BYTES + length > capacity) {
                break;
            }
            ByteBuffer payload = ByteBuffer.allocate(length);
            readFully(payload, at + HEADER_BYTES);
            if (checksum(seq, payload.array()) != crc) {
                break; // torn by a crash mid-write
            }
            payloads.add(payload.array());
            at += HEADER_BYTES + length;
        }
        position = at;
        return payloads;
    }

    /** Whether a record of {@code payloadBytes} still fits before the end of the file. */
    boolean fits(int payloadBytes) {
        return position + HEADER_BYTES + (long) payloadBytes <= capacity;
    }

    /**
     * Writes record {@code seq} and syncs it; when this returns, the record survives a crash. On failure the
     * position stays, so the next record overwrites whatever part of this one reached the file.
     */
    void append(long seq, byte[] payload) throws IOException {
        if (!fits(payload.length)) {
            throw new IllegalStateException("record of " + payload.length + " bytes does not fit: check fits()");
        }
        ByteBuffer record = ByteBuffer.allocate(HEADER_BYTES + payload.length);
        record.putInt(payload.length).putInt(checksum(seq, payload)).putLong(seq).put(payload).flip();
        try {
            writeFully(channel, record, position);
            channel.force(false);
        } catch (IOException e) {
            unwrite();
            throw e;
        }
        position += record.capacity();
    }

    /** After a checkpoint made everything durable in the main file: the next record goes to offset 0. */
    void rewind() {
        position = 0;
    }

    /**
     * Best effort after a failed append: zero the header, so that a record whose sync failed (its callers were told
     * it failed) is not replayed after a crash if its bytes reached the disk anyway.
     */
    private void unwrite() {
        try {
            writeFully(channel, ByteBuffer.allocate(HEADER_BYTES), position);
        } catch (IOException | RuntimeException ignored) {
            // The disk is failing: the next open may replay the record; nothing else can be done here.
        }
    }

    private void readFully(ByteBuffer buffer, long at) throws IOException {
        long offset = at;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, offset);
            if (read < 0) {
                throw new IOException("unexpected end of " + file + " at " + offset);
            }
            offset += read;
        }
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer, long at) throws IOException {
        long offset = at;
        while (buffer.hasRemaining()) {
            offset += channel.write(buffer, offset);
        }
    }

    private static int checksum(long seq, byte[] payload) {
        CRC32C crc = new CRC32C();
        crc.update(ByteBuffer.allocate(Long.BYTES).putLong(0, seq));
        crc.update(payload);
        return (int) crc.getValue();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
