package org.xcs.relay.stun;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.xcs.relay.stun.StunAttribute.Unknown;

/**
 * A STUN message: header and attributes in wire order. A parsed message also remembers where its integrity
 * attributes sat, so MESSAGE-INTEGRITY(-SHA256) can be verified over the bytes exactly as received.
 */
public final class StunMessage {

    private final StunHeader header;
    private final List<StunAttribute> attributes;
    private final byte[] raw;
    private final int integrityOffset;
    private final int integritySha256Offset;
    private final int ignoredAfterIntegrity;

    StunMessage(StunHeader header, List<StunAttribute> attributes, byte[] raw, int integrityOffset,
            int integritySha256Offset, int ignoredAfterIntegrity) {
        this.header = header;
        this.attributes = List.copyOf(attributes);
        this.raw = raw;
        this.integrityOffset = integrityOffset;
        this.integritySha256Offset = integritySha256Offset;
        this.ignoredAfterIntegrity = ignoredAfterIntegrity;
    }

    /** One whole message: a UDP datagram, or a frame cut by {@link StreamFraming}. */
    public static StunMessage parse(byte[] message) throws StunParseException {
        return StunParser.parse(message, 0, message.length);
    }

    public static StunMessage parse(byte[] buf, int offset, int length) throws StunParseException {
        if (offset < 0 || length < 0 || offset > buf.length - length) {
            throw new IllegalArgumentException("range outside the buffer");
        }
        return StunParser.parse(buf, offset, length);
    }

    public static StunMessageBuilder builder(MessageClass messageClass, StunMethod method, TransactionId id) {
        return new StunMessageBuilder(new StunHeader(messageClass, method.code(), id));
    }

    public static StunMessageBuilder builder(StunHeader header) {
        return new StunMessageBuilder(header);
    }

    /** A response (success or error) to this message: same method and transaction id (RFC 8489 §6.3.1.1). */
    public StunMessageBuilder response(MessageClass responseClass) {
        if (!responseClass.isResponse()) {
            throw new IllegalArgumentException(responseClass + " is not a response class");
        }
        return new StunMessageBuilder(new StunHeader(responseClass, header.methodCode(), header.transactionId()));
    }

    public StunHeader header() {
        return header;
    }

    public MessageClass messageClass() {
        return header.messageClass();
    }

    public int methodCode() {
        return header.methodCode();
    }

    public Optional<StunMethod> method() {
        return header.method();
    }

    public TransactionId transactionId() {
        return header.transactionId();
    }

    /**
     * In wire order, MESSAGE-INTEGRITY(-SHA256) and FINGERPRINT included; attributes RFC 8489 §14.5/§14.6 say to
     * ignore (after the integrity attributes) are not here.
     */
    public List<StunAttribute> attributes() {
        return attributes;
    }

    /** The first occurrence: RFC 8489 §14 has receivers process only the first of a repeated attribute. */
    public <T extends StunAttribute> Optional<T> get(Class<T> kind) {
        for (StunAttribute a : attributes) {
            if (kind.isInstance(a)) {
                return Optional.of(kind.cast(a));
            }
        }
        return Optional.empty();
    }

    /** Every occurrence, e.g. the XOR-PEER-ADDRESS list of a CreatePermission (RFC 8656 §9.1). */
    public <T extends StunAttribute> List<T> getAll(Class<T> kind) {
        List<T> found = new ArrayList<>();
        for (StunAttribute a : attributes) {
            if (kind.isInstance(a)) {
                found.add(kind.cast(a));
            }
        }
        return found;
    }

    /**
     * RFC 8489 §6.3.1: the comprehension-required types we did not understand, for a 420 response's
     * UNKNOWN-ATTRIBUTES (each once, in order of appearance).
     */
    public List<Integer> unknownComprehensionRequired() {
        Set<Integer> types = new LinkedHashSet<>();
        for (StunAttribute a : attributes) {
            if (a instanceof Unknown u && u.comprehensionRequired()) {
                types.add(u.type());
            }
        }
        return List.copyOf(types);
    }

    public int ignoredAfterIntegrity() {
        return ignoredAfterIntegrity;
    }

    public boolean hasMessageIntegrity() {
        return integrityOffset >= 0;
    }

    public boolean hasMessageIntegritySha256() {
        return integritySha256Offset >= 0;
    }

    public boolean hasAnyIntegrity() {
        return hasMessageIntegrity() || hasMessageIntegritySha256();
    }

    /**
     * RFC 8489 §9.2.4: verify MESSAGE-INTEGRITY-SHA256 when present, else MESSAGE-INTEGRITY. False when the
     * message carries neither, or was built rather than parsed.
     */
    public boolean verifyIntegrity(IntegrityKey key) {
        return hasMessageIntegritySha256() ? verifyMessageIntegritySha256(key) : verifyMessageIntegrity(key);
    }

    /** RFC 8489 §14.5: HMAC-SHA1 up to the attribute, length field counting up to its end; constant-time. */
    public boolean verifyMessageIntegrity(IntegrityKey key) {
        if (!hasMessageIntegrity()) {
            return false;
        }
        byte[] expected = Integrity.hmacSha1(key, raw, 0, integrityOffset,
                integrityOffset + 4 + 20 - StunHeader.LENGTH);
        byte[] received = Arrays.copyOfRange(raw, integrityOffset + 4, integrityOffset + 24);
        return MessageDigest.isEqual(expected, received);
    }

    /** RFC 8489 §14.6: HMAC-SHA256, possibly truncated to the attribute's length (16-32 bytes); constant-time. */
    public boolean verifyMessageIntegritySha256(IntegrityKey key) {
        if (!hasMessageIntegritySha256()) {
            return false;
        }
        int length = AttributeCodec.u16(raw, integritySha256Offset + 2);
        byte[] expected = Integrity.hmacSha256(key, raw, 0, integritySha256Offset,
                integritySha256Offset + 4 + length - StunHeader.LENGTH);
        byte[] received = Arrays.copyOfRange(raw, integritySha256Offset + 4, integritySha256Offset + 4 + length);
        return MessageDigest.isEqual(Arrays.copyOf(expected, length), received);
    }

    @Override
    public String toString() {
        return "StunMessage[" + header.messageClass() + " " + header.method().map(Enum::name)
                .orElse(String.format("0x%03X", header.methodCode())) + " " + header.transactionId() + " "
                + attributes + "]";
    }
}
