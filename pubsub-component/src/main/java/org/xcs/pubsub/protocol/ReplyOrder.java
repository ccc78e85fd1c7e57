package org.xcs.pubsub.protocol;

import org.xmpp.packet.IQ;

/**
 * Runs work right after the reply to a request has been sent (XEP-0060 §7.1.2: the publisher learns of its success
 * before the notifications go out). Obtained from {@link PubSubProtocol#replyOrder()}.
 */
@FunctionalInterface
public interface ReplyOrder {

    /**
     * Runs {@code work} right after the result or error to {@code request} leaves, on the thread that sends it;
     * also when that reply leaves wrapped in a XEP-0355 delegation ({@code <forwarded><iq/>} carrying the
     * request's id, addressed to its sender).
     */
    void afterReplyTo(IQ request, Runnable work);
}
