package org.xcs.pubsub.service;

/** A subscription of {@code jid} to {@code node}, one of possibly several told apart by {@code subid}. */
public record Subscription(String node, String jid, String subid, SubscriptionState state,
                           SubscriptionOptions options) {
}
