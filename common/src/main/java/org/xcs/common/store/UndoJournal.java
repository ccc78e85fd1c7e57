package org.xcs.common.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The before-images of one MapDB commit to the main file, so that a commit torn by a crash can be undone.
 *
 * <p>Why: MapDB 3.1's {@code StoreWAL} writes its commit into the main file piece by piece (header, index values,
 * free-space stacks, records) after sealing its write-ahead log, and never replays that log when it opens a file
 * (its {@code StoreWAL} init only reads the header; the log holds records by id, not the index values that place
 * them). A process killed in the middle of those writes leaves a file whose header is new and whose free-space
 * stacks are half old: the next write fails with "Broken bit parity" (seen after random kills in FileStoreTest, 1
 * run in 12). So every write of a commit goes through {@link JournaledVolume}: the bytes it will overwrite are
 * saved here and synced first, and the undo file is emptied only once the main file is synced. At open, a non-empty
 * undo file means a commit did not finish: its before-images are written back, newest first, and the file cut to
 * its old length. That is the last checkpoint, and the redo log still holds every commit after it.
 *
 * <p>Format: a header (magic, the main file's length before the commit, CRC-32), then records (offset, length,
 * bytes, CRC-32). A torn record ends the journal: its write to the main file was never issued, since records are
 * synced before any write they cover.
 */
final class UndoJournal implements AutoCloseable {

    private static final long MAGIC = 0x7863735f756e646fL; // "xcs_undo"
    private static final int HEADER = 8 + 8 + 4;

    private final Path file;
    private FileChannel channel;
    private long originalLength = -1;

    UndoJournal(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /** Whether a commit has started writing since the last {@link #end}. */
    boolean begun() {
        return originalLength >= 0;
    }

    long originalLength() {
        return originalLength;
    }

    /** A commit starts: the main file is {@code mainLength} bytes long before it. Synced before returning. */
    void begin(long mainLength) throws IOException {
        if (channel == null) {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.READ);
        }
        channel.truncate(0);
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        header.putLong(MAGIC).putLong(mainLength);
        header.putInt(crc(header.array(), 0, 16));
        header.flip();
        writeFully(channel, header, 0);
        channel.force(false);
        originalLength = mainLength;
    }

    /** Appends the before-images ({@code offsets[i]}, {@code images.get(i)}) and syncs them. */
    void record(List<Long> offsets, List<byte[]> images) throws IOException {
        if (offsets.isEmpty()) {
            return;
        }
        int size = 0;
        for (byte[] image : images) {
            size += 8 + 4 + image.length + 4;
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        for (int i = 0; i < offsets.size(); i++) {
            int start = out.position();
            byte[] image = images.get(i);
            out.putLong(offsets.get(i)).putInt(image.length).put(image);
            out.putInt(crc(out.array(), start, out.position() - start));
        }
        out.flip();
        writeFully(channel, out, channel.size());
        channel.force(false);
    }

    /** The commit's writes are synced in the main file: nothing to undo any more. Synced before returning. */
    void end() throws IOException {
        if (channel != null) {
            channel.truncate(0);
            channel.force(false);
        }
        originalLength = -1;
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining()) {
            position += channel.write(buffer, position);
        }
    }

    /**
     * Before MapDB opens {@code main}: undoes the commit that {@code undo} shows unfinished, if any, and empties it.
     * Returns the number of before-images written back (0 when there was nothing to undo).
     */
    static int rollBack(Path undo, Path main) throws IOException {
        if (!Files.exists(undo)) {
            return 0;
        }
        byte[] bytes = Files.readAllBytes(undo);
        if (bytes.length == 0) {
            return 0; // what every finished commit leaves: nothing to undo, nothing to empty
        }
        int restored = 0;
        if (bytes.length >= HEADER && validHeader(bytes)) {
            long originalLength = ByteBuffer.wrap(bytes, 8, 8).getLong();
            List<long[]> records = new ArrayList<>(); // {offset, position of the image, length}
            int at = HEADER;
            while (at + 12 <= bytes.length) {
                ByteBuffer r = ByteBuffer.wrap(bytes, at, bytes.length - at);
                long offset = r.getLong();
                int length = r.getInt();
                if (length < 0 || at + 12L + length + 4 > bytes.length) {
                    break;
                }
                int crc = ByteBuffer.wrap(bytes, at + 12 + length, 4).getInt();
                if (crc != crc(bytes, at, 12 + length)) {
                    break;
                }
                records.add(new long[] {offset, at + 12, length});
                at += 12 + length + 4;
            }
            if (Files.exists(main)) {
                try (FileChannel ch = FileChannel.open(main, StandardOpenOption.WRITE)) {
                    for (int i = records.size() - 1; i >= 0; i--) { // newest first: the oldest image wins
                        long[] r = records.get(i);
                        writeFully(ch, ByteBuffer.wrap(bytes, (int) r[1], (int) r[2]), r[0]);
                    }
                    if (ch.size() > originalLength) {
                        ch.truncate(originalLength);
                    }
                    ch.force(true);
                }
                restored = records.size();
            }
        }
        // Emptied, not deleted: an empty journal is what a finished commit leaves, and the open goes on from it.
        try (FileChannel ch = FileChannel.open(undo, StandardOpenOption.WRITE)) {
            ch.truncate(0);
            ch.force(false);
        }
        return restored;
    }

    private static boolean validHeader(byte[] bytes) {
        ByteBuffer h = ByteBuffer.wrap(bytes, 0, HEADER);
        return h.getLong() == MAGIC && ByteBuffer.wrap(bytes, 16, 4).getInt() == crc(bytes, 0, 16);
    }

    private static int crc(byte[] bytes, int from, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, from, length);
        return (int) crc.getValue();
    }
}
