package org.xcs.muc.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xcs.common.store.FileStore;
import org.xcs.muc.room.Affiliation;
import org.xcs.muc.room.Room;

/** Issue 3: "a kill -9 in the middle of a burst of configuration changes loses none that were acknowledged". */
class RoomStoreKillTest {

    private static final int ACKS_BEFORE_KILL = 100;

    @TempDir
    Path dataDir;

    @Test
    void aKillDashNineInABurstOfConfigurationChangesLosesNoAcknowledgedChange() throws Exception {
        Process child = java(dataDir);
        int acked = -1;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (acked < ACKS_BEFORE_KILL - 1 && (line = out.readLine()) != null) {
                assertEquals("acked " + (acked + 1), line);
                acked++;
            }
            child.destroyForcibly(); // SIGKILL while it keeps writing: no shutdown hook, no close
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        } finally {
            child.destroyForcibly();
        }
        assertEquals(ACKS_BEFORE_KILL - 1, acked, "the writer died early: " + stderrOf(child));
        assertEquals(137, child.exitValue(), "killed by SIGKILL");

        try (FileStore store = FileStore.open(dataDir, "muc", 1)) {
            Collection<Room> loaded = new StoreRoomStore(store).loadAll();
            assertEquals(1, loaded.size());
            Room room = loaded.iterator().next();
            for (int n = 0; n <= acked; n++) {
                assertEquals(Affiliation.MEMBER, room.affiliation(RoomStoreProbeMain.member(n)), "member " + n);
                assertEquals("reason " + n, room.affiliationReason(RoomStoreProbeMain.member(n)).orElseThrow());
            }
            // Later changes than the last ack may have been committed too, never fewer.
            int description = Integer.parseInt(room.config().description.substring("change ".length()));
            assertTrue(description >= acked, "description of change " + description + " after ack " + acked);
            List<String> history = room.history().entries().stream().map(e -> e.message().getBody()).toList();
            assertEquals(RoomStoreProbeMain.HISTORY, history.size());
            int newest = Integer.parseInt(history.get(history.size() - 1).substring("message ".length()));
            assertTrue(newest >= acked, "newest message " + newest + " after ack " + acked);
            List<String> expected = new ArrayList<>();
            for (int n = newest - RoomStoreProbeMain.HISTORY + 1; n <= newest; n++) {
                expected.add("message " + n);
            }
            assertEquals(expected, history, "the last messages, in order, none missing");
        }
    }

    private static Process java(Path dir) throws IOException {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
                RoomStoreProbeMain.class.getName(), dir.toString())
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
