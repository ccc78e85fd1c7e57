package org.xcs.relay.credentials;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * coturn's {@code use-auth-secret}: username = "&lt;unix expiry&gt;:&lt;jid&gt;", password =
 * base64(HMAC-SHA1(secret, username)). Nothing is stored: the server recomputes the password from the username.
 * Several secrets may be configured for rotation; the first issues, all verify (as coturn's repeated
 * {@code static-auth-secret}).
 */
public final class TimeLimitedCredentials {

    /** Outcome of reading a username we may have issued. */
    public sealed interface UsernameCheck {
        /** Not yet expired; {@code passwords} holds one candidate per configured secret, the issuing one first. */
        record Valid(String jid, Instant expires, List<String> passwords) implements UsernameCheck {
            public Valid {
                passwords = List.copyOf(passwords);
            }

            @Override
            public String toString() {
                return "Valid[" + jid + ", " + expires + "]";
            }
        }

        record Expired(Instant expired) implements UsernameCheck {
        }

        /** Not "digits:jid" at all. */
        record Malformed() implements UsernameCheck {
        }
    }

    private static final int MAX_EXPIRY_DIGITS = 12;

    private final List<byte[]> secrets;
    private final Clock clock;

    public TimeLimitedCredentials(List<String> secrets, Clock clock) {
        if (secrets.isEmpty() || secrets.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("at least one non-empty secret");
        }
        List<byte[]> keys = new ArrayList<>();
        secrets.forEach(s -> keys.add(s.getBytes(StandardCharsets.UTF_8)));
        this.secrets = List.copyOf(keys);
        this.clock = clock;
    }

    public TurnCredential issue(String jid, Duration ttl) {
        if (jid.isEmpty() || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("a JID and a positive lifetime");
        }
        long expiry = clock.instant().plus(ttl).getEpochSecond();
        String username = expiry + ":" + jid;
        return new TurnCredential(username, password(secrets.get(0), username), Instant.ofEpochSecond(expiry));
    }

    public UsernameCheck check(String username) {
        int colon = username.indexOf(':');
        if (colon < 1 || colon > MAX_EXPIRY_DIGITS || colon == username.length() - 1) {
            return new UsernameCheck.Malformed();
        }
        long expiry = 0;
        for (int i = 0; i < colon; i++) {
            char c = username.charAt(i);
            if (c < '0' || c > '9') {
                return new UsernameCheck.Malformed();
            }
            expiry = expiry * 10 + (c - '0');
        }
        Instant expires = Instant.ofEpochSecond(expiry);
        // The username names the moment it stops working: at that second it is already expired.
        if (!clock.instant().isBefore(expires)) {
            return new UsernameCheck.Expired(expires);
        }
        List<String> passwords = new ArrayList<>(secrets.size());
        secrets.forEach(s -> passwords.add(password(s, username)));
        return new UsernameCheck.Valid(username.substring(colon + 1), expires, passwords);
    }

    /** For a username and password given together: unexpired, and the password matches in constant time. */
    public boolean verify(String username, String password) {
        if (!(check(username) instanceof UsernameCheck.Valid valid)) {
            return false;
        }
        byte[] given = password.getBytes(StandardCharsets.UTF_8);
        boolean match = false;
        for (String candidate : valid.passwords()) {
            // No early exit: every secret is compared whatever the outcome.
            match |= MessageDigest.isEqual(candidate.getBytes(StandardCharsets.UTF_8), given);
        }
        return match;
    }

    private static String password(byte[] secret, String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is required of every Java platform", e);
        }
    }

    @Override
    public String toString() {
        return "TimeLimitedCredentials[" + secrets.size() + " secret(s)]";
    }
}
