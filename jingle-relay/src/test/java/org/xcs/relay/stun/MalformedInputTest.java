package org.xcs.relay.stun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.xcs.relay.stun.StunAttribute.Fingerprint;
import org.xcs.relay.stun.StunAttribute.MessageIntegrity;
import org.xcs.relay.stun.StunAttribute.MessageIntegritySha256;

/**
 * Issue 5: "malformed STUN/TURN input never crashes or wedges the server". Seeded mutations of valid messages
 * and plain garbage go through every entry point; the only failure allowed is our StunParseException.
 */
class MalformedInputTest {

    private static final int MUTATIONS = 200_000;
    private static final int GARBAGE = 20_000;
    private static final IntegrityKey KEY = IntegrityKey.shortTerm(Rfc5769.SHORT_TERM_PASSWORD);

    @Test
    void twoHundredThousandMutationsOfValidMessagesYieldAMessageOrOurParseErrorNeverAnythingElse() throws Exception {
        List<byte[]> seeds = seeds();
        Random random = new Random(0x5354554EL);
        int parsed = 0;
        Set<StunParseException.Reason> reasons = EnumSet.noneOf(StunParseException.Reason.class);
        for (int i = 0; i < MUTATIONS; i++) {
            byte[] input = mutate(seeds.get(random.nextInt(seeds.size())), random);
            StunParseException.Reason reason = exercise(input);
            if (reason == null) {
                parsed++;
            } else {
                reasons.add(reason);
            }
        }
        // The mutations must reach past the header: many still parse, and the attribute-level checks fire.
        assertTrue(parsed > MUTATIONS / 20, "only " + parsed + " mutants parsed");
        assertTrue(reasons.containsAll(EnumSet.of(StunParseException.Reason.OVERLONG_ATTRIBUTE,
                StunParseException.Reason.BAD_ATTRIBUTE_VALUE, StunParseException.Reason.BAD_FINGERPRINT,
                StunParseException.Reason.TRUNCATED, StunParseException.Reason.TRAILING_BYTES,
                StunParseException.Reason.BAD_LENGTH, StunParseException.Reason.NOT_STUN)), reasons::toString);
    }

    @Test
    void randomGarbageOfAnyLengthYieldsOurParseErrorNeverAnythingElse() {
        Random random = new Random(7983);
        for (int i = 0; i < GARBAGE; i++) {
            byte[] input = new byte[random.nextInt(i % 10 == 0 ? 2000 : 64)];
            random.nextBytes(input);
            if (random.nextBoolean() && input.length >= 8) {
                // Give half of them a plausible header so the attribute walk is reached.
                input[0] &= 0x3F;
                input[4] = 0x21;
                input[5] = 0x12;
                input[6] = (byte) 0xA4;
                input[7] = 0x42;
                int length = (input.length - 20) & ~3;
                input[2] = (byte) (Math.max(length, 0) >>> 8);
                input[3] = (byte) Math.max(length, 0);
            }
            exercise(input);
        }
    }

    @Test
    void everyPrefixOfEverySeedIsTruncatedOrNotStunNeverACrash() throws Exception {
        for (byte[] seed : seeds()) {
            for (int n = 0; n < seed.length; n++) {
                StunParseException.Reason reason = exercise(Arrays.copyOf(seed, n));
                assertTrue(reason != null, "a strict prefix of " + n + " bytes parsed");
            }
        }
    }

