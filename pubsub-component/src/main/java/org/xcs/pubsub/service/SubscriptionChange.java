package org.xcs.pubsub.service;

/**
 * An owner's change to a subscription (XEP-0060 §8.8.2): {@code subid} null means the JID's only subscription (or a
 * new one when it has none); state {@link SubscriptionState#NONE} removes it.
 */
public record SubscriptionChange(String jid, String subid, SubscriptionState state) {
}
