/**
 * The load driver engine: many plain c2s connections (RFC 6120: stream, SASL ANONYMOUS or PLAIN, resource binding)
 * on one or two NIO selector threads, no thread per connection and no XML parser on the hot path. Every message
 * carries a stamp {@code [xb:STEP:NANOS]} in its body; receiving counts stamps with a byte scan that survives reads
 * splitting a stanza, so one driver core counts far more deliveries per second than the servers under test produce.
 */
package org.xcs.bench.client;
