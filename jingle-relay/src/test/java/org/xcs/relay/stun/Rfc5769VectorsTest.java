package org.xcs.relay.stun;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xcs.relay.stun.StunAttribute.Fingerprint;
import org.xcs.relay.stun.StunAttribute.MessageIntegrity;
import org.xcs.relay.stun.StunAttribute.Nonce;
import org.xcs.relay.stun.StunAttribute.Realm;
import org.xcs.relay.stun.StunAttribute.Software;
import org.xcs.relay.stun.StunAttribute.Unknown;
import org.xcs.relay.stun.StunAttribute.Username;
import org.xcs.relay.stun.StunAttribute.XorMappedAddress;

/** RFC 5769: the published messages parse, verify, and come out of our encoder byte for byte. */
class Rfc5769VectorsTest {

    private static final IntegrityKey SHORT_TERM = IntegrityKey.shortTerm(Rfc5769.SHORT_TERM_PASSWORD);
    private static final TransactionId SAMPLE_ID = TransactionId.of(Rfc5769.hex("b7 e7 a7 01 bc 34 d6 86 fa 87 df ae"));

    @Test
    void sampleRequestParsesWithItsAttributesInOrderAndItsFingerprintChecks() throws Exception {
        StunMessage m = StunMessage.parse(Rfc5769.SAMPLE_REQUEST);

        assertEquals(MessageClass.REQUEST, m.messageClass());
        assertEquals(StunMethod.BINDING, m.method().orElseThrow());
        assertEquals(SAMPLE_ID, m.transactionId());
        assertEquals(new Software("STUN test client"), m.attributes().get(0));
        assertEquals(new Unknown(0x0024, Rfc5769.hex("6e 00 01 ff")), m.attributes().get(1));
        assertEquals(new Unknown(0x8029, Rfc5769.hex("93 2f f9 b1 51 26 3b 36")), m.attributes().get(2));
        // §2.1: the 9-byte username is padded with three spaces, which the receiver ignores.
        assertEquals(new Username("evtj:h6vY"), m.attributes().get(3));
        assertInstanceOf(MessageIntegrity.class, m.attributes().get(4));
        assertEquals(new Fingerprint(0xe57a3bcfL), m.attributes().get(5));
    }

    @Test
    void sampleRequestIntegrityVerifiesWithTheShortTermPasswordOnlyAndHasNoSha256() throws Exception {
        StunMessage m = StunMessage.parse(Rfc5769.SAMPLE_REQUEST);

        assertTrue(m.verifyMessageIntegrity(SHORT_TERM));
        assertTrue(m.verifyIntegrity(SHORT_TERM));
        assertFalse(m.verifyMessageIntegrity(IntegrityKey.shortTerm("VOkJxbRl1RmTxUk/WvJxBu")));
        assertFalse(m.hasMessageIntegritySha256());
    }

    @Test
    void aServerThatIsNoIceAgentWouldAnswerTheSampleRequest420NamingPriority() throws Exception {
        // RFC 8489 §6.3.1: PRIORITY (0x0024) is comprehension-required; ICE-CONTROLLED (0x8029) is optional.
        assertEquals(List.of(0x0024), StunMessage.parse(Rfc5769.SAMPLE_REQUEST).unknownComprehensionRequired());
    }

