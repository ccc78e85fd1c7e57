package org.xcs.common.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStoreTest extends StoreContract {

    @TempDir
    Path dataDir;

    @Override
    protected Store newStore() {
        return FileStore.open(dataDir, "test", 1);
    }

    @Test
    void committedDataSurvivesCloseAndReopenButRolledBackDataDoesNot() {
        StoreMap<String, String> m = store.map("m", Codec.STRING, Codec.STRING);
        store.inTransaction(() -> m.put("committed", "yes"));
        assertThrows(IllegalStateException.class, () -> store.inTransaction(() -> {
            m.put("rolled back", "no");
            throw new IllegalStateException("fail");
        }));
        store.close();
        store = FileStore.open(dataDir, "test", 1);
        StoreMap<String, String> again = store.map("m", Codec.STRING, Codec.STRING);
        assertEquals("yes", again.get("committed"));
        assertNull(again.get("rolled back"));
        assertEquals(1, again.size());
    }

    @Test
    void theFirstOpenCreatesTheDataDirAndRecordsTheSchemaVersion() {
        Path fresh = dataDir.resolve("nested/dir");
        try (FileStore s = FileStore.open(fresh, "muc", 4)) {
            assertEquals(4, s.schemaVersion());
        }
        assertTrue(Files.isRegularFile(fresh.resolve("lock")));
        try (FileStore s = FileStore.open(fresh, "muc", 4)) {
            assertEquals(4, s.schemaVersion());
        }
    }

    @Test
    void aNewerStoredSchemaVersionIsRefusedWithAOneLineMessage() {
        store.close();
        Path dir = dataDir.resolve("v3");
        FileStore.open(dir, "muc", 3).close();
        StoreSchemaException e = assertThrows(StoreSchemaException.class, () -> FileStore.open(dir, "muc", 2));
        assertEquals("data dir " + dir.toAbsolutePath().normalize() + " holds muc schema version 3, newer than"
                + " this build knows (2): run a newer build or use another --data-dir", e.getMessage());
        // the refused open released the lock
        FileStore.open(dir, "muc", 3).close();
    }

    @Test
    void anOlderSchemaVersionWithoutMigrationIsRefused() {
        Path dir = dataDir.resolve("v1");
        FileStore.open(dir, "muc", 1).close();
        StoreSchemaException e = assertThrows(StoreSchemaException.class, () -> FileStore.open(dir, "muc", 2));
        assertFalse(e.getMessage().contains("\n"));
        assertTrue(e.getMessage().contains("schema version 1, this build needs 2 and has no migration"),
                e.getMessage());
    }

    @Test
    void anOlderSchemaVersionIsMigratedOnceThenRecorded() {
        Path dir = dataDir.resolve("migrate");
        try (FileStore v1 = FileStore.open(dir, "muc", 1)) {
            StoreMap<String, String> rooms = v1.map("rooms", Codec.STRING, Codec.STRING);
            v1.inTransaction(() -> rooms.put("lobby", "old format"));
        }
        List<String> calls = new ArrayList<>();
        Migration migration = (s, from, to) -> {
            calls.add(from + "->" + to);
            StoreMap<String, String> rooms = s.map("rooms", Codec.STRING, Codec.STRING);
            s.inTransaction(() -> rooms.put("lobby", "new format"));
        };
        try (FileStore v2 = FileStore.open(dir, "muc", 2, migration)) {
            assertEquals(2, v2.schemaVersion());
            assertEquals("new format", v2.map("rooms", Codec.STRING, Codec.STRING).get("lobby"));
        }
        try (FileStore v2 = FileStore.open(dir, "muc", 2, migration)) {
            assertEquals(2, v2.schemaVersion());
        }
        assertEquals(List.of("1->2"), calls);
    }

    @Test
    void aSecondOpenInTheSameProcessIsRefusedAndTheFirstKeepsItsLock() throws Exception {
        StoreLockedException e = assertThrows(StoreLockedException.class, () -> FileStore.open(dataDir, "test", 1));
        assertTrue(e.getMessage().startsWith("data dir " + dataDir.toAbsolutePath().normalize() + " is locked by"
                + " this process (pid " + ProcessHandle.current().pid() + ")"), e.getMessage());
        // the refused attempt must not have released the OS lock we hold
        Probe probe = runProbe("open", dataDir);
        assertEquals(StoreProbeMain.LOCKED_EXIT, probe.exit, probe.output);
    }

    @Test
    void aSecondProcessIsRefusedNamingTheHoldersPid() throws Exception {
        Probe probe = runProbe("open", dataDir);
        assertEquals(StoreProbeMain.LOCKED_EXIT, probe.exit, probe.output);
        assertEquals("data dir " + dataDir.toRealPath() + " is locked by another process (pid "
                + ProcessHandle.current().pid() + "): stop it or use another --data-dir", probe.output.strip());

        store.close();
        Probe after = runProbe("open", dataDir);
        assertEquals(0, after.exit, after.output);
        assertEquals("opened schema 1", after.output.strip());
        store = FileStore.open(dataDir, "test", 1);
    }

    @Test
    void everyAcknowledgedCommitSurvivesKillDashNine() throws Exception {
        store.close();
        Path dir = dataDir.resolve("killed");
        Process child = java("write", dir);
        int acked = -1;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (acked < 199 && (line = out.readLine()) != null) {
                assertEquals("acked " + (acked + 1), line);
                acked++;
            }
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no close
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        } finally {
            child.destroyForcibly();
        }
        assertEquals(199, acked, "the writer died before 200 acks: " + stderrOf(child));
        assertEquals(137, child.exitValue(), "killed by SIGKILL");

        // The OS released the dead process's lock; the write-ahead log is replayed on open.
        store = FileStore.open(dir, "probe", 1);
        StoreMap<Long, String> m = store.map(StoreProbeMain.MAP, Codec.LONG, Codec.STRING);
        for (long i = 0; i <= acked; i++) {
            assertEquals("value " + i, m.get(i), "acked key " + i);
        }
        assertTrue(m.size() >= acked + 1);
    }

    private record Probe(int exit, String output) {
    }

    private static Probe runProbe(String mode, Path dir) throws Exception {
        Process p = java(mode, dir);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "probe did not finish");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Probe(p.exitValue(), out + stderrOf(p));
    }

    private static Process java(String mode, Path dir) throws IOException {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
                StoreProbeMain.class.getName(), mode, dir.toString())
                .redirectError(ProcessBuilder.Redirect.PIPE)
                .start();
    }

    private static String stderrOf(Process p) {
        try {
            return new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
