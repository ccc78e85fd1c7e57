package org.xcs.relay.stun;

import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * One decoded attribute. Each record knows its wire type; {@link AttributeCodec} maps values to and from bytes.
 * Byte-carrying records copy on the way in and out, so a message is an immutable value.
 */
public sealed interface StunAttribute {

    int type();

    /** Carriers of a transport address; the XOR variants are xored with the cookie and transaction id on the wire. */
    sealed interface AddressAttribute extends StunAttribute {
        InetSocketAddress address();
    }

    /** UTF-8 text attributes; RFC 8489 §14.3, §14.9, §14.10, §14.14 bound them in bytes. */
    sealed interface TextAttribute extends StunAttribute {
        String value();
    }

    // RFC 8489 §14.1
    record MappedAddress(InetSocketAddress address) implements AddressAttribute {
        public MappedAddress {
            requireResolved(address);
        }

        public int type() {
            return AttributeType.MAPPED_ADDRESS;
        }
    }

    // RFC 8489 §14.2
    record XorMappedAddress(InetSocketAddress address) implements AddressAttribute {
        public XorMappedAddress {
            requireResolved(address);
        }

        public int type() {
            return AttributeType.XOR_MAPPED_ADDRESS;
        }
    }

    // RFC 8656 §18.3
    record XorPeerAddress(InetSocketAddress address) implements AddressAttribute {
        public XorPeerAddress {
            requireResolved(address);
        }

        public int type() {
            return AttributeType.XOR_PEER_ADDRESS;
        }
    }

    // RFC 8656 §18.5
    record XorRelayedAddress(InetSocketAddress address) implements AddressAttribute {
        public XorRelayedAddress {
            requireResolved(address);
        }

        public int type() {
            return AttributeType.XOR_RELAYED_ADDRESS;
        }
    }

    // RFC 8489 §14.15: same encoding as MAPPED-ADDRESS, not xored.
    record AlternateServer(InetSocketAddress address) implements AddressAttribute {
        public AlternateServer {
            requireResolved(address);
        }

        public int type() {
            return AttributeType.ALTERNATE_SERVER;
        }
    }

    // RFC 8489 §14.3
    record Username(String value) implements TextAttribute {
        public Username {
            requireText(value, AttributeCodec.MAX_USERNAME_BYTES);
        }

        public int type() {
            return AttributeType.USERNAME;
        }
    }

    // RFC 8489 §14.9
    record Realm(String value) implements TextAttribute {
        public Realm {
            requireText(value, AttributeCodec.MAX_TEXT_BYTES);
        }

        public int type() {
            return AttributeType.REALM;
        }
    }

    // RFC 8489 §14.10
    record Nonce(String value) implements TextAttribute {
        public Nonce {
            requireText(value, AttributeCodec.MAX_TEXT_BYTES);
        }

        public int type() {
            return AttributeType.NONCE;
        }
    }

    // RFC 8489 §14.14
    record Software(String value) implements TextAttribute {
        public Software {
            requireText(value, AttributeCodec.MAX_TEXT_BYTES);
        }

        public int type() {
            return AttributeType.SOFTWARE;
        }
    }

    // RFC 8489 §14.16
    record AlternateDomain(String value) implements TextAttribute {
        public AlternateDomain {
            requireText(value, AttributeCodec.MAX_TEXT_BYTES);
        }

        public int type() {
            return AttributeType.ALTERNATE_DOMAIN;
        }
    }

    /** RFC 8489 §14.5: as received; the builder computes its own. */
    record MessageIntegrity(byte[] hmac) implements StunAttribute {
        public MessageIntegrity {
            if (hmac.length != 20) {
                throw new IllegalArgumentException("MESSAGE-INTEGRITY is 20 bytes");
            }
            hmac = hmac.clone();
        }

        public byte[] hmac() {
            return hmac.clone();
        }

        public int type() {
            return AttributeType.MESSAGE_INTEGRITY;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof MessageIntegrity m && Arrays.equals(hmac, m.hmac);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(hmac);
        }

        @Override
        public String toString() {
            return "MessageIntegrity[" + HexFormat.of().formatHex(hmac) + "]";
        }
    }

    /** RFC 8489 §14.6: 16 to 32 bytes, a multiple of 4 (truncation allowed). */
    record MessageIntegritySha256(byte[] hmac) implements StunAttribute {
        public MessageIntegritySha256 {
            if (hmac.length < 16 || hmac.length > 32 || hmac.length % 4 != 0) {
                throw new IllegalArgumentException("MESSAGE-INTEGRITY-SHA256 is 16..32 bytes, a multiple of 4");
            }
            hmac = hmac.clone();
        }

