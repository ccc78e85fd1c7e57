package org.xcs.common.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One of our components running as a real process (as an admin runs it: its Main, its flags), with this test JVM's
 * classpath. Its stdout and stderr go to a log file the test reads; it is stopped by its own PID.
 */
public final class ComponentProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private ComponentProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    public static ComponentProcess start(String mainClass, Path log, List<String> args) {
        return start(mainClass, log, List.of(), args);
    }

    /** As {@link #start(String, Path, List)}, with options for the JVM (e.g. {@code @scripts/component.jvm}). */
    public static ComponentProcess start(String mainClass, Path log, List<String> jvmOptions, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().remove("XCS_SECRET");
        try {
            return new ComponentProcess(builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** What the process printed so far. */
    public String output() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the output contains {@code needle}; false on timeout or when the process ended first. */
    public boolean awaitOutput(String needle, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (output().contains(needle)) {
                return true;
            }
            if (!process.isAlive()) {
                return output().contains(needle);
            }
            Thread.sleep(50);
        }
        return false;
    }

    /** The exit code, or -1 when the process is still running after {@code timeout}. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    /** SIGTERM, as an init system or an admin's {@code kill PID} sends it. */
    public void terminate() {
        process.destroy();
    }

    /** SIGKILL ({@code kill -9}): no drain, no shutdown hook; returns once the process is gone (bounded). */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
