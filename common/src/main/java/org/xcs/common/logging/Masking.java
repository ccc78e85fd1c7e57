package org.xcs.common.logging;

import ch.qos.logback.core.Context;
import java.util.Set;

/** Replaces the secrets registered through {@link Logging#hideSecret} in a rendered piece of a log line. */
final class Masking {

    static final String MASK = "****";

    private Masking() {
    }

    static String mask(Context context, String text) {
        if (text == null || text.isEmpty() || context == null) {
            return text;
        }
        @SuppressWarnings("unchecked")
        Set<String> secrets = (Set<String>) context.getObject(Logging.SECRETS_KEY);
        if (secrets == null || secrets.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : secrets) {
            if (out.contains(secret)) {
                out = out.replace(secret, MASK);
            }
        }
        return out;
    }
}