        public byte[] hmac() {
            return hmac.clone();
        }

        public int type() {
            return AttributeType.MESSAGE_INTEGRITY_SHA256;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof MessageIntegritySha256 m && Arrays.equals(hmac, m.hmac);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(hmac);
        }

        @Override
        public String toString() {
            return "MessageIntegritySha256[" + HexFormat.of().formatHex(hmac) + "]";
        }
    }

    /** RFC 8489 §14.7: CRC-32 of the message before it, xored with 0x5354554e; unsigned 32 bits. */
    record Fingerprint(long value) implements StunAttribute {
        public int type() {
            return AttributeType.FINGERPRINT;
        }
    }

    /** RFC 8489 §14.8: code 300-699 (class 3-6, number 0-99) and a reason phrase. */
    record ErrorCode(int code, String reason) implements StunAttribute {
        public ErrorCode {
            if (code < 300 || code > 699) {
                throw new IllegalArgumentException("error code out of 300..699: " + code);
            }
            requireText(reason, AttributeCodec.MAX_TEXT_BYTES);
        }

        public int type() {
            return AttributeType.ERROR_CODE;
        }
    }

    /** RFC 8489 §14.13: the comprehension-required types that were not understood. */
    record UnknownAttributes(List<Integer> types) implements StunAttribute {
        public UnknownAttributes {
            types = List.copyOf(types);
            for (int t : types) {
                if (t < 0 || t > 0xFFFF) {
                    throw new IllegalArgumentException("attribute type out of 16 bits: " + t);
                }
            }
        }

        public int type() {
            return AttributeType.UNKNOWN_ATTRIBUTES;
        }
    }

    /** RFC 8656 §18.2: seconds, unsigned 32 bits. */
    record Lifetime(long seconds) implements StunAttribute {
        public Lifetime {
            if (seconds < 0 || seconds > 0xFFFFFFFFL) {
                throw new IllegalArgumentException("lifetime out of 32 bits: " + seconds);
            }
        }

        public int type() {
            return AttributeType.LIFETIME;
        }
    }

    /** RFC 8656 §18.7: an IANA protocol number; 17 is UDP, the only one RFC 8656 allocates. */
    record RequestedTransport(int protocol) implements StunAttribute {
        public static final int UDP = 17;

        public RequestedTransport {
            if (protocol < 0 || protocol > 0xFF) {
                throw new IllegalArgumentException("protocol out of 8 bits: " + protocol);
            }
        }

        public int type() {
            return AttributeType.REQUESTED_TRANSPORT;
        }
    }

    // RFC 8656 §18.4
    record Data(byte[] bytes) implements StunAttribute {
        public Data {
            if (bytes.length > 0xFFFF) {
                throw new IllegalArgumentException("DATA longer than an attribute can carry");
            }
            bytes = bytes.clone();
        }

        public byte[] bytes() {
            return bytes.clone();
        }

        public int length() {
            return bytes.length;
        }

        public int type() {
            return AttributeType.DATA;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Data d && Arrays.equals(bytes, d.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Data[" + bytes.length + " bytes]";
        }
    }

    /** RFC 8656 §18.1: the channel number; range checks (ChannelData.isValidChannel) belong to ChannelBind handling. */
    record ChannelNumber(int channel) implements StunAttribute {
        public ChannelNumber {
            if (channel < 0 || channel > 0xFFFF) {
                throw new IllegalArgumentException("channel out of 16 bits: " + channel);
            }
        }

        public boolean inValidRange() {
            return ChannelData.isValidChannel(channel);
        }

        public int type() {
            return AttributeType.CHANNEL_NUMBER;
        }
    }

    /** RFC 8656 §18.6: R bit asks to reserve the next-higher port too. */
    record EvenPort(boolean reserveNext) implements StunAttribute {
        public int type() {
            return AttributeType.EVEN_PORT;
        }
    }

    // RFC 8656 §18.8: no value.
    record DontFragment() implements StunAttribute {
        public int type() {
            return AttributeType.DONT_FRAGMENT;
        }
    }

    // RFC 8656 §18.9: 8 bytes.
    record ReservationToken(byte[] token) implements StunAttribute {
        public ReservationToken {
            if (token.length != 8) {
                throw new IllegalArgumentException("RESERVATION-TOKEN is 8 bytes");
            }
            token = token.clone();
        }

