package org.xcs.common.store;

/** Another process (or this one) already holds the data dir. The message is one line, meant for the operator. */
public class StoreLockedException extends StoreException {

    public StoreLockedException(String message) {
        super(message);
    }
}
