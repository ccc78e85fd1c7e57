package org.xcs.common.harness.sint;

/** SINT could not run at all (no tests, no accounts, no login, no service): never a per-test result. */
public final class SintSetupException extends RuntimeException {
    SintSetupException(String message) {
        super(message);
    }

    SintSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
