package org.xcs.common.stanza.sid;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Random;

/**
 * 128 random bits, base64url without padding (22 characters). XEP-0359 §3: ids SHOULD be unpredictable; §6: they
 * MUST NOT reveal anything (e.g. an archive's size), which rules out counters.
 */
public final class RandomIdGenerator implements IdGenerator {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private final Random random;

    public RandomIdGenerator() {
        this(new SecureRandom());
    }

    public RandomIdGenerator(Random random) {
        this.random = random;
    }

    @Override
    public String next() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }
}
