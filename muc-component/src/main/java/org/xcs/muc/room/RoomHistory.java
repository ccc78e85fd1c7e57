package org.xcs.muc.room;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** The last messages of a room, bounded by {@code muc#roomconfig_historylength} (XEP-0045 §7.2.15). */
public final class RoomHistory {
    private final Deque<HistoryEntry> entries = new ArrayDeque<>();
    private int capacity;

    public RoomHistory(int capacity) {
        this.capacity = Math.max(0, capacity);
    }

    public void add(HistoryEntry entry) {
        if (capacity == 0) {
            return;
        }
        entries.addLast(entry);
        trim();
    }

    public void capacity(int capacity) {
        this.capacity = Math.max(0, capacity);
        trim();
    }

    public int capacity() {
        return capacity;
    }

    /** Oldest first. */
    public List<HistoryEntry> entries() {
        return new ArrayList<>(entries);
    }

    public void clear() {
        entries.clear();
    }

    private void trim() {
        while (entries.size() > capacity) {
            entries.removeFirst();
        }
    }
}
