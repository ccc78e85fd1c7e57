package org.xcs.common.harness;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One host server run as a foreground child process: its output goes to a log file, readiness is "every port
 * accepts a TCP connection", and stopping ends exactly the process we started and the processes it spawned.
 */
final class HostProcess {
    private static final File NO_INPUT = new File("/dev/null");
    private static final Duration POLL = Duration.ofMillis(100);

    private final String name;
    private final Path logDir;
    private final Map<Path, Long> logMarks = new HashMap<>();
    private Process process;
    private Thread shutdownHook;

    HostProcess(String name, Path logDir) {
        this.name = name;
        this.logDir = logDir;
    }

    void start(List<String> command, Path workDir) {
        if (isAlive()) {
            throw new IllegalStateException(name + " is already running with PID " + process.pid());
        }
        try {
            Files.createDirectories(logDir);
            markLogs();
            process = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectInput(NO_INPUT)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logDir.resolve("process.out").toFile()))
                    .start();
        } catch (IOException e) {
            throw new HostException("cannot start " + name + ": " + String.join(" ", command), e);
        }
        // A test JVM that dies without close() must not leave a server behind.
        Process started = process;
        shutdownHook = new Thread(() -> killTree(treeOf(started.toHandle())), name + "-harness-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    long pid() {
        if (process == null) {
            throw new IllegalStateException(name + " is not started");
        }
        return process.pid();
    }

    ProcessHandle handle() {
        if (process == null) {
            throw new IllegalStateException(name + " is not started");
        }
        return process.toHandle();
    }

    List<ProcessHandle> liveTree() {
        return process == null ? List.of() : treeOf(process.toHandle()).stream().filter(ProcessHandle::isAlive).toList();
    }

    /** Waits until every port accepts a connection; fails fast when the process exits or logs a fatal line. */
    void awaitListening(List<Integer> ports, Duration timeout, List<String> fatalLogFragments) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new HostException(name + " exited with code " + process.exitValue()
                        + " before listening on 127.0.0.1:" + ports + "\n" + logTail(40));
            }
            String fatal = newLogLineContaining(fatalLogFragments);
            if (fatal != null) {
                throw new HostException(name + " could not open its ports " + ports + ": " + fatal + "\n"
                        + logTail(40));
            }
            if (ports.stream().allMatch(HostProcess::accepts)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new HostException(name + " (PID " + process.pid() + ") did not listen on 127.0.0.1:" + ports
                        + " within " + timeout.toSeconds() + " s\n" + logTail(40));
            }
            sleep(POLL);
        }
    }

    /**
     * Stops the process tree: first {@code gracefulStop}, then SIGTERM, then SIGKILL for whatever of the tree we
     * started is still alive. The tree is captured before stopping: once the root exits, its children are
     * re-parented and no longer show up as its descendants.
     */
    void stop(Runnable gracefulStop, Duration grace) {
        if (process == null) {
            return;
        }
        List<ProcessHandle> tree = treeOf(process.toHandle());
        RuntimeException gracefulFailure = null;
        if (process.isAlive()) {
            try {
                gracefulStop.run();
            } catch (RuntimeException e) {
                gracefulFailure = e;
            }
        }
        if (!awaitDead(tree, grace)) {
            tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroy);
            if (!awaitDead(tree, Duration.ofSeconds(5))) {
                killTree(tree);
            }
        }
        if (!awaitDead(tree, Duration.ofSeconds(5))) {
            throw new HostException(name + " processes survived SIGKILL: "
                    + tree.stream().filter(ProcessHandle::isAlive).map(p -> String.valueOf(p.pid()))
                    .collect(Collectors.joining(", ")));
        }
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        removeShutdownHook();
        process = null;
        if (gracefulFailure != null) {
            System.err.println("[harness] clean stop of " + name + " failed, killed by PID instead: "
                    + gracefulFailure.getMessage());
        }
    }

    String logTail(int lines) {
        StringBuilder out = new StringBuilder();
        try (Stream<Path> files = Files.list(logDir)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                List<String> all = readLines(file);
                out.append("==> ").append(file).append(" (last ").append(Math.min(lines, all.size()))
                        .append(" lines) <==\n");
                all.subList(Math.max(0, all.size() - lines), all.size())
                        .forEach(line -> out.append(line).append('\n'));
            }
        } catch (IOException e) {
            out.append("(cannot read logs in ").append(logDir).append(": ").append(e).append(")\n");
        }
        return out.toString();
    }

    /** The first line logged since the last start that contains one of the fragments, or null. */
    String newLogLineContaining(List<String> fragments) {
        if (fragments.isEmpty()) {
            return null;
        }
        try (Stream<Path> files = Files.list(logDir)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                for (String line : readLines(file, logMarks.getOrDefault(file, 0L))) {
                    for (String fragment : fragments) {
                        if (line.contains(fragment)) {
                            return line;
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return null;
    }

    /** Runs a host's control command (prosodyctl, ejabberdctl) to completion; non-zero exit is an error. */
    static String run(List<String> command, Path workDir, Duration timeout) {
        Process control;
        try {
            control = new ProcessBuilder(command).directory(workDir.toFile()).redirectInput(NO_INPUT)
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new HostException("cannot run " + String.join(" ", command), e);
        }
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(control.getInputStream()));
        try {
            if (!control.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                killTree(treeOf(control.toHandle()));
                throw new HostException("timed out after " + timeout.toSeconds() + " s: " + String.join(" ", command));
            }
            String text = output.get(5, TimeUnit.SECONDS);
            if (control.exitValue() != 0) {
                throw new HostException("exit code " + control.exitValue() + " from " + String.join(" ", command)
                        + "\n" + text);
            }
            return text;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            killTree(treeOf(control.toHandle()));
            throw new HostException("interrupted while running " + String.join(" ", command), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new HostException("cannot read the output of " + String.join(" ", command), e);
        }
    }

    // Logs are appended across restarts: only what a run wrote after its start may fail that run.
    private void markLogs() throws IOException {
        logMarks.clear();
        try (Stream<Path> files = Files.list(logDir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                logMarks.put(file, Files.size(file));
            }
        }
    }

    private void removeShutdownHook() {
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running or about to: it kills the same, already dead, processes
            }
            shutdownHook = null;
        }
    }

    private static List<ProcessHandle> treeOf(ProcessHandle root) {
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(root);
        root.descendants().forEach(tree::add);
        return tree;
    }

    private static void killTree(List<ProcessHandle> tree) {
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static boolean awaitDead(List<ProcessHandle> tree, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (tree.stream().anyMatch(ProcessHandle::isAlive)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            sleep(POLL);
        }
        return true;
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static List<String> readLines(Path file) throws IOException {
        return readLines(file, 0);
    }

    private static List<String> readLines(Path file, long from) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int start = (int) Math.min(from, bytes.length);
        String text = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }

    private static String readAll(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HostException("interrupted while waiting for a host process", e);
        }
    }
}
