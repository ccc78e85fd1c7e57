/**
 * The stanza layer of the Publish-Subscribe service (XEP-0060 1.26, XEP-0248 collections): parses
 * {@code <pubsub/>} requests ({@code http://jabber.org/protocol/pubsub} and {@code #owner}) into calls on
 * {@link org.xcs.pubsub.service.PubSubService}, renders their results, forms (XEP-0004) and event notifications
 * ({@code #event}, SHIM headers, XEP-0203 delay), answers node discovery (XEP-0030, XEP-0128 meta-data, XEP-0059
 * paging), the subscription approval form (§8.6) and the XEP-0050 {@code get-pending} command (§8.7).
 *
 * <p>Threading: the router keys every stanza by the node it addresses ({@link org.xcs.pubsub.protocol.NodeKeys}),
 * so one node's replies and notifications leave in request order and a large fan-out holds up only its own node.
 * Notifications of a call are sent after its IQ reply ({@link org.xcs.pubsub.protocol.AfterReply}).
 */
package org.xcs.pubsub.protocol;
