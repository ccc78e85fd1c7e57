package org.xcs.relay.credentials;

import java.time.Instant;

/** What a client receives (over XEP-0215) to authenticate to TURN until {@code expires}. */
public record TurnCredential(String username, String password, Instant expires) {

    @Override
    public String toString() {
        return "TurnCredential[" + username + ", ****, " + expires + "]";
    }
}
