package org.xcs.relay.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** inet_aton's IPv4 spellings and RFC 4291 §2.2's IPv6 text forms; names are never resolved. */
class IpLiteralTest {

    @Test
    void everyInetAtonSpellingOfLoopbackIs127_0_0_1() throws Exception {
        InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        for (String s : List.of("127.0.0.1", "127.1", "127.0.1", "0x7f.1", "0X7F.0.0.1", "0x7f000001",
                "2130706433", "017700000001", "0177.0.0.1", "0177.1", "127.000.000.001", " 127.0.0.1 ")) {
            assertEquals(Optional.of(loopback), IpLiteral.parse(s), s);
        }
    }

    @Test
    void aLeadingZeroIsOctalToInetAtonButDecimalToOthersSoBothReadingsAreOffered() throws Exception {
        assertEquals(List.of(InetAddress.getByName("8.0.0.1"), InetAddress.getByName("10.0.0.1")),
                IpLiteral.readings("010.0.0.1"));
        assertEquals(List.of(InetAddress.getByName("10.0.0.1")), IpLiteral.readings("10.0.0.1"));
    }

    @Test
    void ipv6TextFormsOfRfc4291AllParse() throws Exception {
        InetAddress one = InetAddress.getByName("::1");
        for (String s : List.of("::1", "[::1]", "0:0:0:0:0:0:0:1", "::0:1", "0000::1", "0::0:0001", "::0.0.0.1")) {
            assertEquals(Optional.of(one), IpLiteral.parse(s), s);
        }
        assertEquals(InetAddress.getByName("2001:db8::8:800:200c:417a"),
                IpLiteral.parse("2001:DB8:0:0:8:800:200C:417A").orElseThrow());
        assertEquals(InetAddress.getByName("ff01::101"), IpLiteral.parse("FF01::101").orElseThrow());
        assertEquals(InetAddress.getByName("::"), IpLiteral.parse("::").orElseThrow());
        assertEquals(InetAddress.getByName("1:2:3:4:5:6:7:8"), IpLiteral.parse("1:2:3:4:5:6:7:8").orElseThrow());
        assertEquals(InetAddress.getByName("1:2:3:4:5:6:102:304"),
                IpLiteral.parse("1:2:3:4:5:6:1.2.3.4").orElseThrow());
        assertEquals(InetAddress.getByName("1::102:304"), IpLiteral.parse("1::1.2.3.4").orElseThrow());
    }

    @Test
    void ipv4MappedAndCompatibleSpellingsStayIpv6WithTheIpv4InTheLowBits() {
        for (String s : List.of("::ffff:127.0.0.1", "::ffff:7f00:1", "[::ffff:127.0.0.1]", "0:0:0:0:0:ffff:7f00:1")) {
            InetAddress a = IpLiteral.parse(s).orElseThrow();
            assertInstanceOf(Inet6Address.class, a, s);
            assertEquals("0:0:0:0:0:ffff:7f00:1", a.getHostAddress(), s);
        }
        assertEquals("0:0:0:0:0:0:7f00:1", IpLiteral.parse("::127.0.0.1").orElseThrow().getHostAddress());
    }

    @Test
    void aZoneIndexIsDropped() throws Exception {
        assertEquals(InetAddress.getByName("fe80::1"), IpLiteral.parse("fe80::1%eth0").orElseThrow());
        assertEquals(InetAddress.getByName("fe80::1"), IpLiteral.parse("[fe80::1%25eth0]").orElseThrow());
    }

    @Test
    void namesAndMalformedLiteralsAreNotAddressesAndAreNeverLookedUp() {
        for (String s : List.of("", "localhost", "example.org", "127.0.0.1.nip.io", "1.2.3.4.5", "256.0.0.1",
                "1.2.3.256", "4294967296", "0x", "0x1g", "08.0.0.1", "1..2", ".1.2.3", "1.2.3.", "1::2::3",
                ":::", "1:2:3:4:5:6:7:8:9", "12345::", "::g", "::1.2.3", "::1.2.3.4.5", "::256.1.1.1",
                "[127.0.0.1]", "[::1", "::1]", "1:2:3:4:5:6:7:1.2.3.4", ":1::", "1::2:", "\uff11.2.3.4",
                "\u0661\u0662\u0667.0.0.1")) {
            assertEquals(List.of(), IpLiteral.readings(s), s);
        }
    }

    @Test
    void theMaximaOfEachInetAtonFormAreAcceptedAndOneMoreIsNot() {
        assertTrue(IpLiteral.parse("255.255.255.255").isPresent());
        assertTrue(IpLiteral.parse("255.255.65535").isPresent());
        assertTrue(IpLiteral.parse("255.16777215").isPresent());
        assertTrue(IpLiteral.parse("4294967295").isPresent());
        assertTrue(IpLiteral.parse("255.255.65536").isEmpty());
        assertTrue(IpLiteral.parse("255.16777216").isEmpty());
    }
}
