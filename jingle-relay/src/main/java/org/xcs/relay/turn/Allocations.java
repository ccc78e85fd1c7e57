package org.xcs.relay.turn;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Allocations by 5-tuple, with the quotas RFC 8656 §7.2 answers 486 for: per user and in total. */
public final class Allocations {

    /** Why an allocation could not be added. */
    public enum Admission {
        ADMITTED,
        USER_QUOTA,
        TOTAL_QUOTA,
        /** Another allocation already holds the 5-tuple (RFC 8656 §7.2: 437). */
        EXISTS
    }

    private final int perUser;
    private final int total;
    private final Map<ClientKey, Allocation> byClient = new HashMap<>();
    private final Map<String, Integer> perUserCount = new HashMap<>();

    public Allocations(int perUser, int total) {
        this.perUser = perUser;
        this.total = total;
    }

    public synchronized Optional<Allocation> get(ClientKey key) {
        return Optional.ofNullable(byClient.get(key));
    }

    /** {@link #get} without the Optional, for the per-packet path. */
    synchronized Allocation find(ClientKey key) {
        return byClient.get(key);
    }

    /** Checks the quotas before a relay socket is opened, so a refused client costs no port. */
    public synchronized Admission admits(ClientKey key, String user) {
        if (byClient.containsKey(key)) {
            return Admission.EXISTS;
        }
        if (byClient.size() >= total) {
            return Admission.TOTAL_QUOTA;
        }
        if (perUserCount.getOrDefault(user, 0) >= perUser) {
            return Admission.USER_QUOTA;
        }
        return Admission.ADMITTED;
    }

    /** Adds unless a quota filled up meanwhile (another listener thread); the caller closes what it opened then. */
    public synchronized Admission add(Allocation allocation) {
        Admission admission = admits(allocation.owner(), allocation.user());
        if (admission == Admission.ADMITTED) {
            byClient.put(allocation.owner(), allocation);
            perUserCount.merge(allocation.user(), 1, Integer::sum);
        }
        return admission;
    }

    public synchronized boolean remove(Allocation allocation) {
        if (!byClient.remove(allocation.owner(), allocation)) {
            return false;
        }
        perUserCount.computeIfPresent(allocation.user(), (u, n) -> n <= 1 ? null : n - 1);
        return true;
    }

    /** Removes and returns the allocations whose lifetime ran out; the caller closes their sockets. */
    public synchronized List<Allocation> removeExpired(Instant now) {
        List<Allocation> gone = new ArrayList<>();
        for (Allocation a : List.copyOf(byClient.values())) {
            if (a.expired(now)) {
                remove(a);
                gone.add(a);
            } else {
                a.purge(now);
            }
        }
        return gone;
    }

    public synchronized List<Allocation> removeAll() {
        List<Allocation> all = List.copyOf(byClient.values());
        byClient.clear();
        perUserCount.clear();
        return all;
    }

    public synchronized int size() {
        return byClient.size();
    }

    public synchronized int countOf(String user) {
        return perUserCount.getOrDefault(user, 0);
    }
}
