package org.xcs.common.harness;

/** A test host could not be started, commanded or stopped; the message carries the tail of its logs. */
public class HostException extends RuntimeException {
    public HostException(String message) {
        super(message);
    }

    public HostException(String message, Throwable cause) {
        super(message, cause);
    }
}
