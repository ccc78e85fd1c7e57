package org.xcs.common.store;

import java.time.Duration;

/**
 * What {@link FileStore#open} did when it copied the component's MapDB file to give back the space of removed
 * entries ({@link MapdbCompaction}); {@code failure} is null unless the copy failed, and then the old file stayed in
 * use unchanged.
 */
public record StoreCompaction(long bytesBefore, long bytesAfter, long removals, Duration took, String failure) {

    static StoreCompaction failed(long bytesBefore, long removals, Exception e) {
        return new StoreCompaction(bytesBefore, bytesBefore, removals, Duration.ZERO, e.toString());
    }

    public boolean failed() {
        return failure != null;
    }

    /** One line for the component's log. */
    public String describe() {
        return failed()
                ? "copying the data file to give back the space of " + removals + " removed entries failed; it stays"
                        + " as it was (" + bytesBefore / 1024 + " KiB): " + failure
                : "data file copied to give back the space of " + removals + " removed entries: " + bytesBefore / 1024
                        + " KiB -> " + bytesAfter / 1024 + " KiB in " + took.toMillis() + " ms";
    }
}
