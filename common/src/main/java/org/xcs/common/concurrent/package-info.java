/**
 * Per-entity ordering on a shared, bounded pool: every stanza for one room, node or session runs after the previous
 * one for the same entity finished, while different entities run in parallel. This is the only way work reaches a
 * component's state (the jicoco/videobridge "one queue per conference" shape), so entity state needs no locks.
 * Queues are bounded; a full queue is reported to the caller, who answers the stanza with
 * {@code resource-constraint} (RFC 6120 §8.3.3.18) instead of dropping it.
 */
package org.xcs.common.concurrent;
