package org.xcs.relay.credentials;

import java.time.Instant;
import java.util.Optional;
import org.xcs.relay.stun.IntegrityKey;
import org.xcs.relay.stun.MessageClass;
import org.xcs.relay.stun.StunAttribute.Nonce;
import org.xcs.relay.stun.StunAttribute.Realm;
import org.xcs.relay.stun.StunAttribute.UserHash;
import org.xcs.relay.stun.StunAttribute.Username;
import org.xcs.relay.stun.StunError;
import org.xcs.relay.stun.StunMessage;
import org.xcs.relay.stun.StunMessageBuilder;

/**
 * The long-term credential mechanism's server side, RFC 8489 §9.2.4, in its order: no integrity -> 401 with REALM
 * and NONCE; integrity without USERNAME, REALM or NONCE -> 400 bare; unknown, expired or foreign-realm username ->
 * 401; integrity mismatch -> 401; nonce no longer valid -> 438 with a fresh NONCE; else authenticated. USERHASH
 * (username anonymity) and PASSWORD-ALGORITHMS negotiation are not offered: our nonces carry no RFC 8489 nonce
 * cookie, so clients stay on MD5 keys as RFC 5389 clients do.
 */
public final class LongTermAuthenticator {

    /** What to do with the request. */
    public sealed interface Outcome {
    }

    /**
     * Go ahead. RFC 8489 §9.2.4: the response carries MESSAGE-INTEGRITY(-SHA256) with the same key; {@link #sign}
     * does that the way the request did it.
     */
    public record Authenticated(String username, String jid, Instant credentialExpires, IntegrityKey key,
            boolean sha256) implements Outcome {

        public StunMessageBuilder sign(StunMessageBuilder response) {
            return sha256 ? response.messageIntegritySha256(key) : response.messageIntegrity(key);
        }
    }

    /** Answer with this error; REALM and NONCE go along unless the error is the bare 400. */
    public record Rejected(StunError error, Optional<String> realm, Optional<String> nonce, String why)
            implements Outcome {

        /** The error response to {@code request}, ready for SOFTWARE/FINGERPRINT and encoding. */
        public StunMessageBuilder response(StunMessage request) {
            StunMessageBuilder b = request.response(MessageClass.ERROR_RESPONSE).add(error.attribute());
            realm.ifPresent(r -> b.add(new Realm(r)));
            nonce.ifPresent(n -> b.add(new Nonce(n)));
            return b;
        }
    }

    private final String realm;
    private final TimeLimitedCredentials credentials;
    private final StatelessNonces nonces;

    public LongTermAuthenticator(String realm, TimeLimitedCredentials credentials, StatelessNonces nonces) {
        this.realm = new Realm(realm).value();
        this.credentials = credentials;
        this.nonces = nonces;
    }

    public String realm() {
        return realm;
    }

    /** {@code scope} identifies the client for nonce binding: e.g. "udp 203.0.113.5" (the same on every call). */
    public Outcome authenticate(StunMessage request, String scope) {
        if (!request.hasAnyIntegrity()) {
            return challenge(StunError.UNAUTHENTICATED, scope, "no message integrity");
        }
        Optional<Username> username = request.get(Username.class);
        Optional<Realm> requestRealm = request.get(Realm.class);
        Optional<Nonce> nonce = request.get(Nonce.class);
        if (username.isEmpty() || requestRealm.isEmpty() || nonce.isEmpty()) {
            if (username.isEmpty() && request.get(UserHash.class).isPresent()
                    && requestRealm.isPresent() && nonce.isPresent()) {
                // USERHASH instead of USERNAME: a username we cannot resolve, so "not valid" -> 401.
                return challenge(StunError.UNAUTHENTICATED, scope, "USERHASH is not supported");
            }
            return new Rejected(StunError.BAD_REQUEST, Optional.empty(), Optional.empty(),
                    "integrity without USERNAME, REALM or NONCE");
        }
        if (!realm.equals(requestRealm.get().value())) {
            return challenge(StunError.UNAUTHENTICATED, scope, "realm " + requestRealm.get().value());
        }
        String name = username.get().value();
        TimeLimitedCredentials.UsernameCheck check = credentials.check(name);
        if (!(check instanceof TimeLimitedCredentials.UsernameCheck.Valid valid)) {
            return challenge(StunError.UNAUTHENTICATED, scope, "username " + check);
        }
        IntegrityKey matching = null;
        for (String password : valid.passwords()) {
            IntegrityKey key = IntegrityKey.longTerm(name, realm, password);
            if (request.verifyIntegrity(key) && matching == null) {
                matching = key;
            }
        }
        if (matching == null) {
            return challenge(StunError.UNAUTHENTICATED, scope, "integrity mismatch");
        }
        StatelessNonces.Check nonceCheck = nonces.check(nonce.get().value(), scope);
        if (nonceCheck != StatelessNonces.Check.VALID) {
            return challenge(StunError.STALE_NONCE, scope, "nonce " + nonceCheck);
        }
        return new Authenticated(name, valid.jid(), valid.expires(), matching, request.hasMessageIntegritySha256());
    }

    private Rejected challenge(StunError error, String scope, String why) {
        return new Rejected(error, Optional.of(realm), Optional.of(nonces.issue(scope)), why);
    }
}
