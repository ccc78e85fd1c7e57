package org.xcs.common.store;

/** The data dir holds a schema version this build cannot use. The message is one line, meant for the operator. */
public class StoreSchemaException extends StoreException {

    public StoreSchemaException(String message) {
        super(message);
    }
}
