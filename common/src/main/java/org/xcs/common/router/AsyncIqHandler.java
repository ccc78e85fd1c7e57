package org.xcs.common.router;

import java.util.concurrent.CompletionStage;

import org.xmpp.packet.IQ;

/**
 * An {@link IqHandler} whose reply depends on something slower than the entity's queue should wait for (e.g. an IQ
 * to the host through {@link IqTracker}). The router sends the reply when the stage completes, with the same
 * guarantee: an {@link org.xcs.common.error.XmppException} becomes that error, a {@code null} reply
 * {@code feature-not-implemented}, anything else {@code internal-server-error}. The entity's queue moves on at once.
 */
@FunctionalInterface
public interface AsyncIqHandler {
    CompletionStage<IQ> handle(IQ request);
}
