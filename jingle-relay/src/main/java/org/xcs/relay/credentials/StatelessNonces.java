package org.xcs.relay.credentials;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * NONCE values the server can check without remembering them (RFC 8489 §9.2: "the server can use its own
 * judgment" on nonce content; §9.2.4: a nonce no longer valid is answered 438 Stale Nonce). A nonce is
 * base64url(expiry seconds (8 bytes) || HMAC-SHA256(server key, expiry || scope) truncated to 16 bytes), 32
 * characters. The scope binds it to the client (e.g. its IP address and transport), so a nonce seen on the wire
 * is of no use from elsewhere. A random key per process means a restart makes every nonce stale, which clients
 * handle by retrying.
 */
public final class StatelessNonces {

    public enum Check {
        VALID,
        /** MAC fine, expiry passed: 438 with a fresh nonce. */
        STALE,
        /** Not one of ours (or for another scope): also 438 by RFC 8489 §9.2.4, but worth counting apart. */
        FORGED
    }

    private static final int EXPIRY_BYTES = 8;
    private static final int MAC_BYTES = 16;
    private static final int NONCE_CHARS = 32;

    private final byte[] key;
    private final Clock clock;
    private final Duration lifetime;

    public StatelessNonces(byte[] key, Clock clock, Duration lifetime) {
        if (key.length < 16) {
            throw new IllegalArgumentException("a nonce key of at least 16 bytes");
        }
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("a positive nonce lifetime");
        }
        this.key = key.clone();
        this.clock = clock;
        this.lifetime = lifetime;
    }

    public static StatelessNonces withRandomKey(SecureRandom random, Clock clock, Duration lifetime) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        return new StatelessNonces(key, clock, lifetime);
    }

    public String issue(String scope) {
        long expiry = clock.instant().plus(lifetime).getEpochSecond();
        ByteBuffer nonce = ByteBuffer.allocate(EXPIRY_BYTES + MAC_BYTES);
        nonce.putLong(expiry).put(mac(expiry, scope));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(nonce.array());
    }

    public Check check(String nonce, String scope) {
        if (nonce.length() != NONCE_CHARS) {
            return Check.FORGED;
        }
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(nonce);
        } catch (IllegalArgumentException e) {
            return Check.FORGED;
        }
        if (raw.length != EXPIRY_BYTES + MAC_BYTES) {
            return Check.FORGED;
        }
        long expiry = ByteBuffer.wrap(raw).getLong();
        byte[] received = Arrays.copyOfRange(raw, EXPIRY_BYTES, EXPIRY_BYTES + MAC_BYTES);
        if (!MessageDigest.isEqual(mac(expiry, scope), received)) {
            return Check.FORGED;
        }
        return clock.instant().getEpochSecond() < expiry ? Check.VALID : Check.STALE;
    }

    private byte[] mac(long expiry, String scope) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(ByteBuffer.allocate(EXPIRY_BYTES).putLong(expiry).array());
            mac.update(scope.getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(mac.doFinal(), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
        }
    }

    @Override
    public String toString() {
        return "StatelessNonces[lifetime " + lifetime + "]";
    }
}