        public byte[] token() {
            return token.clone();
        }

        public int type() {
            return AttributeType.RESERVATION_TOKEN;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ReservationToken r && Arrays.equals(token, r.token);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(token);
        }

        @Override
        public String toString() {
            return "ReservationToken[" + HexFormat.of().formatHex(token) + "]";
        }
    }

    /**
     * RFC 8656 §18.10. The family byte is kept as received: an unknown value is the TURN layer's 440, not a
     * parse error.
     */
    record RequestedAddressFamily(int family) implements StunAttribute {
        public RequestedAddressFamily {
            requireByte(family);
        }

        public int type() {
            return AttributeType.REQUESTED_ADDRESS_FAMILY;
        }
    }

    /** RFC 8656 §18.11: same layout; only IPv6 (0x02) is meaningful. */
    record AdditionalAddressFamily(int family) implements StunAttribute {
        public AdditionalAddressFamily {
            requireByte(family);
        }

        public int type() {
            return AttributeType.ADDITIONAL_ADDRESS_FAMILY;
        }
    }

    /** RFC 8489 §14.11/§14.12: one algorithm (1 = MD5, 2 = SHA-256) and its parameters. */
    record PasswordAlgorithm(int algorithm, byte[] parameters) implements StunAttribute {
        public static final int MD5 = 0x0001;
        public static final int SHA256 = 0x0002;

        public PasswordAlgorithm {
            if (algorithm < 0 || algorithm > 0xFFFF || parameters.length > 0xFFFF) {
                throw new IllegalArgumentException("password algorithm out of range");
            }
            parameters = parameters.clone();
        }

        public byte[] parameters() {
            return parameters.clone();
        }

        public int type() {
            return AttributeType.PASSWORD_ALGORITHM;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof PasswordAlgorithm p && algorithm == p.algorithm
                    && Arrays.equals(parameters, p.parameters);
        }

        @Override
        public int hashCode() {
            return 31 * algorithm + Arrays.hashCode(parameters);
        }

        @Override
        public String toString() {
            return "PasswordAlgorithm[" + algorithm + ", " + HexFormat.of().formatHex(parameters) + "]";
        }
    }

    // RFC 8489 §14.11
    record PasswordAlgorithms(List<PasswordAlgorithm> algorithms) implements StunAttribute {
        public PasswordAlgorithms {
            algorithms = List.copyOf(algorithms);
        }

        public int type() {
            return AttributeType.PASSWORD_ALGORITHMS;
        }
    }

    // RFC 8489 §14.4: SHA-256 of username ":" realm, 32 bytes.
    record UserHash(byte[] hash) implements StunAttribute {
        public UserHash {
            if (hash.length != 32) {
                throw new IllegalArgumentException("USERHASH is 32 bytes");
            }
            hash = hash.clone();
        }

        public byte[] hash() {
            return hash.clone();
        }

        public int type() {
            return AttributeType.USERHASH;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof UserHash u && Arrays.equals(hash, u.hash);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(hash);
        }

        @Override
        public String toString() {
            return "UserHash[" + HexFormat.of().formatHex(hash) + "]";
        }
    }

    /** Any type we do not decode (ICE's PRIORITY, ...), kept verbatim so a message re-encodes byte for byte. */
    record Unknown(int type, byte[] value) implements StunAttribute {
        public Unknown {
            if (type < 0 || type > 0xFFFF || value.length > 0xFFFF) {
                throw new IllegalArgumentException("attribute out of range");
            }
            value = value.clone();
        }

        public byte[] value() {
            return value.clone();
        }

        public boolean comprehensionRequired() {
            return AttributeType.isComprehensionRequired(type);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Unknown u && type == u.type && Arrays.equals(value, u.value);
        }

        @Override
        public int hashCode() {
            return 31 * type + Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return String.format("Unknown[0x%04X, %s]", type, HexFormat.of().formatHex(value));
        }
    }

    private static void requireResolved(InetSocketAddress address) {
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("a STUN address is an IP address, never a name");
        }
    }

    private static void requireText(String value, int maxBytes) {
        if (value.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            throw new IllegalArgumentException("text longer than " + maxBytes + " bytes");
        }
    }

    private static void requireByte(int value) {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException("family out of 8 bits: " + value);
        }
    }

    static boolean isIpv4(InetSocketAddress address) {
        return address.getAddress() instanceof Inet4Address;
    }
}
