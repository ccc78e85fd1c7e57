package org.xcs.relay.stun;

import java.io.ByteArrayOutputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.xcs.relay.stun.StunAttribute.AdditionalAddressFamily;
import org.xcs.relay.stun.StunAttribute.AlternateDomain;
import org.xcs.relay.stun.StunAttribute.AlternateServer;
import org.xcs.relay.stun.StunAttribute.ChannelNumber;
import org.xcs.relay.stun.StunAttribute.Data;
import org.xcs.relay.stun.StunAttribute.DontFragment;
import org.xcs.relay.stun.StunAttribute.ErrorCode;
import org.xcs.relay.stun.StunAttribute.EvenPort;
import org.xcs.relay.stun.StunAttribute.Fingerprint;
import org.xcs.relay.stun.StunAttribute.Lifetime;
import org.xcs.relay.stun.StunAttribute.MappedAddress;
import org.xcs.relay.stun.StunAttribute.MessageIntegrity;
import org.xcs.relay.stun.StunAttribute.MessageIntegritySha256;
import org.xcs.relay.stun.StunAttribute.Nonce;
import org.xcs.relay.stun.StunAttribute.PasswordAlgorithm;
import org.xcs.relay.stun.StunAttribute.PasswordAlgorithms;
import org.xcs.relay.stun.StunAttribute.Realm;
import org.xcs.relay.stun.StunAttribute.RequestedAddressFamily;
import org.xcs.relay.stun.StunAttribute.RequestedTransport;
import org.xcs.relay.stun.StunAttribute.ReservationToken;
import org.xcs.relay.stun.StunAttribute.Software;
import org.xcs.relay.stun.StunAttribute.Unknown;
import org.xcs.relay.stun.StunAttribute.UnknownAttributes;
import org.xcs.relay.stun.StunAttribute.UserHash;
import org.xcs.relay.stun.StunAttribute.Username;
import org.xcs.relay.stun.StunAttribute.XorMappedAddress;
import org.xcs.relay.stun.StunAttribute.XorPeerAddress;
import org.xcs.relay.stun.StunAttribute.XorRelayedAddress;

/** Attribute values to and from bytes, one RFC layout per type; lengths are checked before anything is read. */
final class AttributeCodec {

    /** RFC 8489 §14.3 says fewer than 509 bytes; RFC 5389 allowed 513, which older clients may still send. */
    static final int MAX_USERNAME_BYTES = 513;
    /** RFC 8489 §14.8-§14.10, §14.14: fewer than 128 characters, at most 763 bytes. */
    static final int MAX_TEXT_BYTES = 763;

    static final int FAMILY_IPV4 = 0x01;
    static final int FAMILY_IPV6 = 0x02;

    private AttributeCodec() {
    }

