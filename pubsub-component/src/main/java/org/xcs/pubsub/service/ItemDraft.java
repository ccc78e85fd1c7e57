package org.xcs.pubsub.service;

/** One {@code <item/>} of a publish request: its id (null = let the service generate one) and payload (or null). */
public record ItemDraft(String id, Payload payload) {
}