    @Test
    void whateverParsesReEncodesToTheSameAttributes() throws Exception {
        Random random = new Random(8656);
        List<byte[]> seeds = seeds();
        int checked = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] input = mutate(seeds.get(random.nextInt(seeds.size())), random);
            StunMessage m;
            try {
                m = StunMessage.parse(input);
            } catch (StunParseException e) {
                continue;
            }
            List<StunAttribute> plain = new ArrayList<>();
            for (StunAttribute a : m.attributes()) {
                if (!(a instanceof MessageIntegrity || a instanceof MessageIntegritySha256
                        || a instanceof Fingerprint)) {
                    plain.add(a);
                }
            }
            StunMessage again = StunMessage.parse(StunMessage.builder(m.header()).addAll(plain).encode());
            assertEquals(plain, again.attributes(), () -> HexFormat.of().formatHex(input));
            checked++;
        }
        assertTrue(checked > 1000, "only " + checked + " mutants parsed");
    }

    /** Runs every parsing entry point on the input; returns the STUN parse error's reason, or null if it parsed. */
    private static StunParseException.Reason exercise(byte[] input) {
        StunParseException.Reason result = null;
        try {
            StunMessage m = StunMessage.parse(input);
            m.verifyIntegrity(KEY);
            m.verifyMessageIntegrity(KEY);
            m.unknownComprehensionRequired();
            m.toString();
        } catch (StunParseException e) {
            result = e.reason();
            e.deservesBadRequestResponse();
        } catch (RuntimeException | Error e) {
            fail("StunMessage.parse threw " + e + " on " + HexFormat.of().formatHex(input), e);
        }
        try {
            ChannelData.parseDatagram(input, 0, input.length);
        } catch (StunParseException expected) {
            // our error: fine
        } catch (RuntimeException | Error e) {
            fail("ChannelData.parseDatagram threw " + e + " on " + HexFormat.of().formatHex(input), e);
        }
        try {
            int n = StreamFraming.frameLength(input, 0, input.length);
            if (n != StreamFraming.NEED_MORE && n <= input.length && PacketKind.of(input[0]) == PacketKind.CHANNEL_DATA) {
                ChannelData.parseStreamFrame(input, 0, n);
            }
        } catch (StunParseException expected) {
            // our error: fine
        } catch (RuntimeException | Error e) {
            fail("StreamFraming threw " + e + " on " + HexFormat.of().formatHex(input), e);
        }
        return result;
    }

    private static byte[] mutate(byte[] seed, Random random) {
        byte[] m = seed.clone();
        int rounds = 1 + random.nextInt(4);
        for (int r = 0; r < rounds; r++) {
            if (m.length == 0) {
                m = new byte[] {(byte) random.nextInt(256)};
            }
            switch (random.nextInt(8)) {
                case 0 -> m[random.nextInt(m.length)] ^= (byte) (1 << random.nextInt(8));
                case 1 -> m[random.nextInt(m.length)] = (byte) new int[] {0, 0xFF, 0x7F, 0x80, 0x40, 0x01}[
                        random.nextInt(6)];
                case 2 -> m = Arrays.copyOf(m, Math.max(0, m.length - 1 - random.nextInt(Math.min(m.length, 24))));
                case 3 -> {
                    byte[] longer = Arrays.copyOf(m, m.length + 1 + random.nextInt(16));
                    for (int i = m.length; i < longer.length; i++) {
                        longer[i] = (byte) random.nextInt(256);
                    }
                    m = longer;
                }
                case 4 -> {
                    // An attribute length byte (at a 4-aligned position past the header) set to something odd.
                    if (m.length > 24) {
                        int at = 20 + 4 * random.nextInt((m.length - 20) / 4) + 2 + random.nextInt(2);
                        if (at < m.length) {
                            m[at] = (byte) random.nextInt(256);
                        }
                    }
                }
                case 5 -> {
                    if (m.length > 0) {
                        int from = random.nextInt(m.length);
                        int to = Math.min(m.length, from + 1 + random.nextInt(8));
                        byte[] shorter = new byte[m.length - (to - from)];
                        System.arraycopy(m, 0, shorter, 0, from);
                        System.arraycopy(m, to, shorter, from, m.length - to);
                        m = shorter;
                    }
                }
                case 6 -> {
                    // Duplicate a 4-aligned chunk: repeats attributes, shifts the rest.
                    if (m.length > 24) {
                        int from = 20 + 4 * random.nextInt((m.length - 20) / 4);
                        int len = Math.min(m.length - from, 4 * (1 + random.nextInt(4)));
                        byte[] longer = new byte[m.length + len];
                        System.arraycopy(m, 0, longer, 0, from + len);
                        System.arraycopy(m, from, longer, from + len, m.length - from);
                        m = longer;
                    }
                }
                default -> { }
            }
        }
        if (m.length >= 4 && random.nextInt(3) > 0) {
            // Keep the length field honest most of the time, so the attribute walk is exercised.
            int length = m.length - 20;
            if (length >= 0) {
                m[2] = (byte) (length >>> 8);
                m[3] = (byte) length;
            }
        }
        return m;
    }

    private static List<byte[]> seeds() throws Exception {
        TransactionId id = TransactionId.of(RawStun.TID);
        InetSocketAddress v4 = new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 3478);
        InetSocketAddress v6 = new InetSocketAddress(InetAddress.getByName("2001:db8::1"), 3478);
        byte[] allocate = StunMessage.builder(MessageClass.REQUEST, StunMethod.ALLOCATE, id)
                .add(new StunAttribute.RequestedTransport(17))
                .add(new StunAttribute.Lifetime(600))
                .add(new StunAttribute.EvenPort(true))
                .add(new StunAttribute.DontFragment())
                .add(new StunAttribute.RequestedAddressFamily(2))
                .add(new StunAttribute.PasswordAlgorithms(List.of(
                        new StunAttribute.PasswordAlgorithm(1, new byte[0]),
                        new StunAttribute.PasswordAlgorithm(2, new byte[] {1, 2, 3}))))
                .add(new StunAttribute.Username("1700000000:alice@example.org"))
                .add(new StunAttribute.Realm("example.org"))
                .add(new StunAttribute.Nonce("nonce"))
                .messageIntegrity(KEY).messageIntegritySha256(KEY).encode();
        byte[] permission = StunMessage.builder(MessageClass.REQUEST, StunMethod.CREATE_PERMISSION, id)
                .add(new StunAttribute.XorPeerAddress(v4)).add(new StunAttribute.XorPeerAddress(v6))
                .add(new StunAttribute.ChannelNumber(0x4000))
                .add(new StunAttribute.ReservationToken(new byte[8]))
                .add(new StunAttribute.UserHash(new byte[32])).encode();
        byte[] error = StunMessage.builder(MessageClass.ERROR_RESPONSE, StunMethod.ALLOCATE, id)
                .add(new StunAttribute.ErrorCode(420, "Unknown Attribute"))
                .add(new StunAttribute.UnknownAttributes(List.of(1, 2, 3)))
                .add(new StunAttribute.AlternateServer(v6))
                .add(new StunAttribute.MappedAddress(v4))
                .add(new StunAttribute.XorRelayedAddress(v6)).encode();
        byte[] send = StunMessage.builder(MessageClass.INDICATION, StunMethod.SEND, id)
                .add(new StunAttribute.XorPeerAddress(v4)).add(new StunAttribute.Data(new byte[] {1, 2, 3}))
                .fingerprint().encode();
        byte[] channel = new ChannelData(0x4000, new byte[] {1, 2, 3, 4, 5, 6}).encode(true);
        return List.of(Rfc5769.SAMPLE_REQUEST, Rfc5769.SAMPLE_IPV4_RESPONSE, Rfc5769.SAMPLE_IPV6_RESPONSE,
                Rfc5769.SAMPLE_LONG_TERM_REQUEST, allocate, permission, error, send, channel);
    }
}
