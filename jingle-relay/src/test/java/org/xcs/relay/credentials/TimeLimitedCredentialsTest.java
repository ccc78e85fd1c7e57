package org.xcs.relay.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xcs.relay.credentials.TimeLimitedCredentials.UsernameCheck;

/** coturn's use-auth-secret: "expiry:jid" and base64(HMAC-SHA1(secret, username)). */
class TimeLimitedCredentialsTest {

    private final SteppingClock clock = new SteppingClock(Instant.ofEpochSecond(1_699_913_600L));
    private final TimeLimitedCredentials credentials = new TimeLimitedCredentials(List.of("s3cret"), clock);

    @Test
    void theUsernameIsTheUnixExpiryColonTheJidAndThePasswordIsWhatOpensslComputesForIt() {
        TurnCredential c = credentials.issue("alice@example.org", Duration.ofDays(1));

        assertEquals("1700000000:alice@example.org", c.username());
        // echo -n "1700000000:alice@example.org" | openssl dgst -sha1 -hmac s3cret -binary | base64
        assertEquals("DTKvmY+vZ0UPwC3r7FrA5q50qEI=", c.password());
        assertEquals(Instant.ofEpochSecond(1_700_000_000L), c.expires());
    }

    @Test
    void anIssuedCredentialVerifiesUntilItsExpirySecondAndNotFromThen() {
        TurnCredential c = credentials.issue("alice@example.org", Duration.ofMinutes(10));

        assertTrue(credentials.verify(c.username(), c.password()));
        clock.advance(Duration.ofMinutes(10).minusSeconds(1));
        assertTrue(credentials.verify(c.username(), c.password()));
        clock.advance(Duration.ofSeconds(1));
        assertFalse(credentials.verify(c.username(), c.password()));
        assertInstanceOf(UsernameCheck.Expired.class, credentials.check(c.username()));
    }

    @Test
    void aForgedPasswordOrAnEditedUsernameIsRejected() {
        TurnCredential c = credentials.issue("alice@example.org", Duration.ofHours(1));

        assertFalse(credentials.verify(c.username(), "DTKvmY+vZ0UPwC3r7FrA5q50qEI="));
        assertFalse(credentials.verify(c.username().replace("alice", "mallory"), c.password()));
        long later = c.expires().getEpochSecond() + 86_400;
        assertFalse(credentials.verify(later + ":alice@example.org", c.password()), "extending the expiry");
        assertFalse(credentials.verify(c.username(), ""));
    }

    @Test
    void aCredentialFromAnotherSecretIsRejected() {
        TurnCredential foreign = new TimeLimitedCredentials(List.of("other"), clock)
                .issue("alice@example.org", Duration.ofHours(1));
        assertFalse(credentials.verify(foreign.username(), foreign.password()));
    }

    @Test
    void afterRotationCredentialsFromTheOldSecretStillVerifyAndNewOnesComeFromTheFirst() {
        TurnCredential old = credentials.issue("alice@example.org", Duration.ofHours(1));
        TimeLimitedCredentials rotated = new TimeLimitedCredentials(List.of("n3w", "s3cret"), clock);

        assertTrue(rotated.verify(old.username(), old.password()));
        TurnCredential fresh = rotated.issue("alice@example.org", Duration.ofHours(1));
        assertFalse(credentials.verify(fresh.username(), fresh.password()));
        assertEquals(2, ((UsernameCheck.Valid) rotated.check(fresh.username())).passwords().size());
    }

    @Test
    void usernamesNotOfTheFormDigitsColonJidAreMalformed() {
        for (String u : List.of("", "alice", ":alice", "1700000000:", "17000x0000:alice", "-1:alice",
                "9999999999999999999999:alice", " 1700000000:alice")) {
            assertInstanceOf(UsernameCheck.Malformed.class, credentials.check(u), u);
        }
    }

    @Test
    void theJidIsEverythingAfterTheFirstColon() {
        UsernameCheck check = credentials.check("1800000000:alice@example.org/phone:1");
        assertEquals("alice@example.org/phone:1", ((UsernameCheck.Valid) check).jid());
    }

    @Test
    void thePasswordNeverAppearsInToString() {
        TurnCredential c = credentials.issue("alice@example.org", Duration.ofHours(1));
        assertFalse(c.toString().contains(c.password()));
        assertFalse(credentials.toString().contains("s3cret"));
    }
}
