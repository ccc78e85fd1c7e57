package org.xcs.common.store;

import com.google.common.collect.ForwardingNavigableMap;
import java.util.NavigableMap;

/**
 * One of {@link FileStore}'s maps as the rest of the store holds it: it forwards to the MapDB map of the file in
 * use, and a copy of the file ({@link MapdbCompaction}) points it at the copy's map. Only under the store lock, like
 * every access to it; views taken from it (sub-maps, iterators) must not outlive the locked call that took them.
 */
final class SwappableMap extends ForwardingNavigableMap<byte[], byte[]> {
    private NavigableMap<byte[], byte[]> target;

    SwappableMap(NavigableMap<byte[], byte[]> target) {
        this.target = target;
    }

    void swap(NavigableMap<byte[], byte[]> newTarget) {
        target = newTarget;
    }

    @Override
    protected NavigableMap<byte[], byte[]> delegate() {
        return target;
    }
}
