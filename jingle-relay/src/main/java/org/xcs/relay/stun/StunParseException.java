package org.xcs.relay.stun;

import java.util.Optional;

/**
 * Every way a datagram or frame can fail to be a well-formed STUN or ChannelData message. Carries the header when
 * it was readable, so a malformed request can still be answered 400 on its transaction (RFC 8489 §6.3). Built
 * without a stack trace: under attack these are routine.
 */
public final class StunParseException extends Exception {

    public enum Reason {
        /** Shorter than the header or than its own length field says. */
        TRUNCATED,
        /** First two bits not 0b00, or no magic cookie (RFC 8489 §6.3): not ours to answer. */
        NOT_STUN,
        /** Length field not a multiple of 4 (RFC 8489 §5). */
        BAD_LENGTH,
        /** Bytes after the message the length field announced. */
        TRAILING_BYTES,
        /** An attribute (with its padding) runs past the message end (RFC 8489 §14). */
        OVERLONG_ATTRIBUTE,
        /** A known attribute whose value breaks its RFC layout or bounds. */
        BAD_ATTRIBUTE_VALUE,
        /** RFC 8489 §14.7: FINGERPRINT is the last attribute. */
        ATTRIBUTE_AFTER_FINGERPRINT,
        /** RFC 8489 §7.3: a wrong FINGERPRINT means the packet is not STUN; discard it. */
        BAD_FINGERPRINT,
        /** ChannelData with a channel outside 0x4000-0x7FFF (RFC 5766 §11; see ChannelData). */
        BAD_CHANNEL,
        /** First bits neither STUN (0b00) nor ChannelData (0b01) on a TURN stream (RFC 8656 §12). */
        UNKNOWN_FRAME
    }

    private final Reason reason;
    private final transient StunHeader header;

    StunParseException(Reason reason, String detail) {
        this(reason, detail, null);
    }

    StunParseException(Reason reason, String detail, StunHeader header) {
        super(reason + ": " + detail, null, false, false);
        this.reason = reason;
        this.header = header;
    }

    public Reason reason() {
        return reason;
    }

    public Optional<StunHeader> header() {
        return Optional.ofNullable(header);
    }

    /**
     * RFC 8489 §6.3: a request we could identify gets an error response (400); everything else, including a bad
     * FINGERPRINT (not STUN at all, §7.3), is silently discarded.
     */
    public boolean deservesBadRequestResponse() {
        return header != null && header.messageClass() == MessageClass.REQUEST && reason != Reason.BAD_FINGERPRINT;
    }
}
