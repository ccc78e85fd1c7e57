/**
 * The Publish-Subscribe core (XEP-0060 1.26 with XEP-0248 collections): every use case as a method of
 * {@link org.xcs.pubsub.service.PubSubService}, no XML and no routing. Modelled on Prosody's {@code util/pubsub.lua}.
 *
 * <p>Inputs are JIDs as strings (already normalised by the stanza layer), data-form field values as
 * {@code Map<String, List<String>>} keyed by field var, and payloads as opaque XML text. Every mutating call runs as
 * one store transaction and returns an {@link org.xcs.pubsub.service.Outcome}: its value plus the
 * {@link org.xcs.pubsub.service.Notification}s to send, already addressed and filtered by node configuration and
 * subscription options, so the stanza layer only renders them. Failures are one exception type,
 * {@link org.xcs.pubsub.service.PubSubException}, carrying a {@link org.xcs.pubsub.service.PubSubError} from the
 * XEP-0060 §7-§8 error tables; a failed call changes nothing.
 *
 * <p>Threading: every mutating call is one {@code store.transaction}, and the store runs transactions one at a
 * time, so calls are atomic and serialisable from any thread, including those touching several nodes (creation
 * with parents, deletion of a collection, XEP-0248 tree edits). Callers therefore need no tree lock for
 * correctness. What a caller does need for ORDER: replies and notifications of one node must be sent in call order,
 * so calls for a node go through that node's serial queue; calls that change the tree (create, delete,
 * configure with {@code pubsub#collection}/{@code pubsub#children}, associate, dissociate) may emit notifications
 * on several nodes, so route them through one shared "tree" key (or accept that their notifications may interleave
 * with concurrent publishes on the parents). Reads outside a call's transaction see committed state.
 */
package org.xcs.pubsub.service;
