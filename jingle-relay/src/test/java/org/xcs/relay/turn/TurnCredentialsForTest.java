package org.xcs.relay.turn;

import java.security.SecureRandom;
import java.util.Optional;
import org.xcs.relay.stun.IntegrityKey;
import org.xcs.relay.stun.MessageClass;
import org.xcs.relay.stun.StunAttribute;
import org.xcs.relay.stun.StunMessage;
import org.xcs.relay.stun.StunMessageBuilder;
import org.xcs.relay.stun.StunMethod;
import org.xcs.relay.stun.TransactionId;

/**
 * The client half of the long-term mechanism (RFC 8489 §9.2.3): remembers REALM and NONCE from a 401/438 and
 * signs later requests with MD5(username:realm:password) as the key.
 */
public final class TurnCredentialsForTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String username;
    private final String password;
    private String realm;
    private String nonce;

    public TurnCredentialsForTest(String username, String password) {
        this.username = username;
        this.password = password;
    }

    public static StunMessageBuilder request(StunMethod method) {
        return StunMessage.builder(MessageClass.REQUEST, method, TransactionId.random(RANDOM));
    }

    public static StunMessageBuilder indication(StunMethod method) {
        return StunMessage.builder(MessageClass.INDICATION, method, TransactionId.random(RANDOM));
    }

    public boolean hasChallenge() {
        return nonce != null;
    }

    /** Takes REALM and NONCE from a 401 or 438; true if the response was such a challenge. */
    public boolean learn(StunMessage response) {
        Optional<StunAttribute.ErrorCode> code = response.get(StunAttribute.ErrorCode.class);
        if (code.isEmpty() || (code.get().code() != 401 && code.get().code() != 438)) {
            return false;
        }
        response.get(StunAttribute.Realm.class).ifPresent(r -> realm = r.value());
        response.get(StunAttribute.Nonce.class).ifPresent(n -> nonce = n.value());
        return nonce != null && realm != null;
    }

    public IntegrityKey key() {
        return IntegrityKey.longTerm(username, realm, password);
    }

    public StunMessageBuilder sign(StunMessageBuilder b) {
        return b.add(new StunAttribute.Username(username)).add(new StunAttribute.Realm(realm))
                .add(new StunAttribute.Nonce(nonce)).messageIntegrity(key());
    }
}
