package org.xcs.common.store;

import java.nio.file.Path;
import java.util.Map;

/**
 * Runs in a child JVM for the tests that need a second process: {@code open DIR} tries to open the store and
 * reports; {@code write DIR [LOG_BYTES]} commits keys n, n+1, n+2... (n: the keys already there) printing "acked i"
 * after each commit has returned, with a redo log of LOG_BYTES (default: the production size); {@code churn DIR}
 * commits key i and removes key i - 10, printing "acked i", with a store that copies its file at open often;
 * {@code write-halt DIR N} writes as {@code write} with a 1 KiB log and halts half-way through MapDB's Nth commit.
 */
public final class StoreProbeMain {

    static final int LOCKED_EXIT = 3;
    static final String MAP = "acked";
    static final int CHURN_KEEP = 10;
    static final String STABLE_MAP = "stable";
    static final int STABLE_ENTRIES = 50;
    static final long CHURN_COMPACT_AFTER = 300;

    public static void main(String[] args) {
        Path dir = Path.of(args[1]);
        switch (args[0]) {
            case "open" -> {
                try (FileStore store = FileStore.open(dir, "probe", 1)) {
                    System.out.println("opened schema " + store.schemaVersion());
                } catch (StoreLockedException e) {
                    System.out.println(e.getMessage());
                    System.exit(LOCKED_EXIT);
                }
            }
            case "write" -> {
                long logBytes = args.length > 2 ? Long.parseLong(args[2]) : FileStore.DEFAULT_LOG_BYTES;
                write(FileStore.open(dir, "probe", 1, null, logBytes));
            }
            case "write-halt" -> {
                // As write with a 1 KiB log, but the JVM halts (a kill) half-way through the writes of the Nth commit
                // MapDB makes to its main file (from the first commits on a new file to later checkpoints).
                int haltAt = Integer.parseInt(args[2]);
                int[] commits = {0};
                JournaledVolume.writeHook = (index, count) -> {
                    if (index == 0) {
                        commits[0]++;
                    }
                    if (commits[0] == haltAt && index == count / 2) {
                        System.out.println("halting after write " + (index + 1) + " of " + count);
                        System.out.flush();
                        Runtime.getRuntime().halt(137);
                    }
                };
                write(FileStore.open(dir, "probe", 1, null, 1024));
            }
            case "churn-halt" -> {
                // As churn, but the JVM halts (no hooks, no close: a kill) at the given step of the first copy.
                String haltAt = args[2];
                MapdbCompaction.stepHook = step -> {
                    if (step.equals(haltAt)) {
                        System.out.println("halting at " + step);
                        System.out.flush();
                        Runtime.getRuntime().halt(137);
                    }
                };
                churn(dir);
            }
            case "churn" -> churn(dir);
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    /** Commits keys n, n+1... printing "acked i" after each; continues after what an earlier (killed) writer left. */
    private static void write(FileStore store) {
        StoreMap<Long, String> acked = store.map(MAP, Codec.LONG, Codec.STRING);
        for (long i = acked.size(); i < 1_000_000; i++) {
            long key = i;
            store.inTransaction(() -> acked.put(key, "value " + key));
            System.out.println("acked " + i);
            System.out.flush();
        }
        store.close();
    }

    /**
     * Like a PubSub node at its max_items: each commit adds key i and removes key i - CHURN_KEEP. A small log and
     * copy threshold make the store copy its file often, at open and at checkpoints; "copied" is printed after
     * each commit whose checkpoint copied it.
     */
    private static void churn(Path dir) {
        System.out.println("starting");
        System.out.flush();
        FileStore store = FileStore.open(dir, "probe", 1, null, 1024, CHURN_COMPACT_AFTER);
        StoreMap<Long, String> kept = store.map(MAP, Codec.LONG, Codec.STRING);
        StoreMap<Long, String> stable = store.map(STABLE_MAP, Codec.LONG, Codec.STRING);
        if (stable.isEmpty()) { // entries no later commit touches: a copy must keep them too
            store.inTransaction(() -> {
                for (long k = 0; k < STABLE_ENTRIES; k++) {
                    stable.put(k, "stable " + k);
                }
            });
        }
        System.out.println("opened" + store.compaction().map(c -> " " + c.describe()).orElse(""));
        System.out.flush();
        Map.Entry<Long, String> last = kept.last();
        long copies = 0;
        for (long i = last == null ? 0 : last.getKey() + 1; i < 1_000_000; i++) {
            long key = i;
            store.inTransaction(() -> {
                kept.put(key, "value " + key);
                kept.remove(key - CHURN_KEEP);
            });
            System.out.println("acked " + i);
            if (store.copiesWhileOpen() > copies) {
                copies = store.copiesWhileOpen();
                System.out.println("copied");
            }
            System.out.flush();
        }
        store.close();
    }
}
