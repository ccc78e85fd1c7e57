package org.xcs.common.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One process per data dir: an OS lock on {@code <dataDir>/lock}, holding the owner's PID for the error message.
 * The OS drops the lock when the process dies (also on kill -9), so a stale file never blocks a restart.
 */
final class DataDirLock implements AutoCloseable {

    // POSIX record locks belong to the whole process, and closing ANY channel on the file releases them: a second
    // open attempt from this JVM must not even open the file. Which files this process holds is process-wide state.
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    static DataDirLock acquire(Path dataDir) {
        long self = ProcessHandle.current().pid();
        Path file;
        try {
            file = dataDir.toRealPath().resolve("lock");
        } catch (IOException e) {
            throw new StoreException("cannot use data dir " + dataDir + ": " + e.getMessage(), e);
        }
        if (!HELD.add(file)) {
            throw new StoreLockedException(lockedMessage(dataDir, "this process (pid " + self + ")"));
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                String owner = readPid(channel);
                throw new StoreLockedException(lockedMessage(dataDir, "another process (pid " + owner + ")"));
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((self + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            channel.force(true);
            return new DataDirLock(file, channel, lock);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            HELD.remove(file);
            if (e instanceof StoreException se) {
                throw se;
            }
            throw new StoreException("cannot lock data dir " + dataDir + ": " + e, e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel below releases it too
        } finally {
            closeQuietly(channel);
            HELD.remove(file);
        }
    }

    private static String lockedMessage(Path dataDir, String owner) {
        return "data dir " + dataDir.toAbsolutePath().normalize() + " is locked by " + owner
                + ": stop it or use another --data-dir";
    }

    private static String readPid(FileChannel channel) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(32);
        channel.read(buf, 0);
        String pid = new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII).trim();
        return pid.matches("\\d+") ? pid : "unknown";
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }
}
