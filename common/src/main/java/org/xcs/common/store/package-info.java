/**
 * Durable component state: a MapDB 3 file store behind our own small API ({@link org.xcs.common.store.Store},
 * {@link org.xcs.common.store.StoreMap}, {@link org.xcs.common.store.Codec}), plus an in-memory twin for unit tests.
 * No MapDB type leaves this package; components define per-aggregate interfaces (a room store, a node store) on top.
 *
 * <p>Guarantees: a write is durable once {@link org.xcs.common.store.Store#transaction} has returned (write-ahead
 * log, survives {@code kill -9}); one process per data dir (lock file); a stored schema version.
 */
package org.xcs.common.store;