    static StunAttribute decode(int type, byte[] b, int off, int len, StunHeader header) throws StunParseException {
        return switch (type) {
            case AttributeType.MAPPED_ADDRESS -> new MappedAddress(address(b, off, len, null, header));
            case AttributeType.ALTERNATE_SERVER -> new AlternateServer(address(b, off, len, null, header));
            case AttributeType.XOR_MAPPED_ADDRESS ->
                    new XorMappedAddress(address(b, off, len, header.transactionId(), header));
            case AttributeType.XOR_PEER_ADDRESS ->
                    new XorPeerAddress(address(b, off, len, header.transactionId(), header));
            case AttributeType.XOR_RELAYED_ADDRESS ->
                    new XorRelayedAddress(address(b, off, len, header.transactionId(), header));
            case AttributeType.USERNAME -> new Username(text(b, off, len, MAX_USERNAME_BYTES, header));
            case AttributeType.REALM -> new Realm(text(b, off, len, MAX_TEXT_BYTES, header));
            case AttributeType.NONCE -> new Nonce(text(b, off, len, MAX_TEXT_BYTES, header));
            case AttributeType.SOFTWARE -> new Software(text(b, off, len, MAX_TEXT_BYTES, header));
            case AttributeType.ALTERNATE_DOMAIN -> new AlternateDomain(text(b, off, len, MAX_TEXT_BYTES, header));
            case AttributeType.MESSAGE_INTEGRITY -> {
                requireLength(len == 20, "MESSAGE-INTEGRITY", header);
                yield new MessageIntegrity(Arrays.copyOfRange(b, off, off + len));
            }
            case AttributeType.MESSAGE_INTEGRITY_SHA256 -> {
                requireLength(len >= 16 && len <= 32 && len % 4 == 0, "MESSAGE-INTEGRITY-SHA256", header);
                yield new MessageIntegritySha256(Arrays.copyOfRange(b, off, off + len));
            }
            case AttributeType.FINGERPRINT -> {
                requireLength(len == 4, "FINGERPRINT", header);
                yield new Fingerprint(u32(b, off));
            }
            case AttributeType.ERROR_CODE -> errorCode(b, off, len, header);
            case AttributeType.UNKNOWN_ATTRIBUTES -> {
                requireLength(len % 2 == 0, "UNKNOWN-ATTRIBUTES", header);
                List<Integer> types = new ArrayList<>(len / 2);
                for (int i = 0; i < len; i += 2) {
                    types.add(u16(b, off + i));
                }
                yield new UnknownAttributes(types);
            }
            case AttributeType.LIFETIME -> {
                requireLength(len == 4, "LIFETIME", header);
                yield new Lifetime(u32(b, off));
            }
            case AttributeType.REQUESTED_TRANSPORT -> {
                // RFC 8656 §18.7: protocol, then 24 RFFU bits we ignore.
                requireLength(len == 4, "REQUESTED-TRANSPORT", header);
                yield new RequestedTransport(b[off] & 0xFF);
            }
            case AttributeType.DATA -> new Data(Arrays.copyOfRange(b, off, off + len));
            case AttributeType.CHANNEL_NUMBER -> {
                requireLength(len == 4, "CHANNEL-NUMBER", header);
                yield new ChannelNumber(u16(b, off));
            }
            case AttributeType.EVEN_PORT -> {
                requireLength(len == 1, "EVEN-PORT", header);
                yield new EvenPort((b[off] & 0x80) != 0);
            }
            case AttributeType.DONT_FRAGMENT -> {
                requireLength(len == 0, "DONT-FRAGMENT", header);
                yield new DontFragment();
            }
            case AttributeType.RESERVATION_TOKEN -> {
                requireLength(len == 8, "RESERVATION-TOKEN", header);
                yield new ReservationToken(Arrays.copyOfRange(b, off, off + len));
            }
            case AttributeType.REQUESTED_ADDRESS_FAMILY -> {
                requireLength(len == 4, "REQUESTED-ADDRESS-FAMILY", header);
                yield new RequestedAddressFamily(b[off] & 0xFF);
            }
            case AttributeType.ADDITIONAL_ADDRESS_FAMILY -> {
                requireLength(len == 4, "ADDITIONAL-ADDRESS-FAMILY", header);
                yield new AdditionalAddressFamily(b[off] & 0xFF);
            }
            case AttributeType.PASSWORD_ALGORITHM -> {
                PasswordAlgorithm single = passwordAlgorithm(b, off, len, header);
                int declared = 4 + single.parameters().length;
                requireLength(len == declared || len == padded(declared), "PASSWORD-ALGORITHM", header);
                yield single;
            }
            case AttributeType.PASSWORD_ALGORITHMS -> {
                List<PasswordAlgorithm> list = new ArrayList<>();
                int pos = off;
                int end = off + len;
                while (pos < end) {
                    PasswordAlgorithm one = passwordAlgorithm(b, pos, end - pos, header);
                    int size = padded(4 + one.parameters().length);
                    requireLength(pos + size <= end, "PASSWORD-ALGORITHMS", header);
                    list.add(one);
                    pos += size;
                }
                yield new PasswordAlgorithms(list);
            }
            case AttributeType.USERHASH -> {
                requireLength(len == 32, "USERHASH", header);
                yield new UserHash(Arrays.copyOfRange(b, off, off + len));
            }
            default -> new Unknown(type, Arrays.copyOfRange(b, off, off + len));
        };
    }

