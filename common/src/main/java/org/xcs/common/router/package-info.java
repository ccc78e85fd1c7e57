/**
 * Inbound stanza routing and the reply guarantee (RFC 6120 §8.2.3: every IQ get/set gets exactly one reply; §8.4:
 * unknown payloads get {@code service-unavailable}). {@link org.xcs.common.router.StanzaRouter} takes stanzas from
 * the transport's single dispatch thread, hands each to the {@link org.xcs.common.concurrent.KeyedSerialExecutor}
 * queue of its entity, and turns handler outcomes into replies, the way Tinder's {@code AbstractComponent} does.
 * {@link org.xcs.common.router.IqTracker} matches replies to IQs the component sent itself.
 */
package org.xcs.common.router;
