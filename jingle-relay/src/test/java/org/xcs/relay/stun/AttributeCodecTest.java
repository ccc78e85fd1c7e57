package org.xcs.relay.stun;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xcs.relay.stun.StunAttribute.AdditionalAddressFamily;
import org.xcs.relay.stun.StunAttribute.AlternateDomain;
import org.xcs.relay.stun.StunAttribute.AlternateServer;
import org.xcs.relay.stun.StunAttribute.ChannelNumber;
import org.xcs.relay.stun.StunAttribute.Data;
import org.xcs.relay.stun.StunAttribute.DontFragment;
import org.xcs.relay.stun.StunAttribute.ErrorCode;
import org.xcs.relay.stun.StunAttribute.EvenPort;
import org.xcs.relay.stun.StunAttribute.Lifetime;
import org.xcs.relay.stun.StunAttribute.MappedAddress;
import org.xcs.relay.stun.StunAttribute.Nonce;
import org.xcs.relay.stun.StunAttribute.PasswordAlgorithm;
import org.xcs.relay.stun.StunAttribute.PasswordAlgorithms;
import org.xcs.relay.stun.StunAttribute.Realm;
import org.xcs.relay.stun.StunAttribute.RequestedAddressFamily;
import org.xcs.relay.stun.StunAttribute.RequestedTransport;
import org.xcs.relay.stun.StunAttribute.ReservationToken;
import org.xcs.relay.stun.StunAttribute.Software;
import org.xcs.relay.stun.StunAttribute.UnknownAttributes;
import org.xcs.relay.stun.StunAttribute.UserHash;
import org.xcs.relay.stun.StunAttribute.Username;
import org.xcs.relay.stun.StunAttribute.XorMappedAddress;
import org.xcs.relay.stun.StunAttribute.XorPeerAddress;
import org.xcs.relay.stun.StunAttribute.XorRelayedAddress;
import org.xcs.relay.stun.StunParseException.Reason;

/** Each attribute's RFC layout, both ways, and the values a receiver refuses. */
class AttributeCodecTest {

    private static final TransactionId ID = TransactionId.of(RawStun.TID);

    @Test
    void everyAttributeWeKnowSurvivesEncodingAndParsingInOrder() throws Exception {
        List<StunAttribute> all = List.of(
                new MappedAddress(sock("192.0.2.1", 3478)),
                new XorMappedAddress(sock("2001:db8::1", 65535)),
                new XorPeerAddress(sock("198.51.100.7", 0)),
                new XorPeerAddress(sock("2001:db8::2", 9)),
                new XorRelayedAddress(sock("203.0.113.9", 50000)),
                new AlternateServer(sock("2001:db8::3", 3478)),
                new Username("1700000000:alice@example.org"),
                new Realm("example.org"),
                new Nonce("abc"),
                new Software("xcs-relay \u00e9"),
                new AlternateDomain("turn.example.org"),
                new ErrorCode(438, "Stale Nonce"),
                new UnknownAttributes(List.of(0x0024, 0x7777, 0x0001)),
                new Lifetime(0xFFFFFFFFL),
                new RequestedTransport(RequestedTransport.UDP),
                new Data(new byte[] {1, 2, 3, 4, 5}),
                new Data(new byte[0]),
                new ChannelNumber(0x4001),
                new EvenPort(true),
                new EvenPort(false),
                new DontFragment(),
                new ReservationToken(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}),
                new RequestedAddressFamily(0x02),
                new AdditionalAddressFamily(0x02),
                new PasswordAlgorithm(PasswordAlgorithm.SHA256, new byte[0]),
                new PasswordAlgorithms(List.of(new PasswordAlgorithm(PasswordAlgorithm.MD5, new byte[0]),
                        new PasswordAlgorithm(9, new byte[] {7, 7, 7}),
                        new PasswordAlgorithm(PasswordAlgorithm.SHA256, new byte[0]))),
                new UserHash(new byte[32]));
        byte[] bytes = StunMessage.builder(MessageClass.REQUEST, StunMethod.ALLOCATE, ID).addAll(all).encode();

