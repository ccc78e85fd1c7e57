package org.xcs.bench.standin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.xcs.bench.testbed.ComponentJvm;
import org.xcs.bench.testbed.InProcessComponent;
import org.xcs.bench.testbed.RunningComponent;
import org.xcs.bench.testbed.Testbed;

/**
 * Starts one of our components attached to a given port: its own process (its Main, as an admin runs it), or in a
 * smoke run inside the bench's JVM ({@link InProcessComponent}: same module and runtime, no JVM start).
 */
public final class OurComponent {
    public static final String MUC_MAIN = InProcessComponent.MUC_MAIN;
    public static final String PUBSUB_MAIN = InProcessComponent.PUBSUB_MAIN;

    private OurComponent() {
    }

    /**
     * {@code extra}: the component's own options, e.g. {@code --room-creation anyone}. In-process, this returns
     * once attached; a process attaches in the background (await its link on the stand-in host).
     */
    public static RunningComponent start(String mainClass, int port, String domain, String secret, Path dataDir,
                                         Path log, List<String> extra, boolean inProcess) throws IOException {
        Files.createDirectories(dataDir);
        Path secretFile = dataDir.resolveSibling(dataDir.getFileName() + ".secret");
        Files.writeString(secretFile, secret + "\n");
        List<String> args = new ArrayList<>(List.of("--host", "127.0.0.1", "--port", Integer.toString(port),
                "--domain", domain, "--secret-file", secretFile.toString(), "--data-dir", dataDir.toString(),
                "--log-level", "warn"));
        args.addAll(extra);
        if (inProcess) {
            return InProcessComponent.start(mainClass, args);
        }
        Files.createDirectories(log.toAbsolutePath().getParent());
        return ComponentJvm.start(mainClass, log, Testbed.componentJvmOptions(), args);
    }
}
