package org.xcs.pubsub.service;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Makes instant node ids, item ids and subids (XEP-0060 §12.15: unique, hard to guess). */
@FunctionalInterface
public interface IdGenerator {

    String next();

    /** 128 random bits in hex. */
    static IdGenerator random() {
        SecureRandom random = new SecureRandom();
        return () -> {
            byte[] b = new byte[16];
            random.nextBytes(b);
            return HexFormat.of().formatHex(b);
        };
    }
}
