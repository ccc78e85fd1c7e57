package org.xcs.relay.stun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xcs.relay.stun.StunAttribute.Fingerprint;
import org.xcs.relay.stun.StunAttribute.MessageIntegrity;
import org.xcs.relay.stun.StunAttribute.MessageIntegritySha256;
import org.xcs.relay.stun.StunAttribute.Realm;
import org.xcs.relay.stun.StunAttribute.Software;
import org.xcs.relay.stun.StunAttribute.Unknown;
import org.xcs.relay.stun.StunAttribute.Username;
import org.xcs.relay.stun.StunParseException.Reason;

/** RFC 8489 §5, §6.3, §14: header checks, framing of attributes, and the order of the integrity attributes. */
class MessageStructureTest {

    private static final TransactionId ID = TransactionId.of(RawStun.TID);
    private static final IntegrityKey KEY = IntegrityKey.longTerm("1700000000:alice@example.org", "example.org",
            "secret");

    @Test
    void lessThanAHeaderIsTruncated() {
        assertEquals(Reason.TRUNCATED, reason(new byte[19]));
        assertEquals(Reason.TRUNCATED, reason(new byte[0]));
    }

    @Test
    void topTwoBitsSetMeansNotStun() {
        byte[] m = RawStun.message(0x0001);
        m[0] = 0x40;
        assertEquals(Reason.NOT_STUN, reason(m));
    }

    @Test
    void aMessageWithoutTheMagicCookieIsNotStun() {
        // An RFC 3489 client's message: no cookie, so not ours (RFC 8489 §6.3 requires it).
        byte[] m = RawStun.message(0x0001);
        m[4] = 0;
        StunParseException e = assertThrows(StunParseException.class, () -> StunMessage.parse(m));
        assertEquals(Reason.NOT_STUN, e.reason());
        assertFalse(e.deservesBadRequestResponse());
    }

    @Test
    void aLengthFieldThatIsNotAMultipleOfFourIsRefusedButTheRequestIsStillAnswerable() {
        StunParseException e = assertThrows(StunParseException.class,
                () -> StunMessage.parse(RawStun.withLength(0x0001, 6, new byte[6])));
        assertEquals(Reason.BAD_LENGTH, e.reason());
        assertTrue(e.deservesBadRequestResponse());
        assertEquals(ID, e.header().orElseThrow().transactionId());
    }

    @Test
    void aLengthFieldBeyondTheDatagramIsTruncatedAndShorterThanTheDatagramIsTrailingBytes() {
        assertEquals(Reason.TRUNCATED, reason(RawStun.withLength(0x0001, 8, new byte[4])));
        assertEquals(Reason.TRAILING_BYTES, reason(RawStun.withLength(0x0001, 4, new byte[8])));
    }

    @Test
    void anAttributeRunningPastTheMessageIsOverlong() {
        byte[] m = RawStun.message(0x0001, RawStun.tlv(AttributeType.USERNAME, 200, new byte[8]));
        assertEquals(Reason.OVERLONG_ATTRIBUTE, reason(m));
    }

    @Test
    void aLastAttributeMissingItsPaddingIsOverlongEvenWhenTheLengthFieldIsAMultipleOfFour() {
        // USERNAME of 5 bytes followed by only 3 more bytes instead of padding + next attribute header.
        byte[] body = Rfc5769.hex("00 06 00 05 61 62 63 64 65 00 00 00 80 22 00 05 61 62 63 64");
        assertEquals(Reason.OVERLONG_ATTRIBUTE, reason(RawStun.withLength(0x0001, body.length, body)));
    }

    @Test
    void paddingBytesMayBeAnyValueAndAreIgnored() throws Exception {
        byte[] m = RawStun.message(0x0001, RawStun.tlv(AttributeType.USERNAME, 5,
                Rfc5769.hex("61 62 63 64 65 ff ee dd")));
        assertEquals(new Username("abcde"), StunMessage.parse(m).get(Username.class).orElseThrow());
    }

