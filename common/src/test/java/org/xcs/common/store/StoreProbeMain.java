package org.xcs.common.store;

import java.nio.file.Path;

/**
 * Runs in a child JVM for the tests that need a second process: {@code open DIR} tries to open the store and
 * reports; {@code write DIR [LOG_BYTES]} commits keys n, n+1, n+2... (n: the keys already there) printing "acked i"
 * after each commit has returned, with a redo log of LOG_BYTES (default: the production size).
 */
public final class StoreProbeMain {

    static final int LOCKED_EXIT = 3;
    static final String MAP = "acked";

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
            default -> throw new IllegalArgumentException(args[0]);
        }
    }
}
