package org.xcs.relay.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 5: peers in loopback, unspecified, private, link-local, CGNAT, multicast and documentation ranges, "in
 * every IPv4/IPv6/mapped spelling", are refused (403, RFC 8656 §9.1) unless the admin allows a range.
 */
class PeerAddressPolicyTest {

    private final PeerAddressPolicy defaults = new PeerAddressPolicy(List.of());

    @Test
    void eachSpecialPurposeIpv4RangeIsRefusedByDefaultWithItsName() {
        Map<String, String> cases = Map.ofEntries(
                Map.entry("0.0.0.0", "unspecified"), Map.entry("0.1.2.3", "this network"),
                Map.entry("10.1.2.3", "private"), Map.entry("172.16.0.1", "private"),
                Map.entry("172.31.255.254", "private"), Map.entry("192.168.1.1", "private"),
                Map.entry("100.64.0.1", "CGNAT shared"), Map.entry("100.127.255.254", "CGNAT shared"),
                Map.entry("127.0.0.1", "loopback"), Map.entry("127.255.255.254", "loopback"),
                Map.entry("169.254.1.1", "link-local"), Map.entry("192.0.0.170", "IETF protocol assignments"),
                Map.entry("192.0.2.1", "documentation"), Map.entry("198.51.100.7", "documentation"),
                Map.entry("203.0.113.9", "documentation"), Map.entry("198.18.0.1", "benchmarking"),
                Map.entry("198.19.255.254", "benchmarking"), Map.entry("224.0.0.1", "multicast"),
                Map.entry("239.255.255.250", "multicast"), Map.entry("240.0.0.1", "reserved"),
                Map.entry("255.255.255.255", "broadcast"), Map.entry("192.88.99.1", "6to4 relay anycast"));
        cases.forEach((peer, category) -> {
            PeerVerdict.Denied d = assertInstanceOf(PeerVerdict.Denied.class, defaults.judge(peer), peer);
            assertEquals(category, d.category(), peer);
        });
    }

    @Test
    void eachSpecialPurposeIpv6RangeIsRefusedByDefaultWithItsName() {
        Map<String, String> cases = Map.ofEntries(
                Map.entry("::", "unspecified"), Map.entry("::1", "loopback"), Map.entry("fc00::1", "unique local"),
                Map.entry("fd12:3456::1", "unique local"), Map.entry("fe80::1", "link-local"),
                Map.entry("febf::1", "link-local"), Map.entry("fec0::1", "site-local"),
                Map.entry("ff02::1", "multicast"), Map.entry("ff0e::1", "multicast"),
                Map.entry("2001:db8::1", "documentation"), Map.entry("3fff::1", "documentation"),
                Map.entry("100::1", "discard-only"), Map.entry("2001:2::1", "benchmarking"),
                Map.entry("64:ff9b:1::1", "local-use NAT64"), Map.entry("::2:0:0:1", "not global unicast"),
                Map.entry("4000::1", "not global unicast"));
        cases.forEach((peer, category) -> {
            PeerVerdict.Denied d = assertInstanceOf(PeerVerdict.Denied.class, defaults.judge(peer), peer);
            assertEquals(category, d.category(), peer);
        });
    }

    @Test
    void loopbackIsRefusedInEverySpellingAClientOrResolverMightUse() {
        for (String s : List.of("127.0.0.1", "127.1", "127.0.1", "0x7f.1", "0x7f000001", "2130706433",
                "017700000001", "0177.0.0.1", "127.000.000.001", "::ffff:127.0.0.1", "::ffff:7f00:1",
                "[::ffff:127.0.0.1]", "::127.0.0.1", "::1", "[::1]", "0:0:0:0:0:0:0:1", "::0:1",
                "64:ff9b::127.0.0.1", "64:ff9b::7f00:1", "2002:7f00:1::1", "2001:0:4136:e378:8000:63bf:80ff:fffe")) {
            PeerVerdict v = defaults.judge(s);
            assertFalse(v.permitted(), s);
            assertTrue(((PeerVerdict.Denied) v).category().startsWith("loopback"), s + " -> " + v);
        }
    }

