package org.xcs.relay.stun;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The HMAC key of MESSAGE-INTEGRITY(-SHA256). Passwords are taken as given (UTF-8): the OpaqueString/SASLprep
 * preparation of RFC 8489 §9.2.2 is the caller's, and our own credentials are ASCII (base64) anyway.
 */
public final class IntegrityKey {

    private final byte[] key;

    private IntegrityKey(byte[] key) {
        this.key = key;
    }

    /** RFC 8489 §9.1.1: the key is the password itself. */
    public static IntegrityKey shortTerm(String password) {
        return new IntegrityKey(password.getBytes(StandardCharsets.UTF_8));
    }

    /** RFC 8489 §9.2.2 with the default algorithm: MD5(username ":" realm ":" password). */
    public static IntegrityKey longTerm(String username, String realm, String password) {
        return longTerm(StunAttribute.PasswordAlgorithm.MD5, username, realm, password);
    }

    /** RFC 8489 §9.2.2: MD5 (algorithm 1) or SHA-256 (algorithm 2) of username ":" realm ":" password. */
    public static IntegrityKey longTerm(int passwordAlgorithm, String username, String realm, String password) {
        String digest = switch (passwordAlgorithm) {
            case StunAttribute.PasswordAlgorithm.MD5 -> "MD5";
            case StunAttribute.PasswordAlgorithm.SHA256 -> "SHA-256";
            default -> throw new IllegalArgumentException("unknown password algorithm " + passwordAlgorithm);
        };
        byte[] input = (username + ":" + realm + ":" + password).getBytes(StandardCharsets.UTF_8);
        try {
            return new IntegrityKey(MessageDigest.getInstance(digest).digest(input));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(digest + " is required of every Java platform", e);
        }
    }

    public static IntegrityKey ofBytes(byte[] key) {
        return new IntegrityKey(key.clone());
    }

    byte[] bytes() {
        return key;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IntegrityKey k && MessageDigest.isEqual(key, k.key);
    }

    @Override
    public int hashCode() {
        return key.length;
    }

    @Override
    public String toString() {
        return "IntegrityKey[****]";
    }
}
