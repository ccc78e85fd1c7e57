package org.xcs.common.router;

import org.xmpp.packet.IQ;

/**
 * Handles one kind of IQ get/set (registered by type and child element namespace). Returns the reply (a result or an
 * error made from the request), or throws {@link org.xcs.common.error.XmppException} for a specific error. Returning
 * {@code null} or throwing anything else never leaves the requester waiting: the router answers
 * {@code feature-not-implemented} or {@code internal-server-error} (RFC 6120 §8.2.3: every get/set gets one reply).
 */
@FunctionalInterface
public interface IqHandler {
    IQ handle(IQ request);
}
