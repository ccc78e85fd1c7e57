/**
 * The STUN message codec (RFC 8489) with the TURN attributes and ChannelData framing (RFC 8656), long-term
 * credential keys (RFC 8489 §9.2.2), MESSAGE-INTEGRITY(-SHA256) and FINGERPRINT (RFC 8489 §14.5-§14.7), and the
 * first-byte demultiplexing of STUN, ChannelData and anything else (RFC 8656 §12, RFC 7983 §7). No sockets here:
 * the parser is total (every malformed input becomes a {@link org.xcs.relay.stun.StunParseException}) and
 * allocates no more than the input's size. Test vectors: RFC 5769.
 */
package org.xcs.relay.stun;
