package org.xcs.common.harness;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the client-facing contracts of every component share: one real host per class with the users the tests log
 * in as, our component as a real process attached to it (started again before a test when an earlier one stopped or
 * killed it), both stopped after the class. Each start logs to its own {@code component-N.log} in the class's
 * folder; the data dir survives the restarts, which is what the restart tests check.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class HostedComponentContract {
    protected static final Duration ATTACH_TIMEOUT = Duration.ofSeconds(30);

    protected TestHost host;
    protected Path work;
    protected Path data;
    protected ComponentProcess component;
    private final String componentDomain;
    private final String secret;
    private final String mainClass;
    private final List<String> users;
    private int starts;

    /**
     * {@code mainClass} runs in a JVM of its own as {@code componentDomain}; {@code users} are created on the host,
     * each with its name followed by {@code -pw} as password.
     */
    protected HostedComponentContract(String componentDomain, String secret, Class<?> mainClass, List<String> users) {
        this.componentDomain = componentDomain;
        this.secret = secret;
        this.mainClass = mainClass.getName();
        this.users = List.copyOf(users);
    }

    /** Skips the class when the host is not installed. */
    protected abstract void requireInstalled();

    /** The host, configured for the component, not started yet. */
    protected abstract TestHost createHost();

    /** What the component logs once it serves: attached, by default. */
    protected String readyLine() {
        return ": connected to ";
    }

    /** Options after the connection and data dir options. */
    protected List<String> extraArgs() {
        return List.of();
    }

    @BeforeAll
    void startHost(@TempDir Path classDir) throws Exception {
        requireInstalled();
        work = classDir;
        data = work.resolve("data");
        Files.writeString(work.resolve("secret"), secret + "\n");
        host = createHost();
        host.start();
        for (String user : users) {
            host.addUser(user, user + "-pw");
        }
    }

    @BeforeEach
    void componentRunning() throws Exception {
        if (component == null || !component.isAlive()) {
            component = startComponent();
        }
    }

    @AfterAll
    void stopAll() {
        if (component != null) {
            component.close();
        }
        if (host != null) {
            host.close();
        }
    }

    /** Starts the component against the host and waits until it logged {@link #readyLine}. */
    protected ComponentProcess startComponent() throws Exception {
        Path log = work.resolve("component-" + (++starts) + ".log");
        List<String> args = new ArrayList<>(List.of(
                "--host", "127.0.0.1", "--port", String.valueOf(host.componentPort(componentDomain)),
                "--domain", componentDomain, "--secret-file", work.resolve("secret").toString(),
                "--data-dir", data.toString(), "--ping-interval", "2"));
        args.addAll(extraArgs());
        ComponentProcess process = ComponentProcess.start(mainClass, log, args);
        assertTrue(process.awaitOutput(readyLine(), ATTACH_TIMEOUT), () -> "never logged '" + readyLine() + "':\n"
                + process.output());
        return process;
    }
}