    @Test
    void anIpv4MappedPeerIsJudgedAsItsIpv4AddressWhetherJavaKeptItIpv6OrNot() throws Exception {
        InetAddress asJavaParsesIt = InetAddress.getByName("::ffff:10.0.0.1");
        InetAddress asTheCodecKeepsIt = IpLiteral.parse("::ffff:10.0.0.1").orElseThrow();
        for (InetAddress a : List.of(asJavaParsesIt, asTheCodecKeepsIt)) {
            PeerVerdict.Denied d = assertInstanceOf(PeerVerdict.Denied.class, defaults.judge(a));
            assertEquals(InetAddress.getByName("10.0.0.1"), d.judged());
        }
        assertTrue(defaults.judge("::ffff:8.8.8.8").permitted());
    }

    @Test
    void anIpv4AddressInsideNat64Or6to4OrTeredoIsJudgedAndAGlobalOnePasses() {
        assertEquals("private (in NAT64)", category("64:ff9b::10.1.2.3"));
        assertEquals("private (in 6to4)", category("2002:c0a8:101::1"));
        assertEquals("CGNAT shared (in 6to4)", category("2002:6440:1::"));
        // Teredo client 10.0.0.1 is stored inverted: f5ff:fffe.
        assertEquals("private (in Teredo client)", category("2001:0:4136:e378:8000:63bf:f5ff:fffe"));
        assertTrue(defaults.judge("64:ff9b::8.8.8.8").permitted());
        assertTrue(defaults.judge("2002:808:808::1").permitted());
    }

    @Test
    void ipv4CompatibleAddressesAreDeprecatedAndRefusedEvenAroundAGlobalAddress() {
        assertEquals("private (in IPv4-compatible)", category("::10.0.0.1"));
        assertEquals("IPv4-compatible (deprecated, RFC 4291 §2.5.5.1)", category("::8.8.8.8"));
    }

    @Test
    void ordinaryGlobalPeersArePermitted() {
        for (String s : List.of("8.8.8.8", "1.1.1.1", "198.17.255.255", "198.20.0.0", "100.63.255.255",
                "100.128.0.0", "172.15.255.255", "172.32.0.0", "2001:4860:4860::8888", "2a00:1450:4001::1")) {
            assertTrue(defaults.judge(s).permitted(), s);
        }
    }

    @Test
    void anAmbiguousSpellingIsRefusedWhenAnyReadingOfItIsRefused() {
        // inet_aton: 8.0.0.1 (public); decimal readers: 10.0.0.1 (private).
        assertEquals("private", category("010.0.0.1"));
    }

    @Test
    void aNameIsRefusedAsNotAnIpLiteralWithoutBeingResolved() {
        for (String s : List.of("localhost", "example.org", "127.0.0.1.nip.io", "08.0.0.1", "")) {
            assertEquals("not an IP literal", category(s), s);
        }
    }

    @Test
    void anAdminAllowedRangeOpensExactlyThatRangeInEverySpelling() {
        PeerAddressPolicy loopbackTests = new PeerAddressPolicy(List.of("127.0.0.0/8"));

        for (String s : List.of("127.0.0.1", "127.1", "0x7f.1", "::ffff:127.0.0.1", "::ffff:7f00:1",
                "64:ff9b::7f00:1", "2002:7f00:1::")) {
            assertTrue(loopbackTests.judge(s).permitted(), s);
        }
        assertFalse(loopbackTests.judge("::1").permitted(), "::1 is another range");
        assertFalse(loopbackTests.judge("10.0.0.1").permitted());
        assertFalse(loopbackTests.judge("169.254.1.1").permitted());
    }

    @Test
    void anAdminMayOpenIpv6LoopbackAndPrivateRangesSeparately() {
        PeerAddressPolicy p = new PeerAddressPolicy(List.of("::1/128", "10.0.0.0/8", "fd00::/8"));
        assertTrue(p.judge("::1").permitted());
        assertTrue(p.judge("[::1]").permitted());
        assertTrue(p.judge("10.9.8.7").permitted());
        assertTrue(p.judge("fd12::1").permitted());
        assertFalse(p.judge("127.0.0.1").permitted());
        assertFalse(p.judge("fc00::1").permitted());
    }

    @Test
    void aBadAllowedRangeIsAConfigurationError() {
        assertThrows(IllegalArgumentException.class, () -> new PeerAddressPolicy(List.of("10.0.0.0/40")));
        assertThrows(IllegalArgumentException.class, () -> new PeerAddressPolicy(List.of("intranet")));
    }

    private String category(String peer) {
        PeerVerdict v = defaults.judge(peer);
        return v instanceof PeerVerdict.Denied d ? d.category() : "permitted";
    }
}
