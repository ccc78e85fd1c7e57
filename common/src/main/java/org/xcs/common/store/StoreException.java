package org.xcs.common.store;

/** A storage failure; also wraps the underlying engine's exceptions so none of its types escape this package. */
public class StoreException extends RuntimeException {

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