    @Test
    void fingerprintIsCrc32XoredWith0x5354554eAndAWrongOneIsDiscardedNotAnswered() throws Exception {
        byte[] m = StunMessage.builder(MessageClass.REQUEST, StunMethod.BINDING, ID).fingerprint().encode();
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(m, 0, m.length - 8);
        assertEquals(new Fingerprint(crc.getValue() ^ 0x5354554EL),
                StunMessage.parse(m).get(Fingerprint.class).orElseThrow());

        m[m.length - 1] ^= 1;
        StunParseException e = assertThrows(StunParseException.class, () -> StunMessage.parse(m));
        assertEquals(Reason.BAD_FINGERPRINT, e.reason());
        assertFalse(e.deservesBadRequestResponse());
    }

    @Test
    void anythingAfterFingerprintIsRefused() {
        byte[] signed = StunMessage.builder(MessageClass.REQUEST, StunMethod.BINDING, ID).fingerprint().encode();
        byte[] body = concat(Arrays.copyOfRange(signed, 20, signed.length),
                RawStun.tlv(AttributeType.SOFTWARE, "x".getBytes()));
        // Keep the CRC honest for the new length so only the order is at fault.
        byte[] m = RawStun.withLength(0x0001, body.length, body);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(m, 0, 20);
        long value = crc.getValue() ^ 0x5354554EL;
        m[24] = (byte) (value >>> 24);
        m[25] = (byte) (value >>> 16);
        m[26] = (byte) (value >>> 8);
        m[27] = (byte) value;
        assertEquals(Reason.ATTRIBUTE_AFTER_FINGERPRINT, reason(m));
    }

    @Test
    void integrityIsComputedWithTheLengthEndingAtMessageIntegritySoFingerprintAfterItDoesNotDisturbIt()
            throws Exception {
        byte[] m = StunMessage.builder(MessageClass.REQUEST, StunMethod.ALLOCATE, ID)
                .add(new Username("1700000000:alice@example.org")).add(new Realm("example.org"))
                .messageIntegrity(KEY).fingerprint().encode();
        StunMessage parsed = StunMessage.parse(m);

        assertTrue(parsed.verifyMessageIntegrity(KEY));
        assertFalse(parsed.verifyMessageIntegrity(IntegrityKey.longTerm("1700000000:alice@example.org",
                "example.org", "guess")));
    }

    @Test
    void messageIntegritySha256FollowsMessageIntegrityAndCoversItAndVerificationPrefersIt() throws Exception {
        IntegrityKey other = IntegrityKey.shortTerm("other");
        byte[] m = StunMessage.builder(MessageClass.REQUEST, StunMethod.ALLOCATE, ID)
                .messageIntegrity(other).messageIntegritySha256(KEY).fingerprint().encode();
        StunMessage parsed = StunMessage.parse(m);

        assertEquals(List.of(MessageIntegrity.class, MessageIntegritySha256.class, Fingerprint.class),
                parsed.attributes().stream().map(Object::getClass).toList());
        assertTrue(parsed.verifyMessageIntegritySha256(KEY));
        assertTrue(parsed.verifyMessageIntegrity(other));
        // RFC 8489 §9.2.4: when both are present, the SHA-256 one decides.
        assertTrue(parsed.verifyIntegrity(KEY));
        assertFalse(parsed.verifyIntegrity(other));
    }

    @Test
    void aTruncatedSha256IntegrityOf16BytesVerifiesOnItsPrefix() throws Exception {
        // Build a full one, then cut the value to 16 bytes and recompute it the way a truncating sender would.
        byte[] body = RawStun.tlv(AttributeType.MESSAGE_INTEGRITY_SHA256, new byte[16]);
        byte[] m = RawStun.withLength(0x0003, body.length, body);
        byte[] mac = Integrity.hmacSha256(KEY, m, 0, 20, 20);
        System.arraycopy(mac, 0, m, 24, 16);

        StunMessage parsed = StunMessage.parse(m);
        assertTrue(parsed.verifyIntegrity(KEY));
        m[30] ^= 1;
        assertFalse(StunMessage.parse(m).verifyIntegrity(KEY));
    }