    static byte[] encode(StunAttribute attribute, TransactionId tid) {
        if (attribute instanceof StunAttribute.AddressAttribute a) {
            boolean xor = !(a instanceof MappedAddress || a instanceof AlternateServer);
            return address(a.address(), xor ? tid : null);
        }
        if (attribute instanceof StunAttribute.TextAttribute t) {
            return t.value().getBytes(StandardCharsets.UTF_8);
        }
        if (attribute instanceof ErrorCode e) {
            byte[] reason = e.reason().getBytes(StandardCharsets.UTF_8);
            ByteBuffer buf = ByteBuffer.allocate(4 + reason.length);
            buf.putShort((short) 0).put((byte) (e.code() / 100)).put((byte) (e.code() % 100)).put(reason);
            return buf.array();
        }
        if (attribute instanceof UnknownAttributes u) {
            ByteBuffer buf = ByteBuffer.allocate(2 * u.types().size());
            u.types().forEach(t -> buf.putShort(t.shortValue()));
            return buf.array();
        }
        if (attribute instanceof Lifetime l) {
            return ByteBuffer.allocate(4).putInt((int) l.seconds()).array();
        }
        if (attribute instanceof RequestedTransport r) {
            return new byte[] {(byte) r.protocol(), 0, 0, 0};
        }
        if (attribute instanceof Data d) {
            return d.bytes();
        }
        if (attribute instanceof ChannelNumber c) {
            return new byte[] {(byte) (c.channel() >>> 8), (byte) c.channel(), 0, 0};
        }
        if (attribute instanceof EvenPort e) {
            return new byte[] {(byte) (e.reserveNext() ? 0x80 : 0)};
        }
        if (attribute instanceof DontFragment) {
            return new byte[0];
        }
        if (attribute instanceof ReservationToken r) {
            return r.token();
        }
        if (attribute instanceof RequestedAddressFamily f) {
            return new byte[] {(byte) f.family(), 0, 0, 0};
        }
        if (attribute instanceof AdditionalAddressFamily f) {
            return new byte[] {(byte) f.family(), 0, 0, 0};
        }
        if (attribute instanceof PasswordAlgorithm p) {
            return passwordAlgorithm(p, false);
        }
        if (attribute instanceof PasswordAlgorithms list) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            list.algorithms().forEach(p -> out.writeBytes(passwordAlgorithm(p, true)));
            return out.toByteArray();
        }
        if (attribute instanceof UserHash u) {
            return u.hash();
        }
        if (attribute instanceof Unknown u) {
            return u.value();
        }
        if (attribute instanceof MessageIntegrity || attribute instanceof MessageIntegritySha256
                || attribute instanceof Fingerprint) {
            throw new IllegalArgumentException("integrity and fingerprint are computed by the builder, not added");
        }
        throw new IllegalArgumentException("no encoding for " + attribute);
    }

    static int padded(int length) {
        return (length + 3) & ~3;
    }

    static int u16(byte[] b, int off) {
        return ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF);
    }

    static long u32(byte[] b, int off) {
        return ((long) u16(b, off) << 16) | u16(b, off + 2);
    }

    // RFC 8489 §14.1/§14.2: reserved byte, family, port, address; XOR variants xor the port with the cookie's top
    // 16 bits and the address with the cookie (IPv4) or cookie + transaction id (IPv6).
    private static InetSocketAddress address(byte[] b, int off, int len, TransactionId xorWith, StunHeader header)
            throws StunParseException {
        requireLength(len >= 4, "address", header);
        int family = b[off + 1] & 0xFF;
        int port = u16(b, off + 2);
        byte[] ip;
        if (family == FAMILY_IPV4) {
            requireLength(len == 8, "IPv4 address", header);
            ip = Arrays.copyOfRange(b, off + 4, off + 8);
        } else if (family == FAMILY_IPV6) {
            requireLength(len == 20, "IPv6 address", header);
            ip = Arrays.copyOfRange(b, off + 4, off + 20);
        } else {
            throw new StunParseException(StunParseException.Reason.BAD_ATTRIBUTE_VALUE,
                    "unknown address family " + family, header);
        }
        if (xorWith != null) {
            port ^= StunHeader.MAGIC_COOKIE >>> 16;
            xor(ip, xorWith);
        }
        return new InetSocketAddress(literal(ip), port);
    }

    private static byte[] address(InetSocketAddress address, TransactionId xorWith) {
        InetAddress ip = address.getAddress();
        byte[] raw = ip.getAddress();
        int port = address.getPort();
        if (xorWith != null) {
            port ^= StunHeader.MAGIC_COOKIE >>> 16;
            xor(raw, xorWith);
        }
        ByteBuffer buf = ByteBuffer.allocate(4 + raw.length);
        buf.put((byte) 0).put((byte) (raw.length == 4 ? FAMILY_IPV4 : FAMILY_IPV6)).putShort((short) port).put(raw);
        return buf.array();
    }

    private static void xor(byte[] ip, TransactionId tid) {
        for (int i = 0; i < ip.length; i++) {
            int mask = i < 4 ? (StunHeader.MAGIC_COOKIE >>> (24 - 8 * i)) & 0xFF : tid.byteAt(i - 4) & 0xFF;
            ip[i] ^= (byte) mask;
        }
    }

    /**
     * An address object straight from its bytes: no name lookup ever. Sixteen bytes stay an Inet6Address even
     * when IPv4-mapped (InetAddress.getByAddress would silently turn those into IPv4), so the family the client
     * sent is the family we see.
     */
    static InetAddress literal(byte[] ip) {
        try {
            return ip.length == 4 ? Inet4Address.getByAddress(ip) : Inet6Address.getByAddress(null, ip, -1);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes are always an address", e);
        }
    }

    private static String text(byte[] b, int off, int len, int maxBytes, StunHeader header)
            throws StunParseException {
        requireLength(len <= maxBytes, "text attribute", header);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, off, len))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new StunParseException(StunParseException.Reason.BAD_ATTRIBUTE_VALUE, "text is not UTF-8", header);
        }
    }

    // RFC 8489 §14.8: 21 reserved bits, class (3 bits, 3-6), number (0-99), reason phrase.
    private static ErrorCode errorCode(byte[] b, int off, int len, StunHeader header) throws StunParseException {
        requireLength(len >= 4, "ERROR-CODE", header);
        int errorClass = b[off + 2] & 0x07;
        int number = b[off + 3] & 0xFF;
        if (errorClass < 3 || errorClass > 6 || number > 99) {
            throw new StunParseException(StunParseException.Reason.BAD_ATTRIBUTE_VALUE,
                    "error code class " + errorClass + " number " + number, header);
        }
        return new ErrorCode(errorClass * 100 + number, text(b, off + 4, len - 4, MAX_TEXT_BYTES, header));
    }

    private static PasswordAlgorithm passwordAlgorithm(byte[] b, int off, int len, StunHeader header)
            throws StunParseException {
        requireLength(len >= 4, "password algorithm", header);
        int paramLength = u16(b, off + 2);
        requireLength(4 + paramLength <= len, "password algorithm parameters", header);
        return new PasswordAlgorithm(u16(b, off), Arrays.copyOfRange(b, off + 4, off + 4 + paramLength));
    }

    private static byte[] passwordAlgorithm(PasswordAlgorithm p, boolean padToWord) {
        byte[] params = p.parameters();
        int size = padToWord ? padded(4 + params.length) : 4 + params.length;
        return ByteBuffer.allocate(size).putShort((short) p.algorithm()).putShort((short) params.length)
                .put(params).array();
    }

    private static void requireLength(boolean ok, String what, StunHeader header) throws StunParseException {
        if (!ok) {
            throw new StunParseException(StunParseException.Reason.BAD_ATTRIBUTE_VALUE, "bad length for " + what,
                    header);
        }
    }
}
