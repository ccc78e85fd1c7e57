/**
 * Durable pubsub state (XEP-0060 nodes, affiliations, subscriptions, items; XEP-0248 collection links) over the
 * suite's {@link org.xcs.common.store.Store}. {@link org.xcs.pubsub.store.NodeStore} is the seam the service core
 * uses; {@link org.xcs.pubsub.store.StoreNodeStore} lays it out as sorted maps so that every read the protocol needs
 * (a page of items, the oldest items to trim or expire, one entity's subscriptions) touches only the entries it
 * returns, never a whole node. {@link org.xcs.pubsub.store.CachingNodeStore} keeps the records and decoded
 * subscriptions of recently used nodes in memory for the walk every notification makes, showing committed state only.
 *
 * <p>Values here are plain strings and maps (configuration as XEP-0004 field values): the store interprets nothing
 * but the "pending" subscription state, which it indexes for XEP-0060 §8.7 (get-pending).
 */
package org.xcs.pubsub.store;
