package org.xcs.common.stanza.sid;

/** Source of stanza ids; tests pass a fixed sequence. */
@FunctionalInterface
public interface IdGenerator {
    String next();
}
