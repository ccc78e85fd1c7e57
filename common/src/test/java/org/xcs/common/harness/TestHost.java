package org.xcs.common.harness;

import java.nio.file.Path;
import java.util.List;

/**
 * A real XMPP server (Prosody or ejabberd) run privately on 127.0.0.1 for tests: temp dir with its own config,
 * data and logs, ports picked free at run time, stopped by PID. Typical use:
 * <pre>{@code
 * try (TestHost host = ProsodyHost.builder("example.test").component("muc.example.test", "s3cret").build()) {
 *     host.start();
 *     host.addUser("alice", "alice-pw");
 *     component.connect("127.0.0.1", host.componentPort("muc.example.test"), ...);
 * }
 * }</pre>
 */
public interface TestHost extends AutoCloseable {

    /** The XMPP domain of the host's single virtual host, e.g. {@code example.test}. */
    String domain();

    /** The declared XEP-0114 components, in declaration order. */
    List<ComponentDeclaration> components();

    /** Writes the config, starts the server and returns once the c2s and all component ports accept connections. */
    void start();

    /** Stops then starts again on the same ports with the same data, so clients and components can reconnect. */
    void restart();

    /** Stops the server and every process it spawned; a no-op when not running. The temp dir is kept. */
    void stop();

    boolean isRunning();

    /** Creates an account on the running host. */
    void addUser(String user, String password);

    /** Client-to-server port on 127.0.0.1 (plaintext, SASL PLAIN allowed); known once started. */
    int c2sPort();

    /** XEP-0114 port on 127.0.0.1 on which the given declared component is accepted. */
    int componentPort(String componentDomain);

    /** The private directory holding config, data and logs. */
    Path directory();

    /** The config file the host was started with, in {@link #directory()}. */
    Path configFile();

    /** The last lines of each log file of the host, for failure messages. */
    String logTail(int lines);

    /** The live processes of this host: the one we started and its descendants (empty when stopped). */
    List<ProcessHandle> processes();

    /** Stops the host and deletes its directory (kept when {@code -Dxcs.keepHostDirs=true}). */
    @Override
    void close();
}
