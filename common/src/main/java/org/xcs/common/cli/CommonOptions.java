package org.xcs.common.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.xcs.common.component.RuntimeSettings;
import org.xcs.common.logging.Logging;
import org.xmpp.packet.JID;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The options every component takes; add it to a command with {@code @Mixin CommonOptions common;} and run the
 * command through {@link Cli}, which resolves the secret before the command is called.
 */
public final class CommonOptions {

    public static final String SECRET_ENV = "XCS_SECRET";

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "HOST",
            description = "XMPP server to attach to (default: ${DEFAULT-VALUE}).")
    private String host;

    @Option(names = "--port", defaultValue = "5347", paramLabel = "PORT", converter = PortConverter.class,
            description = "The server's component port, XEP-0114 (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--domain", required = true, paramLabel = "DOMAIN", converter = DomainConverter.class,
            description = "This component's domain as configured on the server, e.g. muc.example.test.")
    private String domain;

    @Option(names = "--secret", paramLabel = "SECRET", showDefaultValue = Visibility.NEVER,
            description = "Component secret. Visible to other users in ps: prefer --secret-file or "
                    + SECRET_ENV + ".")
    private String secretOption;

    @Option(names = "--secret-file", paramLabel = "FILE",
            description = "File whose first line is the component secret.")
    private Path secretFile;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Where state is stored (default: ./data/DOMAIN).")
    private Path dataDir;

    @Option(names = "--log-level", defaultValue = "info", paramLabel = "LEVEL", converter = LogLevelConverter.class,
            description = "error, warn, info, debug or trace (default: ${DEFAULT-VALUE}).")
    private String logLevel;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Properties file of option values, keys are option names without dashes"
                    + " (domain=muc.example.test); options on the command line win.")
    private Path config;

    @Option(names = "--wait-for-host", description = "At start-up, keep retrying while the server is down.")
    private boolean waitForHost;

    @Option(names = "--multicast", defaultValue = "auto", paramLabel = "auto|off", converter = MulticastConverter.class,
            description = "auto: send a fan-out (a room's message, an item's notifications) as one stanza through"
                    + " the server's XEP-0033 multicast service (ejabberd's mod_multicast) when service discovery"
                    + " of the parent domain finds one; off: always one stanza per recipient (default: auto).")
    private String multicast;

    @Option(names = "--handshake-timeout", defaultValue = "10", paramLabel = "SECONDS",
            converter = SecondsConverter.class, description = "Give up a handshake after this long (default: 10).")
    private Duration handshakeTimeout;

    @Option(names = "--ping-interval", defaultValue = "5", paramLabel = "SECONDS",
            converter = SecondsConverter.class,
            description = "Ping the server this often to notice a lost connection, XEP-0199 (default: 5).")
    private Duration pingInterval;

    @Option(names = "--ping-timeout", defaultValue = "30", paramLabel = "SECONDS",
            converter = SecondsConverter.class,
            description = "Drop and re-open the connection when a ping gets no answer and nothing else arrives from"
                    + " the server for this long (default: 30).")
    private Duration pingTimeout;

    @Option(names = "--max-stanza-size", defaultValue = "" + RuntimeSettings.DEFAULT_MAX_STANZA_BYTES,
            paramLabel = "BYTES", converter = StanzaSizeConverter.class,
            description = "Largest reply sent to the server in one stanza; a larger one is answered with an error"
                    + " instead, since the server would close the connection (Prosody's component_stanza_size_limit"
                    + " is 512 KiB; default: ${DEFAULT-VALUE}).")
    private int maxStanzaSize;

    private String secret;

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** The domain, normalised by JID stringprep (lower case). */
    public String domain() {
        return domain;
    }

    /** The resolved secret: --secret, else --secret-file, else $XCS_SECRET. Never log it. */
    public String secret() {
        if (secret == null) {
            throw new IllegalStateException("the secret is resolved by Cli before the command runs");
        }
        return secret;
    }

    public Path dataDir() {
        return dataDir != null ? dataDir : Path.of("data", domain);
    }

    /** One of {@link Logging#LEVELS}. */
    public String logLevel() {
        return logLevel;
    }

    public Optional<Path> configFile() {
        return Optional.ofNullable(config);
    }

    public boolean waitForHost() {
        return waitForHost;
    }

    /** Whether to look for the host's XEP-0033 multicast service and send fan-outs through it. */
    public boolean multicast() {
        return "auto".equals(multicast);
    }

    public Duration handshakeTimeout() {
        return handshakeTimeout;
    }

    public Duration pingInterval() {
        return pingInterval;
    }

    public Duration pingTimeout() {
        return pingTimeout;
    }

    public int maxStanzaSize() {
        return maxStanzaSize;
    }

    /**
     * --secret, else the first line of --secret-file, else the environment variable; the first two are also
     * accepted from --config. Throws {@link IllegalArgumentException} with a message for the operator.
     */
    void resolveSecret(Map<String, String> env) {
        if (secretOption != null) {
            secret = requireNonBlank(secretOption, "--secret is empty");
        } else if (secretFile != null) {
            secret = requireNonBlank(firstLine(secretFile), "--secret-file " + secretFile + ": the first line is empty");
        } else if (env.get(SECRET_ENV) != null) {
            secret = requireNonBlank(env.get(SECRET_ENV), "environment variable " + SECRET_ENV + " is empty");
        } else {
            throw new IllegalArgumentException("no component secret: give --secret-file FILE, set " + SECRET_ENV
                    + ", or give --secret SECRET (visible in ps)");
        }
    }

    private static String firstLine(Path file) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = reader.readLine();
            return line == null ? "" : line.trim();
        } catch (IOException e) {
            throw new IllegalArgumentException("--secret-file " + file + ": cannot read it ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private static String requireNonBlank(String value, String message) {
        if (value.isBlank()) {
            throw new IllegalArgumentException(message);
        }
        return value;
    }

    @Override
    public String toString() {
        return "host=" + host + ", port=" + port + ", domain=" + domain + ", secret=" + (secret == null ? "-" : "****")
                + ", data-dir=" + (domain == null ? dataDir : dataDir()) + ", log-level=" + logLevel
                + ", config=" + config + ", wait-for-host=" + waitForHost + ", multicast=" + multicast
                + ", handshake-timeout=" + handshakeTimeout.toSeconds() + "s"
                + ", ping-interval=" + pingInterval.toSeconds() + "s"
                + ", ping-timeout=" + pingTimeout.toSeconds() + "s"
                + ", max-stanza-size=" + maxStanzaSize;
    }

    static final class PortConverter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                int port = Integer.parseInt(value.trim());
                if (port >= 1 && port <= 65535) {
                    return port;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw new TypeConversionException("'" + value + "' is not a port number (1..65535)");
        }
    }

    static final class StanzaSizeConverter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                int bytes = Integer.parseInt(value.trim());
                if (bytes >= RuntimeSettings.MIN_STANZA_BYTES) {
                    return bytes;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw new TypeConversionException("'" + value + "' is not a size in bytes of at least "
                    + RuntimeSettings.MIN_STANZA_BYTES);
        }
    }

    static final class LogLevelConverter implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String level = value.trim().toLowerCase(Locale.ROOT);
            if (!Logging.LEVELS.contains(level)) {
                throw new TypeConversionException("'" + value + "' is not one of error, warn, info, debug, trace");
            }
            return level;
        }
    }

    static final class MulticastConverter implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String mode = value.trim().toLowerCase(Locale.ROOT);
            if (!mode.equals("auto") && !mode.equals("off")) {
                throw new TypeConversionException("'" + value + "' is not one of auto, off");
            }
            return mode;
        }
    }

    static final class SecondsConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                long seconds = Long.parseLong(value.trim());
                if (seconds > 0 && seconds <= 86_400) {
                    return Duration.ofSeconds(seconds);
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw new TypeConversionException("'" + value + "' is not a whole number of seconds (1..86400)");
        }
    }
}