        assertEquals(all, StunMessage.parse(bytes).attributes());
    }

    @Test
    void xorAddressesAreXoredOnTheWireButMappedAddressAndAlternateServerAreNot() {
        byte[] xor = value(new XorPeerAddress(sock("192.0.2.1", 32853)));
        byte[] plain = value(new MappedAddress(sock("192.0.2.1", 32853)));
        byte[] alternate = value(new AlternateServer(sock("192.0.2.1", 32853)));

        // RFC 8489 §14.2: port ^ 0x2112, address ^ 0x2112A442.
        assertArrayEquals(Rfc5769.hex("00 01 a1 47 e1 12 a6 43"), xor);
        assertArrayEquals(Rfc5769.hex("00 01 80 55 c0 00 02 01"), plain);
        assertArrayEquals(plain, alternate);
    }

    @Test
    void anIpv6XorAddressUsesTheTransactionIdForItsLast12Bytes() {
        byte[] v = value(new XorRelayedAddress(sock("::", 0)));
        assertArrayEquals(Rfc5769.hex("00 02 21 12 21 12 a4 42 01 02 03 04 05 06 07 08 09 0a 0b 0c"), v);
    }

    @Test
    void anIpv4MappedIpv6PeerStaysIpv6SoTheFamilyTheClientSentIsTheFamilyWeSee() throws Exception {
        byte[] raw = RawStun.message(0x0008, RawStun.tlv(AttributeType.MAPPED_ADDRESS,
                Rfc5769.hex("00 02 0d 96 00 00 00 00 00 00 00 00 00 00 ff ff 7f 00 00 01")));
        InetSocketAddress a = StunMessage.parse(raw).get(MappedAddress.class).orElseThrow().address();
        assertInstanceOf(Inet6Address.class, a.getAddress());
        assertEquals("0:0:0:0:0:ffff:7f00:1", a.getAddress().getHostAddress());
    }

    @Test
    void errorCodeCarriesClassAndNumberSeparately() {
        // RFC 8489 §14.8: 420 is class 4, number 20.
        assertArrayEquals(Rfc5769.hex("00 00 04 14 55 6e 6b 6e 6f 77 6e"), value(new ErrorCode(420, "Unknown")));
    }

    @Test
    void requestedTransportUdpIsProtocol17FollowedByThreeReservedBytes() {
        assertArrayEquals(Rfc5769.hex("11 00 00 00"), value(new RequestedTransport(17)));
    }

    @Test
    void channelNumberIsFollowedByTwoReservedBytesAndEvenPortIsOneByteWithTheRBitOnTop() {
        assertArrayEquals(Rfc5769.hex("40 00 00 00"), value(new ChannelNumber(0x4000)));
        assertArrayEquals(Rfc5769.hex("80"), value(new EvenPort(true)));
    }

    @Test
    void attributesArePaddedToFourBytesAndTheLengthFieldCountsOnlyTheValue() {
        byte[] m = StunMessage.builder(MessageClass.REQUEST, StunMethod.ALLOCATE, ID)
                .add(new Username("abcde")).encode();
        assertArrayEquals(Rfc5769.hex("00 06 00 05 61 62 63 64 65 00 00 00"), Arrays.copyOfRange(m, 20, 32));
        assertEquals(12, ((m[2] & 0xFF) << 8) | (m[3] & 0xFF));
    }

    @Test
    void valuesOfTheWrongSizeForTheirTypeAreRefused() {
        int[][] cases = {
            {AttributeType.XOR_PEER_ADDRESS, 12}, {AttributeType.MAPPED_ADDRESS, 4}, {AttributeType.LIFETIME, 8},
            {AttributeType.REQUESTED_TRANSPORT, 2}, {AttributeType.CHANNEL_NUMBER, 2}, {AttributeType.EVEN_PORT, 4},
            {AttributeType.DONT_FRAGMENT, 4}, {AttributeType.RESERVATION_TOKEN, 4},
            {AttributeType.REQUESTED_ADDRESS_FAMILY, 1}, {AttributeType.MESSAGE_INTEGRITY, 16},
            {AttributeType.MESSAGE_INTEGRITY_SHA256, 12}, {AttributeType.MESSAGE_INTEGRITY_SHA256, 36},
            {AttributeType.MESSAGE_INTEGRITY_SHA256, 18}, {AttributeType.FINGERPRINT, 8},
            {AttributeType.ERROR_CODE, 3}, {AttributeType.UNKNOWN_ATTRIBUTES, 3}, {AttributeType.USERHASH, 16},
            {AttributeType.PASSWORD_ALGORITHM, 2},
        };
        for (int[] c : cases) {
            byte[] raw = RawStun.message(0x0001, RawStun.tlv(c[0], new byte[c[1]]));
            StunParseException e = assertThrows(StunParseException.class, () -> StunMessage.parse(raw),
                    String.format("type 0x%04X length %d", c[0], c[1]));
            assertEquals(Reason.BAD_ATTRIBUTE_VALUE, e.reason());
        }
    }

    @Test
    void anAddressFamilyOtherThanOneOrTwoIsRefused() {
        byte[] raw = RawStun.message(0x0001, RawStun.tlv(AttributeType.XOR_PEER_ADDRESS,
                Rfc5769.hex("00 03 12 34 01 02 03 04")));
        assertEquals(Reason.BAD_ATTRIBUTE_VALUE, assertThrows(StunParseException.class,
                () -> StunMessage.parse(raw)).reason());
    }

    @Test
    void errorCodeClassOutside3To6OrNumberAbove99IsRefused() {
        for (String v : List.of("00 00 02 00", "00 00 07 00", "00 00 04 64")) {
            byte[] raw = RawStun.message(0x0111, RawStun.tlv(AttributeType.ERROR_CODE, Rfc5769.hex(v)));
            assertThrows(StunParseException.class, () -> StunMessage.parse(raw), v);
        }
    }

    @Test
    void textThatIsNotUtf8OrLongerThanTheRfcBoundIsRefused() {
        byte[] badUtf8 = RawStun.message(0x0001, RawStun.tlv(AttributeType.USERNAME, Rfc5769.hex("c3 28")));
        byte[] longRealm = RawStun.message(0x0001, RawStun.tlv(AttributeType.REALM, new byte[764]));
        byte[] longUser = RawStun.message(0x0001, RawStun.tlv(AttributeType.USERNAME, new byte[514]));
        for (byte[] raw : List.of(badUtf8, longRealm, longUser)) {
            assertEquals(Reason.BAD_ATTRIBUTE_VALUE,
                    assertThrows(StunParseException.class, () -> StunMessage.parse(raw)).reason());
        }
    }

    @Test
    void requestedAddressFamilyKeepsAnUnknownFamilyForTheServerToAnswer440() throws Exception {
        byte[] raw = RawStun.message(0x0003, RawStun.tlv(AttributeType.REQUESTED_ADDRESS_FAMILY,
                Rfc5769.hex("07 00 00 00")));
        assertEquals(7, StunMessage.parse(raw).get(RequestedAddressFamily.class).orElseThrow().family());
    }

    @Test
    void passwordAlgorithmsEntriesArePaddedEachToFourBytes() throws Exception {
        byte[] value = Rfc5769.hex("00 09 00 03 07 07 07 00 00 02 00 00");
        byte[] raw = RawStun.message(0x0001, RawStun.tlv(AttributeType.PASSWORD_ALGORITHMS, value));
        assertEquals(new PasswordAlgorithms(List.of(new PasswordAlgorithm(9, new byte[] {7, 7, 7}),
                        new PasswordAlgorithm(PasswordAlgorithm.SHA256, new byte[0]))),
                StunMessage.parse(raw).get(PasswordAlgorithms.class).orElseThrow());
        byte[] overlong = RawStun.message(0x0001, RawStun.tlv(AttributeType.PASSWORD_ALGORITHMS,
                Rfc5769.hex("00 09 00 09 07 07 07 00")));
        assertThrows(StunParseException.class, () -> StunMessage.parse(overlong));
    }

    @Test
    void theBuilderRefusesIntegrityOrFingerprintAddedByHand() {
        StunMessageBuilder b = StunMessage.builder(MessageClass.REQUEST, StunMethod.BINDING, ID);
        assertThrows(IllegalArgumentException.class, () -> b.add(new StunAttribute.Fingerprint(1)));
        assertThrows(IllegalArgumentException.class,
                () -> b.add(new StunAttribute.MessageIntegrity(new byte[20])));
    }

    @Test
    void aMessageLargerThanTheSixteenBitLengthIsRefusedByTheBuilder() {
        StunMessageBuilder b = StunMessage.builder(MessageClass.INDICATION, StunMethod.DATA, ID)
                .add(new Data(new byte[65000])).add(new Data(new byte[1000]));
        assertThrows(IllegalStateException.class, b::encode);
    }

    private static byte[] value(StunAttribute a) {
        byte[] m = StunMessage.builder(MessageClass.REQUEST, StunMethod.BINDING, ID).add(a).encode();
        int length = ((m[22] & 0xFF) << 8) | (m[23] & 0xFF);
        return Arrays.copyOfRange(m, 24, 24 + length);
    }

    private static InetSocketAddress sock(String literal, int port) {
        try {
            return new InetSocketAddress(InetAddress.getByName(literal), port);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
