package org.xcs.pubsub.privilege;

/** Runs work on one owner's serial queue (the router's, key {@link PepKeys#ownerKey}); false when it is full. */
@FunctionalInterface
public interface OwnerQueue {
    boolean submit(String ownerBare, Runnable task);
}
