/**
 * Stanza errors (RFC 6120 §8.3): {@link org.xcs.common.error.XmppException} carries a defined condition, its type,
 * an optional text and an optional application-specific condition; {@link org.xcs.common.error.ErrorReplies} is the
 * one place that turns it into an error stanza (§8.3.1, §8.2.3 for IQs), and knows which stanzas must never be
 * answered with an error (§8.3.1: never an error for an error; IQ results are not answered either).
 */
package org.xcs.common.error;
