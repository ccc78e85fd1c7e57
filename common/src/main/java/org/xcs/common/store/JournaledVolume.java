package org.xcs.common.store;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mapdb.DBException;
import org.mapdb.DataInput2;
import org.mapdb.volume.FileChannelVol;
import org.mapdb.volume.Volume;
import org.mapdb.volume.VolumeFactory;

/**
 * MapDB's main file, with every commit made undoable ({@link UndoJournal} says why). MapDB writes its main file only
 * while it commits, and ends each commit with {@link #sync}. The writes are held here until then (or until a read
 * needs them, or {@link #MAX_HELD_BYTES} of them are held), so a commit costs two more syncs, not one per write:
 * the before-images of everything the commit overwrites go to the undo file and are synced, then the writes go to
 * the main file, which MapDB syncs, and then the undo file is emptied and synced. Reads see the held writes, so
 * MapDB sees its file as it wrote it.
 */
final class JournaledVolume extends Volume {

    private record Write(long offset, byte[] bytes) {
    }

    /**
     * Test seam: called after each write a commit makes to the main file, with its index and the commit's count
     * (FileStoreTest halts a child JVM there). Null in production.
     */
    static volatile WriteHook writeHook;

    @FunctionalInterface
    interface WriteHook {
        void afterWrite(int index, int count);
    }

    /** Writes held in memory at most: a larger commit is journaled and written in parts. */
    static final long MAX_HELD_BYTES = 8L << 20;

    private final Volume file;
    private final UndoJournal undo;
    private final List<Write> held = new ArrayList<>();
    private long heldExtent = -1;
    private long heldBytes;
    private volatile boolean dirty;

    JournaledVolume(Volume file, UndoJournal undo) {
        this.file = file;
        this.undo = undo;
    }

    /** MapDB's file channel volumes, with {@code main} journaled through {@code undo}; its log files are not. */
    static VolumeFactory factory(Path main, UndoJournal undo) {
        String mainName = main.toString();
        return new VolumeFactory() {
            @Override
            public Volume makeVolume(String name, boolean readOnly, long fileLockWait, int sliceShift, long initSize,
                                     boolean fixedSize) {
                Volume v = FileChannelVol.FACTORY.makeVolume(name, readOnly, fileLockWait, sliceShift, initSize,
                        fixedSize);
                return mainName.equals(name) && !readOnly ? new JournaledVolume(v, undo) : v;
            }

            @Override
            public boolean exists(String name) {
                return FileChannelVol.FACTORY.exists(name);
            }

            @Override
            public boolean handlesReadonly() {
                return FileChannelVol.FACTORY.handlesReadonly();
            }
        };
    }

    // ---- writes: held until the commit's sync

    private synchronized void hold(long offset, byte[] bytes) {
        held.add(new Write(offset, bytes));
        heldBytes += bytes.length;
        dirty = true;
        if (heldBytes > MAX_HELD_BYTES) {
            flush(); // a commit of a huge transaction: journaled in parts, each part synced before its writes
        }
    }

    @Override
    public synchronized void ensureAvailable(long offset) {
        heldExtent = Math.max(heldExtent, offset);
        dirty = true;
    }

    @Override
    public void putLong(long offset, long value) {
        hold(offset, ByteBuffer.allocate(8).putLong(value).array()); // big-endian, as FileChannelVol writes it
    }

    @Override
    public void putInt(long offset, int value) {
        hold(offset, ByteBuffer.allocate(4).putInt(value).array());
    }

    @Override
    public void putByte(long offset, byte value) {
        hold(offset, new byte[] {value});
    }

    @Override
    public void putData(long offset, byte[] src, int srcPos, int srcSize) {
        byte[] copy = new byte[srcSize];
        System.arraycopy(src, srcPos, copy, 0, srcSize);
        hold(offset, copy);
    }

    @Override
    public void putData(long offset, ByteBuffer buf) {
        byte[] copy = new byte[buf.remaining()];
        buf.duplicate().get(copy);
        hold(offset, copy);
    }