    @Test
    void sampleIpv4ResponseCarries192_0_2_1Port32853AndVerifies() throws Exception {
        StunMessage m = StunMessage.parse(Rfc5769.SAMPLE_IPV4_RESPONSE);

        assertEquals(MessageClass.SUCCESS_RESPONSE, m.messageClass());
        assertEquals(new Software("test vector"), m.get(Software.class).orElseThrow());
        InetSocketAddress mapped = m.get(XorMappedAddress.class).orElseThrow().address();
        assertEquals(new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 32853), mapped);
        assertInstanceOf(Inet4Address.class, mapped.getAddress());
        assertTrue(m.verifyMessageIntegrity(SHORT_TERM));
        assertEquals(new Fingerprint(0xc07d4c96L), m.get(Fingerprint.class).orElseThrow());
    }

    @Test
    void sampleIpv6ResponseCarriesItsAddressXoredWithCookieAndTransactionIdAndVerifies() throws Exception {
        StunMessage m = StunMessage.parse(Rfc5769.SAMPLE_IPV6_RESPONSE);

        InetSocketAddress mapped = m.get(XorMappedAddress.class).orElseThrow().address();
        assertEquals(InetAddress.getByName("2001:db8:1234:5678:11:2233:4455:6677"), mapped.getAddress());
        assertEquals(32853, mapped.getPort());
        assertTrue(m.verifyMessageIntegrity(SHORT_TERM));
        assertEquals(new Fingerprint(0xc8fb0b4cL), m.get(Fingerprint.class).orElseThrow());
    }

    @Test
    void longTermRequestVerifiesWithMd5OfUsernameRealmPassword() throws Exception {
        StunMessage m = StunMessage.parse(Rfc5769.SAMPLE_LONG_TERM_REQUEST);

        assertEquals(Rfc5769.LONG_TERM_USERNAME, m.get(Username.class).orElseThrow().value());
        assertEquals(Rfc5769.LONG_TERM_NONCE, m.get(Nonce.class).orElseThrow().value());
        assertEquals(Rfc5769.LONG_TERM_REALM, m.get(Realm.class).orElseThrow().value());
        IntegrityKey key = IntegrityKey.longTerm(Rfc5769.LONG_TERM_USERNAME, Rfc5769.LONG_TERM_REALM,
                Rfc5769.LONG_TERM_PASSWORD);
        assertTrue(m.verifyIntegrity(key));
        assertFalse(m.verifyIntegrity(IntegrityKey.longTerm(Rfc5769.LONG_TERM_USERNAME, "example.com",
                Rfc5769.LONG_TERM_PASSWORD)));
        assertFalse(m.verifyIntegrity(IntegrityKey.shortTerm(Rfc5769.LONG_TERM_PASSWORD)));
    }

    @Test
    void sampleRequestReEncodesByteForByteWhenPaddedWithSpacesAsTheRfcDoes() throws Exception {
        assertReEncodes(Rfc5769.SAMPLE_REQUEST, SHORT_TERM, (byte) ' ');
    }

    @Test
    void sampleIpv4ResponseReEncodesByteForByte() throws Exception {
        assertReEncodes(Rfc5769.SAMPLE_IPV4_RESPONSE, SHORT_TERM, (byte) ' ');
    }

    @Test
    void sampleIpv6ResponseReEncodesByteForByte() throws Exception {
        assertReEncodes(Rfc5769.SAMPLE_IPV6_RESPONSE, SHORT_TERM, (byte) ' ');
    }

    @Test
    void longTermRequestReEncodesByteForByteWithZeroPadding() throws Exception {
        assertReEncodes(Rfc5769.SAMPLE_LONG_TERM_REQUEST, IntegrityKey.longTerm(Rfc5769.LONG_TERM_USERNAME,
                Rfc5769.LONG_TERM_REALM, Rfc5769.LONG_TERM_PASSWORD), (byte) 0);
    }

    @Test
    void ourEncodingOfTheIpv4ResponseAttributesMatchesTheRfcXorMappedAddressBytes() {
        byte[] ours = StunMessage.builder(MessageClass.SUCCESS_RESPONSE, StunMethod.BINDING, SAMPLE_ID)
                .add(new XorMappedAddress(new InetSocketAddress(addr("192.0.2.1"), 32853)))
                .encode();
        // RFC 5769 §2.2: 00 20 00 08 00 01 a1 47 e1 12 a6 43
        assertArrayEquals(Rfc5769.hex("00 20 00 08 00 01 a1 47 e1 12 a6 43"),
                java.util.Arrays.copyOfRange(ours, 20, 32));
    }

    private static void assertReEncodes(byte[] vector, IntegrityKey key, byte padding) throws Exception {
        StunMessage parsed = StunMessage.parse(vector);
        StunMessageBuilder b = StunMessage.builder(parsed.header()).padWith(padding).messageIntegrity(key);
        for (StunAttribute a : parsed.attributes()) {
            if (!(a instanceof MessageIntegrity) && !(a instanceof Fingerprint)) {
                b.add(a);
            }
        }
        if (parsed.get(Fingerprint.class).isPresent()) {
            b.fingerprint();
        }
        assertArrayEquals(vector, b.encode());
    }

    private static InetAddress addr(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
