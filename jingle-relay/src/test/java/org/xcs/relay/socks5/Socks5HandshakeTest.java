package org.xcs.relay.socks5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** RFC 1928 as XEP-0065 §10.2 maps it: what is accepted, how the rest is refused, and that input is bounded. */
class Socks5HandshakeTest {

    static final String ADDRESS = DestinationAddress.of("sid1", "alice@example.test/a", "bob@example.test/b");

    static byte[] connect(int version, int command, int atyp, String address) {
        byte[] name = address.getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new byte[] {5, 1, 0});
        b.writeBytes(new byte[] {(byte) version, (byte) command, 0, (byte) atyp, (byte) name.length});
        b.writeBytes(name);
        b.writeBytes(new byte[] {0, 0});
        return b.toByteArray();
    }

    @Test
    void destinationAddressIsTheHexSha1OfSidRequesterAndTarget() {
        assertEquals(DestinationAddress.LENGTH, ADDRESS.length());
        assertEquals("601ca194a34fecf616f9ce9a40dc0df928125281", ADDRESS); // sha1sum of the concatenation
        assertEquals(DestinationAddress.of("s", "a", "bc"), DestinationAddress.of("s", "ab", "c"),
                "the spec concatenates without separators");
    }

    @Test
    void aNoAuthConnectWithTheHashIsAcceptedAndTheMethodAnswered() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String address = Socks5Handshake.readConnect(new ByteArrayInputStream(connect(5, 1, 3, ADDRESS)), out);
        assertEquals(ADDRESS, address);
        assertArrayEquals(new byte[] {5, 0}, out.toByteArray());
    }

    @Test
    void anUppercaseHashIsTheSameAddress() throws Exception {
        assertEquals(ADDRESS, Socks5Handshake.readConnect(
                new ByteArrayInputStream(connect(5, 1, 3, ADDRESS.toUpperCase())), new ByteArrayOutputStream()));
    }

    @Test
    void theSuccessReplyEchoesTheAddressWithPortZero() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Socks5Handshake.reply(out, Socks5Handshake.REP_SUCCEEDED, ADDRESS);
        byte[] r = out.toByteArray();
        assertEquals(47, r.length);
        assertArrayEquals(new byte[] {5, 0, 0, 3, 40}, java.util.Arrays.copyOf(r, 5));
        assertEquals(ADDRESS, new String(r, 5, 40, StandardCharsets.ISO_8859_1));
        assertEquals(0, r[45]);
        assertEquals(0, r[46]);
    }

    @Test
    void aGreetingWithoutNoAuthIsAnsweredNoAcceptableMethod() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThrows(Socks5Handshake.Refused.class, () -> Socks5Handshake.readConnect(
                new ByteArrayInputStream(new byte[] {5, 2, 1, 2}), out));
        assertArrayEquals(new byte[] {5, (byte) 0xFF}, out.toByteArray());
    }

    @Test
    void aGreetingOfAnotherVersionIsRefusedWithoutAnswer() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThrows(Socks5Handshake.Refused.class, () -> Socks5Handshake.readConnect(
                new ByteArrayInputStream(new byte[] {4, 1, 0, 80, 127, 0, 0, 1, 0}), out));
        assertEquals(0, out.size());
    }

    @Test
    void eachUnsupportedRequestIsRefusedWithItsRfc1928ReplyCode() {
        assertRefusedWith(connect(4, 1, 3, ADDRESS), Socks5Handshake.REP_GENERAL_FAILURE);
        assertRefusedWith(connect(5, 2, 3, ADDRESS), Socks5Handshake.REP_COMMAND_NOT_SUPPORTED); // BIND
        assertRefusedWith(connect(5, 3, 3, ADDRESS), Socks5Handshake.REP_COMMAND_NOT_SUPPORTED); // UDP ASSOCIATE
        assertRefusedWith(connect(5, 1, 1, ADDRESS), Socks5Handshake.REP_ADDRESS_TYPE_NOT_SUPPORTED); // IPv4
        assertRefusedWith(connect(5, 1, 4, ADDRESS), Socks5Handshake.REP_ADDRESS_TYPE_NOT_SUPPORTED); // IPv6
        assertRefusedWith(connect(5, 1, 3, ADDRESS.substring(1)), Socks5Handshake.REP_ADDRESS_TYPE_NOT_SUPPORTED);
        assertRefusedWith(connect(5, 1, 3, ADDRESS + "0"), Socks5Handshake.REP_ADDRESS_TYPE_NOT_SUPPORTED);
        assertRefusedWith(connect(5, 1, 3, "g" + ADDRESS.substring(1)),
                Socks5Handshake.REP_ADDRESS_TYPE_NOT_SUPPORTED);
        assertRefusedWith(connect(5, 1, 3, "example.org"), Socks5Handshake.REP_ADDRESS_TYPE_NOT_SUPPORTED);
    }

    private static void assertRefusedWith(byte[] input, int code) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThrows(Socks5Handshake.Refused.class,
                () -> Socks5Handshake.readConnect(new ByteArrayInputStream(input), out));
        byte[] r = out.toByteArray();
        assertTrue(r.length >= 4, "a method reply then a refusal");
        assertArrayEquals(new byte[] {5, 0, 5, (byte) code}, java.util.Arrays.copyOf(r, 4));
    }

    @Test
    void everyTruncationOfAValidHandshakeIsCutShortNeverAnotherFailure() {
        byte[] whole = connect(5, 1, 3, ADDRESS);
        for (int n = 0; n < whole.length; n++) {
            byte[] prefix = java.util.Arrays.copyOf(whole, n);
            assertThrows(EOFException.class, () -> Socks5Handshake.readConnect(new ByteArrayInputStream(prefix),
                    new ByteArrayOutputStream()), "prefix of " + n);
        }
    }

    @Test
    void randomInputIsRefusedOrCutShortAndNeverReadBeyondTheLongestHandshake() {
        Random random = new Random(65);
        int accepted = 0;
        for (int i = 0; i < 5000; i++) {
            byte[] input = new byte[random.nextInt(700)];
            random.nextBytes(input);
            if (i % 3 == 0 && input.length > 4) { // often a plausible start, to reach the request parser
                input[0] = 5;
                input[1] = 1;
                input[2] = 0;
                input[3] = 5;
            }
            ByteArrayInputStream in = new ByteArrayInputStream(input);
            try {
                Socks5Handshake.readConnect(in, new ByteArrayOutputStream());
                accepted++;
            } catch (Socks5Handshake.Refused | EOFException expected) {
                // the two ways a bad handshake ends
            } catch (Exception e) {
                throw new AssertionError("input " + i + " ended with " + e, e);
            }
            int read = input.length - in.available();
            assertTrue(read <= 2 + 255 + 6 + 255 + 2, "read " + read + " bytes");
        }
        assertEquals(0, accepted, "random bytes happened to form a valid 40-hex-digit CONNECT");
    }
}
