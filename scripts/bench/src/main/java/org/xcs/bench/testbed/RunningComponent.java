package org.xcs.bench.testbed;

import java.time.Duration;

/**
 * One of our components attached to a host, as a scenario sees it: the process whose CPU and RSS it reads, and
 * something it stops when done. A full run starts each as its own JVM ({@link ComponentJvm}), as admins run them; a
 * smoke run, whose figures mean nothing, runs them inside the bench's JVM ({@link InProcessComponent}): the same
 * module code on the same XEP-0114 runtime, without a JVM start per component (1-1.5 CPU-seconds each).
 */
public interface RunningComponent extends AutoCloseable {

    /** The process to meter: the component's own JVM, or the bench's JVM for an in-process one. */
    long pid();

    boolean isAlive();

    /** What it printed so far (for failure messages). */
    String output();

    /** Graceful stop (SIGTERM: the component drains and commits), forced once {@code grace} is over. */
    void stop(Duration grace) throws InterruptedException;

    /** Forced stop (SIGKILL for a process); nothing if already stopped. */
    @Override
    void close();
}
