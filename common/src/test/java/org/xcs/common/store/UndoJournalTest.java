package org.xcs.common.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UndoJournalTest {

    @TempDir
    Path dir;

    private Path main() {
        return dir.resolve("m.mapdb");
    }

    private Path undoFile() {
        return dir.resolve("m.mapdb.undo");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    @Test
    void anUnfinishedCommitIsUndoneOldestImageLastAndTheFileCutToItsOldLength() throws IOException {
        Files.write(main(), bytes("0123456789"));
        try (UndoJournal undo = new UndoJournal(undoFile())) {
            undo.begin(10);
            undo.record(List.of(2L), List.of(bytes("23"))); // first write of the commit: the original bytes
            undo.record(List.of(2L), List.of(bytes("xx"))); // the same place written again later in the commit
            Files.write(main(), bytes("01yy456789grown")); // the commit's writes, as far as they went
        }
        assertEquals(2, UndoJournal.rollBack(undoFile(), main()));
        assertArrayEquals(bytes("0123456789"), Files.readAllBytes(main()));
        assertEquals(0, Files.size(undoFile()), "emptied: the next open has nothing to undo");
    }

    @Test
    void aTornRecordEndsTheJournalAndTheRecordsBeforeItAreUndone() throws IOException {
        Files.write(main(), bytes("abcdefgh"));
        try (UndoJournal undo = new UndoJournal(undoFile())) {
            undo.begin(8);
            undo.record(List.of(0L), List.of(bytes("ab")));
            undo.record(List.of(4L), List.of(bytes("ef")));
            Files.write(main(), bytes("ABcdefgh")); // the second record's write was never issued
        }
        try (FileChannel ch = FileChannel.open(undoFile(), StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() - 3); // the crash tore the second record
        }
        assertEquals(1, UndoJournal.rollBack(undoFile(), main()));
        assertArrayEquals(bytes("abcdefgh"), Files.readAllBytes(main()));
    }

    @Test
    void aFinishedCommitLeavesNothingToUndo() throws IOException {
        Files.write(main(), bytes("old"));
        try (UndoJournal undo = new UndoJournal(undoFile())) {
            undo.begin(3);
            undo.record(List.of(0L), List.of(bytes("old")));
            Files.write(main(), bytes("new"));
            undo.end();
        }
        assertEquals(0, UndoJournal.rollBack(undoFile(), main()));
        assertArrayEquals(bytes("new"), Files.readAllBytes(main()));
    }

    @Test
    void withoutAnUndoFileTheMainFileIsUntouched() throws IOException {
        Files.write(main(), bytes("data"));
        assertEquals(0, UndoJournal.rollBack(undoFile(), main()));
        assertArrayEquals(bytes("data"), Files.readAllBytes(main()));
        assertFalse(Files.exists(undoFile()));
    }
}
