package org.xcs.pubsub.service;

import java.time.Instant;
import java.util.List;

/**
 * One message to send: to {@code recipient} (the subscribed JID, or an owner's bare JID), saying {@code event}.
 * {@code subids} are the recipient's subscriptions that match (XEP-0060 §7.1.2.4: one message per entity with SHIM
 * SubID headers). {@code collection} is the collection node through which it was delivered (XEP-0248 §5.1: SHIM
 * header "Collection"), null for direct subscribers. {@code delay} is set for a last published item re-sent on
 * subscribe or presence (XEP-0203 stamp).
 */
public record Notification(String recipient, List<String> subids, String collection, NotificationType type,
                           Event event, Instant delay) {

    public Notification {
        subids = List.copyOf(subids);
    }
}