    @Override
    public void clear(long startOffset, long endOffset) {
        for (long at = startOffset; at < endOffset; at += 1 << 20) {
            hold(at, new byte[(int) Math.min(1 << 20, endOffset - at)]);
        }
    }

    @Override
    public synchronized void truncate(long size) {
        flush();
        long length = file.length();
        try {
            if (size < length) {
                begin();
                if (size < undo.originalLength()) {
                    long upTo = Math.min(length, undo.originalLength());
                    byte[] image = new byte[(int) (upTo - size)];
                    file.getData(size, image, 0, image.length);
                    undo.record(List.of(size), List.of(image));
                }
            }
        } catch (IOException e) {
            throw new DBException.VolumeIOError(e);
        }
        file.truncate(size);
    }

    /** The commit is in the main file: sync it, then nothing is left to undo. */
    @Override
    public synchronized void sync() {
        flush();
        file.sync();
        if (undo.begun()) {
            try {
                undo.end();
            } catch (IOException e) {
                throw new DBException.VolumeIOError(e);
            }
        }
    }

    /** Before-images of the held writes to the undo file, synced; then the writes to the main file. */
    private synchronized void flush() {
        if (!dirty) {
            return;
        }
        try {
            begin();
            long imaged = Math.min(undo.originalLength(), file.length()); // beyond it, the undo cuts the file
            List<Long> offsets = new ArrayList<>();
            List<byte[]> images = new ArrayList<>();
            for (Write w : held) {
                long end = Math.min(w.offset + w.bytes.length, imaged);
                if (end > w.offset) {
                    byte[] image = new byte[(int) (end - w.offset)];
                    file.getData(w.offset, image, 0, image.length);
                    offsets.add(w.offset);
                    images.add(image);
                }
            }
            undo.record(offsets, images);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write undo journal " + undo.file() + ": " + e, e);
        }
        if (heldExtent >= 0) {
            file.ensureAvailable(heldExtent);
        }
        WriteHook hook = writeHook;
        for (int i = 0; i < held.size(); i++) {
            Write w = held.get(i);
            file.putData(w.offset, w.bytes, 0, w.bytes.length);
            if (hook != null) {
                hook.afterWrite(i, held.size());
            }
        }
        held.clear();
        heldBytes = 0;
        heldExtent = -1;
        dirty = false;
    }

    private void begin() throws IOException {
        if (!undo.begun()) {
            undo.begin(file.length());
        }
    }

    private void flushIfDirty() {
        if (dirty) {
            flush();
        }
    }

    // ---- reads: after the held writes

    @Override
    public long getLong(long offset) {
        flushIfDirty();
        return file.getLong(offset);
    }

    @Override
    public int getInt(long offset) {
        flushIfDirty();
        return file.getInt(offset);
    }

    @Override
    public byte getByte(long offset) {
        flushIfDirty();
        return file.getByte(offset);
    }

    @Override
    public DataInput2 getDataInput(long offset, int size) {
        flushIfDirty();
        return file.getDataInput(offset, size);
    }

    @Override
    public void getData(long offset, byte[] bytes, int bytesPos, int size) {
        flushIfDirty();
        file.getData(offset, bytes, bytesPos, size);
    }

    @Override
    public long length() {
        flushIfDirty();
        return file.length();
    }

    // ---- the rest as the file's

    /**
     * Writes held from a commit that never synced still go to the file, as MapDB's own volume would have written
     * them; the undo file, not emptied, then undoes that commit at the next open.
     */
    @Override
    public synchronized void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                flush();
            } finally {
                file.close();
                try {
                    undo.close();
                } catch (IOException e) {
                    // A channel we synced after each use: nothing of ours is lost.
                }
            }
        }
    }

    @Override
    public int sliceSize() {
        return file.sliceSize();
    }

    @Override
    public boolean isSliced() {
        return file.isSliced();
    }

    @Override
    public boolean isReadOnly() {
        return false;
    }

    @Override
    public File getFile() {
        return file.getFile();
    }

    @Override
    public boolean getFileLocked() {
        return file.getFileLocked();
    }
}