    @Test
    void attributesAfterMessageIntegrityAreIgnoredExceptSha256AndFingerprint() throws Exception {
        byte[] signed = StunMessage.builder(MessageClass.REQUEST, StunMethod.ALLOCATE, ID)
                .add(new Username("u")).messageIntegrity(KEY).encode();
        byte[] body = concat(Arrays.copyOfRange(signed, 20, signed.length),
                RawStun.tlv(AttributeType.SOFTWARE, "late".getBytes()),
                RawStun.tlv(0x0031, new byte[4]),
                RawStun.tlv(AttributeType.MESSAGE_INTEGRITY, new byte[20]));
        StunMessage parsed = StunMessage.parse(RawStun.withLength(0x0003, body.length, body));

        assertEquals(3, parsed.ignoredAfterIntegrity());
        assertEquals(List.of(new Username("u")), parsed.getAll(Username.class));
        assertTrue(parsed.get(Software.class).isEmpty());
        // An unknown comprehension-required attribute that is ignored does not earn a 420.
        assertEquals(List.of(), parsed.unknownComprehensionRequired());
        assertTrue(parsed.verifyMessageIntegrity(KEY));
    }

    @Test
    void unknownComprehensionRequiredTypesAreListedOnceEachAndOptionalOnesNever() throws Exception {
        byte[] m = RawStun.message(0x0003, RawStun.tlv(0x7FFF, new byte[1]), RawStun.tlv(0xC001, new byte[0]),
                RawStun.tlv(0x0031, new byte[2]), RawStun.tlv(0x7FFF, new byte[0]));
        StunMessage parsed = StunMessage.parse(m);

        assertEquals(List.of(0x7FFF, 0x0031), parsed.unknownComprehensionRequired());
        assertEquals(new Unknown(0xC001, new byte[0]), parsed.attributes().get(1));
    }

    @Test
    void aParsedMessageOwnsItsBytesSoLaterChangesToTheBufferDoNotAlterVerification() throws Exception {
        byte[] m = StunMessage.builder(MessageClass.REQUEST, StunMethod.ALLOCATE, ID)
                .add(new Username("u")).messageIntegrity(KEY).encode();
        StunMessage parsed = StunMessage.parse(m);
        Arrays.fill(m, (byte) 0);
        assertTrue(parsed.verifyMessageIntegrity(KEY));
    }

    @Test
    void parsingAtAnOffsetInsideALargerBufferReadsOnlyThatRange() throws Exception {
        byte[] m = StunMessage.builder(MessageClass.REQUEST, StunMethod.BINDING, ID).fingerprint().encode();
        byte[] buf = concat(new byte[7], m, new byte[5]);
        assertEquals(ID, StunMessage.parse(buf, 7, m.length).transactionId());
    }

    @Test
    void aResponseKeepsTheRequestsMethodAndTransactionId() throws Exception {
        StunMessage request = StunMessage.parse(Rfc5769.SAMPLE_REQUEST);
        StunMessage error = StunMessage.parse(request.response(MessageClass.ERROR_RESPONSE)
                .add(StunError.UNKNOWN_ATTRIBUTE.attribute())
                .add(new StunAttribute.UnknownAttributes(request.unknownComprehensionRequired()))
                .encode());

        assertEquals(request.transactionId(), error.transactionId());
        assertEquals(StunMethod.BINDING, error.method().orElseThrow());
        assertEquals(new StunAttribute.ErrorCode(420, "Unknown Attribute"),
                error.get(StunAttribute.ErrorCode.class).orElseThrow());
    }

    private static Reason reason(byte[] m) {
        return assertThrows(StunParseException.class, () -> StunMessage.parse(m)).reason();
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
