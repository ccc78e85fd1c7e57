package org.xcs.common.component;

/** Process exit codes of every component launcher; the numbers are part of the public interface (README). */
public enum ExitCode {
    OK(0),
    /** Unexpected failure (a bug, or a cause not listed below). */
    FAILURE(1),
    /** Bad command-line values (Picocli's convention). */
    USAGE(2),
    NOT_AUTHORIZED(3),
    HOST_UNKNOWN(4),
    CONFLICT(5),
    /** Connection refused, host down or unreachable. */
    HOST_UNREACHABLE(6),
    HANDSHAKE_TIMEOUT(7),
    DATA_DIR_LOCKED(8),
    STORAGE(9);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
