package org.xcs.muc.sint;

/** SINT could not run at all (no tests, no accounts, no login, no MUC service): never a per-test result. */
final class SintSetupException extends RuntimeException {
    SintSetupException(String message) {
        super(message);
    }

    SintSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
