package org.xcs.common.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** What Prosody and ejabberd share: temp dir, free ports kept across restarts, start/stop by PID. */
abstract class LoopbackHost implements TestHost {
    private static final int PORT_CLASH_ATTEMPTS = 3;

    private final String kind;
    private final String domain;
    private final List<ComponentDeclaration> components;
    private final Duration startTimeout;
    private Path directory;
    private HostProcess process;
    private int c2sPort;
    private List<Integer> componentListenerPorts = List.of();
    private Map<String, Integer> componentPorts = Map.of();

    LoopbackHost(String kind, String domain, List<ComponentDeclaration> components, Duration startTimeout) {
        this.kind = kind;
        this.domain = domain;
        this.components = List.copyOf(components);
        this.startTimeout = startTimeout;
        long distinct = components.stream().map(ComponentDeclaration::domain).distinct().count();
        if (distinct != components.size()) {
            throw new IllegalArgumentException("a component domain is declared twice: " + components);
        }
    }

    /** Writes the host's config files for the current ports. */
    abstract void writeConfig(Path directory, int c2sPort, List<Integer> componentListenerPorts) throws IOException;

    /** Prepares directories and ownership before each start (the server may run as another user). */
    abstract void prepare(Path directory) throws IOException;

    abstract List<String> foregroundCommand(Path directory);

    /** Asks the server to shut down cleanly; the caller kills by PID whatever is left. */
    abstract void requestStop(Path directory, HostProcess process);

    /** Log fragments meaning a port could not be bound: the start fails at once instead of timing out. */
    abstract List<String> portClashLogFragments();

    /** How many XEP-0114 listeners this host needs for the declared components. */
    abstract int componentListenerCount(List<ComponentDeclaration> components);

    /** Which listener port accepts which declared component. */
    abstract Map<String, Integer> assignComponentPorts(List<ComponentDeclaration> components, List<Integer> listeners);

    @Override
    public String domain() {
        return domain;
    }

    @Override
    public List<ComponentDeclaration> components() {
        return components;
    }

    @Override
    public synchronized void start() {
        if (isRunning()) {
            throw new IllegalStateException(kind + " is already running");
        }
        createDirectoryOnce();
        boolean portsFixed = c2sPort != 0;
        for (int attempt = 1; ; attempt++) {
            if (!portsFixed) {
                pickPorts();
            }
            long begin = System.nanoTime();
            try {
                writeConfig(directory, c2sPort, componentListenerPorts);
                prepare(directory);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the " + kind + " config in " + directory, e);
            }
            process.start(foregroundCommand(directory), directory);
            try {
                process.awaitListening(allPorts(), startTimeout, portClashLogFragments());
                System.out.printf("[harness] %s %s started in %d ms (PID %d, c2s %d, components %s, dir %s)%n",
                        kind, domain, (System.nanoTime() - begin) / 1_000_000, process.pid(), c2sPort,
                        componentPorts, directory);
                return;
            } catch (HostException e) {
                boolean clash = process.newLogLineContaining(portClashLogFragments()) != null;
                process.stop(() -> { }, Duration.ZERO);
                if (clash && !portsFixed && attempt < PORT_CLASH_ATTEMPTS) {
                    // Another process took a port between our pick and the server's bind: pick again.
                    continue;
                }
                System.err.println("[harness] " + e.getMessage());
                throw e;
            }
        }
    }

    @Override
    public synchronized void restart() {
        if (c2sPort == 0) {
            throw new IllegalStateException(kind + " was never started");
        }
        stop();
        start();
    }

    @Override
    public synchronized void stop() {
        if (process != null && process.isAlive()) {
            long begin = System.nanoTime();
            process.stop(() -> requestStop(directory, process), Duration.ofSeconds(15));
            System.out.printf("[harness] %s %s stopped in %d ms%n", kind, domain,
                    (System.nanoTime() - begin) / 1_000_000);
        } else if (process != null) {
            process.stop(() -> { }, Duration.ZERO);
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    @Override
    public int c2sPort() {
        requirePorts();
        return c2sPort;
    }

    @Override
    public int componentPort(String componentDomain) {
        requirePorts();
        Integer port = componentPorts.get(componentDomain);
        if (port == null) {
            throw new IllegalArgumentException(componentDomain + " is not a declared component of " + domain
                    + "; declared: " + componentPorts.keySet());
        }
        return port;
    }

    @Override
    public Path directory() {
        if (directory == null) {
            throw new IllegalStateException(kind + " was never started");
        }
        return directory;
    }

    @Override
    public String logTail(int lines) {
        return process == null ? "(" + kind + " never started)" : process.logTail(lines);
    }

    @Override
    public synchronized List<ProcessHandle> processes() {
        return process == null ? List.of() : process.liveTree();
    }

    @Override
    public synchronized void close() {
        stop();
        if (directory != null && !Boolean.getBoolean("xcs.keepHostDirs")) {
            deleteRecursively(directory);
        }
    }

    List<Integer> componentListenerPorts() {
        requirePorts();
        return componentListenerPorts;
    }

    void requireRunning() {
        if (!isRunning()) {
            throw new IllegalStateException(kind + " is not running: start() it first");
        }
    }

    private void requirePorts() {
        if (c2sPort == 0) {
            throw new IllegalStateException(kind + " ports are known once start() was called");
        }
    }

    private List<Integer> allPorts() {
        List<Integer> ports = new ArrayList<>();
        ports.add(c2sPort);
        if (!components.isEmpty()) {
            // Prosody opens its component port only when at least one Component is declared.
            ports.addAll(componentListenerPorts);
        }
        return ports;
    }

    private void pickPorts() {
        List<Integer> free = FreePorts.pick(1 + componentListenerCount(components));
        c2sPort = free.get(0);
        componentListenerPorts = List.copyOf(free.subList(1, free.size()));
        componentPorts = Collections.unmodifiableMap(
                new LinkedHashMap<>(assignComponentPorts(components, componentListenerPorts)));
    }

    private void createDirectoryOnce() {
        if (directory != null) {
            return;
        }
        try {
            directory = Files.createTempDirectory("xcs-" + kind + "-");
            // The server may run as its own system user: it must be able to traverse the dir.
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temp dir for " + kind, e);
        }
        process = new HostProcess(kind, directory.resolve("logs"));
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            System.err.println("[harness] could not delete " + root + ": " + e);
        }
    }
}
