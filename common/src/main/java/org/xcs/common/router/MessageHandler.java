package org.xcs.common.router;

import org.xmpp.packet.Message;

/**
 * Handles inbound messages, including those of type error (e.g. a MUC removes an occupant whose client bounced).
 * Throwing {@link org.xcs.common.error.XmppException} bounces the message with that error, unless it is an error
 * itself (RFC 6120 §8.3.1).
 */
@FunctionalInterface
public interface MessageHandler {
    void handle(Message message);
}
