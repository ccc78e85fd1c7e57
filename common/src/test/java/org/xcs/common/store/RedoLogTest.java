package org.xcs.common.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedoLogTest {

    @TempDir
    Path dir;

    @Test
    void appendedRecordsAreScannedBackInOrderAfterReopen() throws IOException {
        Path file = dir.resolve("t.redo");
        try (RedoLog log = RedoLog.open(file, 4096)) {
            log.append(1, bytes("one"));
            log.append(2, bytes("two"));
        }
        try (RedoLog log = RedoLog.open(file, 4096)) {
            List<byte[]> records = log.scan(1, Long.MAX_VALUE);
            assertEquals(2, records.size());
            assertArrayEquals(bytes("one"), records.get(0));
            assertArrayEquals(bytes("two"), records.get(1));
            assertTrue(log.scan(3, Long.MAX_VALUE).isEmpty(), "nothing follows record 2");
        }
    }

    @Test
    void theFileIsWrittenWithZerosOnceAndNeverChangesSizeSoItsSyncsTouchNoMetadata() throws IOException {
        Path file = dir.resolve("t.redo");
        try (RedoLog log = RedoLog.open(file, 8192)) {
            assertEquals(8192, Files.size(file));
            for (long seq = 1; log.fits(100); seq++) {
                log.append(seq, new byte[100]);
            }
            assertEquals(8192, Files.size(file));
        }
    }

    @Test
    void aRecordTornByACrashEndsTheScan() throws IOException {
        Path file = dir.resolve("t.redo");
        try (RedoLog log = RedoLog.open(file, 4096)) {
            log.append(1, bytes("whole"));
            log.append(2, bytes("torn in the middle"));
            log.append(3, bytes("after the torn one"));
        }
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            long second = RedoLog.HEADER_BYTES + 5;
            raw.seek(second + RedoLog.HEADER_BYTES + 3);
            raw.write('X'); // the crash left part of the old bytes in record 2's payload
        }
        try (RedoLog log = RedoLog.open(file, 4096)) {
            List<byte[]> records = log.scan(1, Long.MAX_VALUE);
            assertEquals(1, records.size());
            assertArrayEquals(bytes("whole"), records.get(0));
        }
    }

    @Test
    void afterARewindTheRecordsOfTheEarlierRoundAreNotReplayed() throws IOException {
        Path file = dir.resolve("t.redo");
        try (RedoLog log = RedoLog.open(file, 4096)) {
            log.append(1, bytes("a"));
            log.append(2, bytes("b"));
            log.append(3, bytes("c"));
            log.rewind(); // a checkpoint covered 1-3
            log.append(4, bytes("d"));
        }
        try (RedoLog log = RedoLog.open(file, 4096)) {
            List<byte[]> afterCheckpoint = log.scan(4, Long.MAX_VALUE);
            assertEquals(1, afterCheckpoint.size());
            assertArrayEquals(bytes("d"), afterCheckpoint.get(0));
            // Records 2 and 3 are still in the file behind record 4: they have smaller numbers and end the scan.
            assertTrue(log.scan(5, Long.MAX_VALUE).isEmpty());
        }
    }

    @Test
    void aScanStopsAtTheLastRecordAskedFor() throws IOException {
        try (RedoLog log = RedoLog.open(dir.resolve("t.redo"), 4096)) {
            log.append(1, bytes("a"));
            log.append(2, bytes("b"));
            log.append(3, bytes("c"));
            assertEquals(2, log.scan(1, 2).size());
            // The append position is after record 2: the next record overwrites record 3.
            log.append(3, bytes("C"));
            List<byte[]> records = log.scan(1, Long.MAX_VALUE);
            assertEquals(3, records.size());
            assertArrayEquals(bytes("C"), records.get(2));
        }
    }

    @Test
    void aRecordThatDoesNotFitIsRefused() throws IOException {
        try (RedoLog log = RedoLog.open(dir.resolve("t.redo"), 256)) {
            assertTrue(log.fits(256 - RedoLog.HEADER_BYTES));
            assertFalse(log.fits(256 - RedoLog.HEADER_BYTES + 1));
            log.append(1, new byte[200]);
            assertFalse(log.fits(100));
            log.rewind();
            assertTrue(log.fits(100));
        }
    }

    @Test
    void aBatchOfPutsAndRemovalsRoundTrips() {
        RedoBatch batch = new RedoBatch();
        batch.add("rooms", bytes("k1"), bytes("v1"));
        batch.add("items", bytes("k2"), null);
        List<RedoBatch.Write> writes = RedoBatch.decode(batch.encode());
        assertEquals(2, writes.size());
        assertEquals("rooms", writes.get(0).map());
        assertArrayEquals(bytes("k1"), writes.get(0).key());
        assertArrayEquals(bytes("v1"), writes.get(0).value());
        assertEquals("items", writes.get(1).map());
        assertEquals(null, writes.get(1).value());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
