package org.xcs.common.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Handler;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Applies the start-up logging settings to the process-wide Logback context configured by {@code logback.xml}.
 * Static because the logging backend is itself process-wide; it holds no state of its own.
 */
public final class Logging {

    public static final Set<String> LEVELS = Set.of("error", "warn", "info", "debug", "trace");

    static final String DOMAIN_PROPERTY = "xcs.domain";
    static final String SECRETS_KEY = "xcs.secrets";

    /** Secrets shorter than this are not masked: masking them would garble ordinary words in every line. */
    /** Shorter secrets are not masked: masking "s" would mangle every message, and such a secret hides nothing. */
    public static final int MIN_MASKED_LENGTH = 4;

    private Logging() {
    }

    /**
     * Puts {@code domain} into every line, sets the root level ({@code error|warn|info|debug|trace}) and routes
     * java.util.logging through SLF4J (its own console handler removed, so nothing prints twice).
     */
    public static void configure(String domain, String level) {
        String normalized = level == null ? "" : level.toLowerCase(Locale.ROOT);
        if (!LEVELS.contains(normalized)) {
            throw new IllegalArgumentException("log level must be one of error, warn, info, debug, trace: " + level);
        }
        LoggerContext context = context();
        context.putProperty(DOMAIN_PROPERTY, domain);
        context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.toLevel(normalized));
        bridgeJul();
    }

    /** Masks {@code secret} as {@code ****} in every later log line and stack trace (a safety net, not a licence). */
    public static void hideSecret(String secret) {
        if (secret != null && secret.length() >= MIN_MASKED_LENGTH) {
            secrets(context()).add(secret);
        }
    }

    static Set<String> secrets(LoggerContext context) {
        synchronized (context) {
            @SuppressWarnings("unchecked")
            Set<String> set = (Set<String>) context.getObject(SECRETS_KEY);
            if (set == null) {
                set = ConcurrentHashMap.newKeySet();
                context.putObject(SECRETS_KEY, set);
            }
            return set;
        }
    }

    private static void bridgeJul() {
        java.util.logging.Logger julRoot = java.util.logging.LogManager.getLogManager().getLogger("");
        for (Handler handler : julRoot.getHandlers()) {
            if (!(handler instanceof SLF4JBridgeHandler)) {
                julRoot.removeHandler(handler);
            }
        }
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.install();
        }
    }

    private static LoggerContext context() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext context)) {
            throw new IllegalStateException("SLF4J is not bound to Logback but to " + factory.getClass().getName());
        }
        return context;
    }
}
