package org.xcs.common.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Finds the host servers' programs; a missing one is an error that says how to install it. */
public final class HostExecutables {
    static final String INSTALL_HINT = "run `bash scripts/install-hosts.sh` (installs prosody, prosody-modules and "
            + "ejabberd from the distribution's packages), or pass -DskipHostTests to skip the real-host tests";

    private HostExecutables() {
    }

    public static Path prosody() {
        return find("prosody", "Prosody 0.12");
    }

    public static Path prosodyctl() {
        return find("prosodyctl", "Prosody 0.12");
    }

    public static Path ejabberdctl() {
        return find("ejabberdctl", "ejabberd 23.01");
    }

    static Path find(String program, String product) {
        List<String> dirs = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            dirs.addAll(List.of(path.split(":")));
        }
        // A non-login PATH often lacks the sbin dirs where Debian puts ejabberdctl.
        dirs.addAll(List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"));
        for (String dir : dirs) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new HostException(product + " is not installed (no `" + program + "` on PATH or in the sbin dirs): "
                + INSTALL_HINT);
    }
}
