package org.xcs.common.router;

import org.xmpp.packet.Presence;

/**
 * Handles inbound presence, including type error. Throwing {@link org.xcs.common.error.XmppException} bounces the
 * presence with that error, unless it is an error itself (RFC 6120 §8.3.1).
 */
@FunctionalInterface
public interface PresenceHandler {
    void handle(Presence presence);
}
