package org.xcs.relay.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.xcs.relay.credentials.LongTermAuthenticator.Authenticated;
import org.xcs.relay.credentials.LongTermAuthenticator.Outcome;
import org.xcs.relay.credentials.LongTermAuthenticator.Rejected;
import org.xcs.relay.stun.IntegrityKey;
import org.xcs.relay.stun.MessageClass;
import org.xcs.relay.stun.StunAttribute;
import org.xcs.relay.stun.StunAttribute.Nonce;
import org.xcs.relay.stun.StunAttribute.Realm;
import org.xcs.relay.stun.StunAttribute.RequestedTransport;
import org.xcs.relay.stun.StunAttribute.Username;
import org.xcs.relay.stun.StunError;
import org.xcs.relay.stun.StunMessage;
import org.xcs.relay.stun.StunMessageBuilder;
import org.xcs.relay.stun.StunMethod;
import org.xcs.relay.stun.TransactionId;

/** RFC 8489 §9.2.4, step by step, with the credentials a client got over XEP-0215. */
class LongTermAuthenticatorTest {

    private static final String REALM = "relay.example.org";
    private static final String CLIENT = "udp 203.0.113.5";

    private final SteppingClock clock = new SteppingClock(Instant.ofEpochSecond(1_700_000_000L));
    private final TimeLimitedCredentials credentials = new TimeLimitedCredentials(List.of("s3cret"), clock);
    private final LongTermAuthenticator auth = new LongTermAuthenticator(REALM, credentials,
            new StatelessNonces("0123456789abcdef0123456789abcdef".getBytes(), clock, Duration.ofMinutes(10)));
    private final Random ids = new Random(1);
    private final TurnCredential alice = credentials.issue("alice@example.org", Duration.ofHours(1));

    @Test
    void theFirstRequestWithoutIntegrityIsChallenged401WithRealmAndNonce() throws Exception {
        Rejected r = rejected(auth.authenticate(unsigned(), CLIENT));

        assertEquals(StunError.UNAUTHENTICATED, r.error());
        assertEquals(Optional.of(REALM), r.realm());
        assertTrue(r.nonce().isPresent());
        StunMessage response = StunMessage.parse(r.response(unsigned()).encode());
        assertEquals(MessageClass.ERROR_RESPONSE, response.messageClass());
        assertEquals(401, response.get(StunAttribute.ErrorCode.class).orElseThrow().code());
        assertEquals(REALM, response.get(Realm.class).orElseThrow().value());
        assertEquals(r.nonce().get(), response.get(Nonce.class).orElseThrow().value());
    }

    @Test
    void theRetryWithUsernameRealmNonceAndIntegrityIsAuthenticatedAsTheJid() throws Exception {
        String nonce = challengeNonce();
        StunMessage request = signed(alice.username(), REALM, nonce, alice.password(), false);

        Authenticated a = assertInstanceOf(Authenticated.class, auth.authenticate(request, CLIENT));
        assertEquals("alice@example.org", a.jid());
        assertEquals(alice.expires(), a.credentialExpires());
        // §9.2.4: the success response is signed with the same key; the client can check it.
        byte[] response = a.sign(request.response(MessageClass.SUCCESS_RESPONSE)).encode();
        assertTrue(StunMessage.parse(response).verifyMessageIntegrity(
                IntegrityKey.longTerm(alice.username(), REALM, alice.password())));
    }

    @Test
    void aRequestSignedWithSha256IsVerifiedThatWayAndAnsweredThatWay() throws Exception {
        StunMessage request = signed(alice.username(), REALM, challengeNonce(), alice.password(), true);

        Authenticated a = assertInstanceOf(Authenticated.class, auth.authenticate(request, CLIENT));
        assertTrue(a.sha256());
        StunMessage response = StunMessage.parse(a.sign(request.response(MessageClass.SUCCESS_RESPONSE)).encode());
        assertTrue(response.hasMessageIntegritySha256());
    }

    @Test
    void integrityWithoutUsernameRealmOrNonceIs400WithoutRealmOrNonce() throws Exception {
        IntegrityKey key = IntegrityKey.longTerm(alice.username(), REALM, alice.password());
        StunMessage noNonce = StunMessage.parse(allocate().add(new Username(alice.username()))
                .add(new Realm(REALM)).messageIntegrity(key).encode());

        Rejected r = rejected(auth.authenticate(noNonce, CLIENT));
        assertEquals(StunError.BAD_REQUEST, r.error());
        assertEquals(Optional.empty(), r.realm());
        assertEquals(Optional.empty(), r.nonce());
    }

