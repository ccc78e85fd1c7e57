package org.xcs.bench.proc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A server under test as the kernel sees it: a root PID and its descendants (ejabberd's beam.smp runs under a shell,
 * Prosody is one process). CPU is user+system time from /proc/PID/stat (fields 14 and 15, clock ticks, proc(5));
 * RSS is VmRSS from /proc/PID/status, and its anonymous part RssAnon (memory of the process's own; the rest is file
 * pages of its executable and libraries, shared and reclaimable, and shared memory). A process that ended between
 * listing and reading counts as zero.
 */
public final class ProcessTree {
    /** USER_HZ: 100 on every Linux ABI we run on (sysconf(_SC_CLK_TCK) is not reachable from Java). */
    static final double TICKS_PER_SECOND = 100.0;

    private final long rootPid;
    private final String name;

    public ProcessTree(String name, long rootPid) {
        this.name = name;
        this.rootPid = rootPid;
    }

    public String name() {
        return name;
    }

    public long rootPid() {
        return rootPid;
    }

    /** CPU seconds (user + system) consumed so far by the root and its living descendants. */
    public double cpuSeconds() {
        long ticks = 0;
        for (long pid : pids()) {
            ticks += ticks(pid);
        }
        return ticks / TICKS_PER_SECOND;
    }

    /** Resident set size in bytes, summed over the tree. */
    public long rssBytes() {
        return statusBytes("VmRSS:");
    }

    /** The anonymous part of {@link #rssBytes()} (RssAnon): heap, stacks, malloc arenas; no file pages. */
    public long rssAnonBytes() {
        return statusBytes("RssAnon:");
    }

    private long statusBytes(String field) {
        long kib = 0;
        for (long pid : pids()) {
            kib += statusKib(pid, field);
        }
        return kib * 1024;
    }

    List<Long> pids() {
        List<Long> pids = new ArrayList<>();
        pids.add(rootPid);
        ProcessHandle.of(rootPid).ifPresent(h -> h.descendants().forEach(d -> pids.add(d.pid())));
        return pids;
    }

    static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
            String[] rest = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            // rest[0] is field 3 (state): utime is field 14 -> rest[11], stime field 15 -> rest[12].
            return Long.parseLong(rest[11]) + Long.parseLong(rest[12]);
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    static long statusKib(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
        return 0;
    }
}
