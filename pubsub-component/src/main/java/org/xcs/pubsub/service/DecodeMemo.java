package org.xcs.pubsub.service;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Decoded forms of stored field maps (XEP-0004 values), which repeat: most subscriptions of a node share their
 * options, and a node's configuration is decoded on every publish, once per subscriber for its options. The decoding
 * is a pure function of the (immutable) map, so equal maps share one result. Bounded: emptied when full.
 * Thread-safe; a decoding that throws is not kept.
 */
final class DecodeMemo<K, V> {

    private final ConcurrentHashMap<K, V> decoded = new ConcurrentHashMap<>();
    private final Function<K, V> decode;
    private final int max;

    DecodeMemo(Function<K, V> decode, int max) {
        this.decode = decode;
        this.max = max;
    }

    V get(K key) {
        V value = decoded.get(key);
        if (value == null) {
            value = decode.apply(key);
            if (decoded.size() >= max) {
                decoded.clear();
            }
            decoded.put(key, value);
        }
        return value;
    }
}
