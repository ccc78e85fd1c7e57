package org.xcs.pubsub.pepit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.xcs.common.harness.EjabberdHost;
import org.xcs.common.harness.ProsodyHost;

/**
 * The PEP host configuration exactly as {@code scripts/xcs-pep-config} prints it for admins, applied to the test
 * harness's hosts. The harness owns ports, listeners and secrets; everything else of the snippet goes in as printed:
 * the VirtualHost and Component sections of Prosody's, the acl/access_rules and modules of ejabberd's.
 */
final class PepHostConfig {
    private PepHostConfig() {
    }

    /** The script's output for {@code server} ("prosody" or "ejabberd"). */
    static String print(String server, String hostDomain, String componentDomain) {
        Path script = repositoryRoot().resolve("scripts").resolve("xcs-pep-config");
        try {
            Process process = new ProcessBuilder("bash", script.toString(), "--server", server,
                    "--host-domain", hostDomain, "--domain", componentDomain)
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(script + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + script, e);
        }
    }

    /** A Prosody for {@code hostDomain} with the component declared and the printed PEP config applied. */
    static ProsodyHost.Builder prosody(ProsodyHost.Builder builder, String hostDomain, String componentDomain,
                                       String secret) {
        builder.component(componentDomain, secret);
        String section = "global";
        StringBuilder host = new StringBuilder();
        StringBuilder component = new StringBuilder();
        for (String line : print("prosody", hostDomain, componentDomain).lines().toList()) {
            String trimmed = line.strip();
            if (trimmed.startsWith("VirtualHost ")) {
                section = "host";
            } else if (trimmed.startsWith("Component ")) {
                section = "component";
            } else if (trimmed.startsWith("component_secret")) {
                continue; // the harness writes the secret
            } else if (section.equals("host")) {
                host.append(line).append('\n');
            } else if (section.equals("component")) {
                component.append(line).append('\n');
            }
        }
        if (host.isEmpty() || component.isEmpty()) {
            throw new IllegalStateException("xcs-pep-config printed no VirtualHost or Component section");
        }
        return builder.hostConfig(host.toString()).componentConfig(componentDomain, component.toString());
    }

    /** An ejabberd for {@code hostDomain} with the component declared and the printed PEP config applied. */
    static EjabberdHost.Builder ejabberd(EjabberdHost.Builder builder, String hostDomain, String componentDomain,
                                         String secret) {
        builder.component(componentDomain, secret);
        String key = "";
        List<String> topLevel = new ArrayList<>();
        List<String> modules = new ArrayList<>();
        for (String line : print("ejabberd", hostDomain, componentDomain).lines().toList()) {
            if (!line.isEmpty() && !Character.isWhitespace(line.charAt(0)) && !line.startsWith("#")) {
                key = line.substring(0, line.indexOf(':'));
                if (key.equals("acl") || key.equals("access_rules")) {
                    topLevel.add(line);
                }
                continue;
            }
            if (key.equals("acl") || key.equals("access_rules")) {
                topLevel.add(line);
            } else if (key.equals("modules") && line.startsWith("  ")) {
                modules.add(line.substring(2)); // the harness indents module entries itself
            }
        }
        if (topLevel.isEmpty() || modules.isEmpty()) {
            throw new IllegalStateException("xcs-pep-config printed no access rule or module");
        }
        return builder.topLevelConfig(String.join("\n", topLevel)).moduleConfig(String.join("\n", modules));
    }

    static Path repositoryRoot() {
        Path module = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
        Path root = Files.exists(module.resolve("scripts")) ? module : module.getParent();
        if (!Files.isRegularFile(root.resolve("scripts").resolve("xcs-pep-config"))) {
            throw new IllegalStateException("scripts/xcs-pep-config not found from " + module);
        }
        return root;
    }
}
