package org.xcs.bench.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The figures are read from /proc, as proc(5) defines them: RssAnon is a part of VmRSS. */
class ProcessTreeTest {
    private final ProcessTree self = new ProcessTree("test", ProcessHandle.current().pid());

    @Test
    void anonymousResidentMemoryIsAPartOfTheResidentSet() {
        long anon = self.rssAnonBytes();
        long rss = self.rssBytes();
        assertTrue(anon > 0, "a JVM has a heap: " + anon);
        assertTrue(anon <= rss, anon + " <= " + rss);
    }

    @Test
    void touchingNewMemoryGrowsTheAnonymousPart() {
        long before = self.rssAnonBytes();
        // Native and above glibc's largest mmap threshold (32 MiB): fresh pages, zeroed (touched) on allocation,
        // where a heap array could land on heap pages an earlier test already made resident.
        java.nio.ByteBuffer block = java.nio.ByteBuffer.allocateDirect(64 * 1024 * 1024);
        long grown = self.rssAnonBytes() - before;
        assertTrue(grown >= 32L * 1024 * 1024, "grew by " + grown + " bytes");
        assertEquals(0, block.get(block.capacity() - 1));
    }

    @Test
    void aProcessThatIsGoneCountsAsZero() {
        ProcessTree gone = new ProcessTree("gone", Long.MAX_VALUE / 2);
        assertEquals(0, gone.rssBytes());
        assertEquals(0, gone.rssAnonBytes());
    }
}
