package org.xcs.bench.standin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.xcs.common.harness.ComponentProcess;

/** Starts one of our components as its own process (its Main, as an admin runs it) attached to a given port. */
public final class OurComponent {
    public static final String MUC_MAIN = "org.xcs.muc.Main";
    public static final String PUBSUB_MAIN = "org.xcs.pubsub.Main";

    private OurComponent() {
    }

    /** {@code extra}: the component's own options, e.g. {@code --room-creation anyone}. */
    public static ComponentProcess start(String mainClass, int port, String domain, String secret, Path dataDir,
                                         Path log, List<String> extra) throws IOException {
        Files.createDirectories(dataDir);
        Path secretFile = dataDir.resolveSibling(dataDir.getFileName() + ".secret");
        Files.writeString(secretFile, secret + "\n");
        List<String> args = new ArrayList<>(List.of("--host", "127.0.0.1", "--port", Integer.toString(port),
                "--domain", domain, "--secret-file", secretFile.toString(), "--data-dir", dataDir.toString(),
                "--log-level", "warn"));
        args.addAll(extra);
        Files.createDirectories(log.toAbsolutePath().getParent());
        return ComponentProcess.start(mainClass, log, org.xcs.bench.testbed.Testbed.componentJvmOptions(), args);
    }
}
