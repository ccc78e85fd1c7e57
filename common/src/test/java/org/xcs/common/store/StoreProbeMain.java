package org.xcs.common.store;

import java.nio.file.Path;
import java.util.Map;

/**
 * Runs in a child JVM for the tests that need a second process: {@code open DIR} tries to open the store and
 * reports; {@code write DIR [LOG_BYTES]} commits keys n, n+1, n+2... (n: the keys already there) printing "acked i"
 * after each commit has returned, with a redo log of LOG_BYTES (default: the production size); {@code churn DIR}
 * commits key i and removes key i - 10, printing "acked i", with a store that copies its file at open often.
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
                FileStore store = FileStore.open(dir, "probe", 1, null, logBytes);
                StoreMap<Long, String> acked = store.map(MAP, Codec.LONG, Codec.STRING);
                // Continues after what an earlier (killed) writer left, so that kill tests can repeat on one dir.
                for (long i = acked.size(); i < 1_000_000; i++) {
                    long key = i;
                    store.inTransaction(() -> acked.put(key, "value " + key));
                    System.out.println("acked " + i);
                    System.out.flush();
                }
                store.close();
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