    @Test
    void aWrongPasswordIs401() throws Exception {
        StunMessage request = signed(alice.username(), REALM, challengeNonce(), "guess", false);
        assertEquals(StunError.UNAUTHENTICATED, rejected(auth.authenticate(request, CLIENT)).error());
    }

    @Test
    void aForgedUsernameWithARealPasswordIs401() throws Exception {
        String forged = alice.username().replace("alice", "mallory");
        StunMessage request = signed(forged, REALM, challengeNonce(), alice.password(), false);
        assertEquals(StunError.UNAUTHENTICATED, rejected(auth.authenticate(request, CLIENT)).error());
    }

    @Test
    void expiredCredentialsAre401EvenWithACorrectSignatureAndFreshNonce() throws Exception {
        clock.advance(Duration.ofHours(1));
        StunMessage request = signed(alice.username(), REALM, challengeNonce(), alice.password(), false);
        Rejected r = rejected(auth.authenticate(request, CLIENT));
        assertEquals(StunError.UNAUTHENTICATED, r.error());
        assertTrue(r.why().contains("Expired"), r.why());
    }

    @Test
    void anotherRealmIs401NamingOurs() throws Exception {
        StunMessage request = signed(alice.username(), "evil.example", challengeNonce(), alice.password(), false);
        Rejected r = rejected(auth.authenticate(request, CLIENT));
        assertEquals(StunError.UNAUTHENTICATED, r.error());
        assertEquals(Optional.of(REALM), r.realm());
    }

    @Test
    void aNonceOlderThanItsLifetimeIs438WithAFreshNonceThatThenWorks() throws Exception {
        String nonce = challengeNonce();
        clock.advance(Duration.ofMinutes(11));

        Rejected r = rejected(auth.authenticate(signed(alice.username(), REALM, nonce, alice.password(), false),
                CLIENT));
        assertEquals(StunError.STALE_NONCE, r.error());
        assertNotEquals(Optional.of(nonce), r.nonce());
        assertInstanceOf(Authenticated.class, auth.authenticate(
                signed(alice.username(), REALM, r.nonce().orElseThrow(), alice.password(), false), CLIENT));
    }

    @Test
    void aNonceIssuedToAnotherClientIs438() throws Exception {
        String theirs = rejected(auth.authenticate(unsigned(), "udp 198.51.100.1")).nonce().orElseThrow();
        StunMessage request = signed(alice.username(), REALM, theirs, alice.password(), false);
        assertEquals(StunError.STALE_NONCE, rejected(auth.authenticate(request, CLIENT)).error());
    }

    @Test
    void aUserHashInPlaceOfTheUsernameIs401BecauseWeOfferNoAnonymity() throws Exception {
        IntegrityKey key = IntegrityKey.longTerm(alice.username(), REALM, alice.password());
        StunMessage request = StunMessage.parse(allocate().add(new StunAttribute.UserHash(new byte[32]))
                .add(new Realm(REALM)).add(new Nonce(challengeNonce())).messageIntegrity(key).encode());
        assertEquals(StunError.UNAUTHENTICATED, rejected(auth.authenticate(request, CLIENT)).error());
    }

    private String challengeNonce() throws Exception {
        return rejected(auth.authenticate(unsigned(), CLIENT)).nonce().orElseThrow();
    }

    private StunMessage signed(String username, String realm, String nonce, String password, boolean sha256)
            throws Exception {
        IntegrityKey key = IntegrityKey.longTerm(username, realm, password);
        StunMessageBuilder b = allocate().add(new Username(username)).add(new Realm(realm)).add(new Nonce(nonce));
        return StunMessage.parse((sha256 ? b.messageIntegritySha256(key) : b.messageIntegrity(key))
                .fingerprint().encode());
    }

    private StunMessage unsigned() throws Exception {
        return StunMessage.parse(allocate().encode());
    }

    private StunMessageBuilder allocate() {
        return StunMessage.builder(MessageClass.REQUEST, StunMethod.ALLOCATE, TransactionId.random(ids))
                .add(new RequestedTransport(RequestedTransport.UDP));
    }

    private static Rejected rejected(Outcome o) {
        return assertInstanceOf(Rejected.class, o);
    }
}
