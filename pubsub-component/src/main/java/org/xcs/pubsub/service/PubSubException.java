package org.xcs.pubsub.service;

import java.util.Objects;

/** The one failure of the core. Thrown inside the call's transaction, so nothing it had changed stays changed. */
public class PubSubException extends RuntimeException {

    private final PubSubError error;
    private final String text;

    public PubSubException(PubSubError error) {
        this(error, null);
    }

    public PubSubException(PubSubError error, String text) {
        super(error.name() + (text == null ? "" : ": " + text), null, false, false);
        this.error = Objects.requireNonNull(error, "error");
        this.text = text;
    }

    public PubSubError error() {
        return error;
    }

    /** Human-readable detail for the error's {@code <text/>}, or null. */
    public String text() {
        return text;
    }
}
