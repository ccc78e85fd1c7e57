package org.xcs.bench.testbed;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.xcs.common.harness.ComponentProcess;

/** A component as its own JVM: its Main and flags, as an admin starts it (a full run). Stopped by its own PID. */
public final class ComponentJvm implements RunningComponent {
    private final ComponentProcess process;

    private ComponentJvm(ComponentProcess process) {
        this.process = process;
    }

    public static ComponentJvm start(String mainClass, Path log, List<String> jvmOptions, List<String> args) {
        return new ComponentJvm(ComponentProcess.start(mainClass, log, jvmOptions, args));
    }

    /** Waits until the output contains {@code needle}; false on timeout or when the process ended first. */
    public boolean awaitOutput(String needle, Duration timeout) throws InterruptedException {
        return process.awaitOutput(needle, timeout);
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public String output() {
        return process.output();
    }

    @Override
    public void stop(Duration grace) throws InterruptedException {
        process.terminate();
        if (process.awaitExit(grace) == -1) {
            process.kill();
        }
    }

    @Override
    public void close() {
        process.close();
    }
}
