package org.xcs.common.component;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A {@link Transport#sendAll} that failed part way: the first {@link #written()} packets went to the socket whole,
 * the others did not and are the caller's to keep for the next connection.
 */
public final class PartialWrite extends UncheckedIOException {
    private final int written;

    public PartialWrite(int written, IOException cause) {
        super(cause.getMessage(), cause);
        this.written = written;
    }

    public int written() {
        return written;
    }
}
