package org.xcs.relay.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xcs.relay.credentials.StatelessNonces.Check;

/** RFC 8489 §9.2: nonces the server checks statelessly; stale ones earn 438 (§9.2.4). */
class StatelessNoncesTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();
    private static final String CLIENT = "udp 203.0.113.5";

    private final SteppingClock clock = new SteppingClock(Instant.ofEpochSecond(1_700_000_000L));
    private final StatelessNonces nonces = new StatelessNonces(KEY, clock, Duration.ofMinutes(10));

    @Test
    void aFreshNonceIsValidForItsClientUntilItsLifetimeEndsThenStale() {
        String nonce = nonces.issue(CLIENT);

        assertEquals(Check.VALID, nonces.check(nonce, CLIENT));
        clock.advance(Duration.ofMinutes(10).minusSeconds(1));
        assertEquals(Check.VALID, nonces.check(nonce, CLIENT));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Check.STALE, nonces.check(nonce, CLIENT));
    }

    @Test
    void aNonceIsValidOnlyForTheClientItWasIssuedTo() {
        assertEquals(Check.FORGED, nonces.check(nonces.issue(CLIENT), "udp 203.0.113.6"));
    }

    @Test
    void anEditedNonceIsForgedEvenWhenOnlyItsExpiryWasPushedForward() {
        String nonce = nonces.issue(CLIENT);
        char[] chars = nonce.toCharArray();
        chars[9] = chars[9] == 'A' ? 'B' : 'A';
        assertEquals(Check.FORGED, nonces.check(new String(chars), CLIENT));
    }

    @Test
    void aNonceFromAnotherServerKeyIsForged() {
        StatelessNonces other = StatelessNonces.withRandomKey(new SecureRandom(), clock, Duration.ofMinutes(10));
        assertEquals(Check.FORGED, nonces.check(other.issue(CLIENT), CLIENT));
    }

    @Test
    void garbageIsForgedNeverAnException() {
        for (String n : List.of("", "x", "f//499k954d6OL34oL9FSTvy64sA", "################################",
                "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")) {
            assertEquals(Check.FORGED, nonces.check(n, CLIENT), n);
        }
    }

    @Test
    void aNonceIsShortAndQuotableAsRfc8489Requires() {
        String nonce = nonces.issue(CLIENT);
        // §14.10: fewer than 128 characters; base64url needs no quoting.
        assertTrue(nonce.length() < 128);
        assertTrue(nonce.matches("[A-Za-z0-9_-]+"), nonce);
    }

    @Test
    void noncesIssuedAtDifferentTimesDiffer() {
        String first = nonces.issue(CLIENT);
        clock.advance(Duration.ofSeconds(1));
        assertNotEquals(first, nonces.issue(CLIENT));
    }
}
