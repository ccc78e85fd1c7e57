package org.xcs.relay.net;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Safe by default (issue 5): a relay must not become a way into the networks around it, so peers in special-purpose
 * ranges are refused (RFC 8656 §9.1 and §21.1: 403 Forbidden) unless the admin allows a range. IPv6 addresses that
 * carry an IPv4 address (mapped, IPv4-compatible, NAT64, 6to4, Teredo) are judged by that IPv4 address too, so no
 * spelling slips a loopback or private peer through.
 */
public final class PeerAddressPolicy {

    private record Named(String category, AddressRange range) {
    }

    // RFC 6890 and the IANA IPv4 special-purpose registry; order matters only for the name a denial carries.
    private static final List<Named> IPV4 = List.of(
            named("unspecified", "0.0.0.0/32"),
            named("this network", "0.0.0.0/8"),
            named("private", "10.0.0.0/8"),
            named("CGNAT shared", "100.64.0.0/10"),
            named("loopback", "127.0.0.0/8"),
            named("link-local", "169.254.0.0/16"),
            named("private", "172.16.0.0/12"),
            named("IETF protocol assignments", "192.0.0.0/24"),
            named("documentation", "192.0.2.0/24"),
            named("6to4 relay anycast", "192.88.99.0/24"),
            named("private", "192.168.0.0/16"),
            named("benchmarking", "198.18.0.0/15"),
            named("documentation", "198.51.100.0/24"),
            named("documentation", "203.0.113.0/24"),
            named("multicast", "224.0.0.0/4"),
            named("broadcast", "255.255.255.255/32"),
            named("reserved", "240.0.0.0/4"));

    // RFC 6890 / IANA IPv6 special-purpose registry, RFC 4291, RFC 3879 (site-local), RFC 9637 (3fff::/20).
    private static final List<Named> IPV6 = List.of(
            named("unspecified", "::/128"),
            named("loopback", "::1/128"),
            named("discard-only", "100::/64"),
            named("local-use NAT64", "64:ff9b:1::/48"),
            named("benchmarking", "2001:2::/48"),
            named("ORCHID", "2001:10::/28"),
            named("ORCHIDv2", "2001:20::/28"),
            named("documentation", "2001:db8::/32"),
            named("documentation", "3fff::/20"),
            named("unique local", "fc00::/7"),
            named("site-local", "fec0::/10"),
            named("link-local", "fe80::/10"),
            named("multicast", "ff00::/8"));

    private static final AddressRange MAPPED = AddressRange.parse("::ffff:0:0/96");
    private static final AddressRange COMPATIBLE = AddressRange.parse("::/96");
    private static final AddressRange NAT64 = AddressRange.parse("64:ff9b::/96");
    private static final AddressRange SIX_TO_FOUR = AddressRange.parse("2002::/16");
    private static final AddressRange TEREDO = AddressRange.parse("2001::/32");
    private static final AddressRange GLOBAL_UNICAST = AddressRange.parse("2000::/3");

    private final List<AddressRange> allowed;

    /** {@code allowedRanges}: the admin's exceptions, CIDR strings ("127.0.0.0/8", "::1"); empty by default. */
    public PeerAddressPolicy(List<String> allowedRanges) {
        List<AddressRange> ranges = new ArrayList<>();
        allowedRanges.forEach(r -> ranges.add(AddressRange.parse(r)));
        this.allowed = List.copyOf(ranges);
    }

    public boolean permits(InetAddress peer) {
        return judge(peer).permitted();
    }

    /** A peer given as text: only IP literals count, and every reading of an ambiguous spelling must pass. */
    public PeerVerdict judge(String literal) {
        List<InetAddress> readings = IpLiteral.readings(literal);
        if (readings.isEmpty()) {
            return new PeerVerdict.Denied("not an IP literal", "", null);
        }
        for (InetAddress a : readings) {
            PeerVerdict v = judge(a);
            if (!v.permitted()) {
                return v;
            }
        }
        return new PeerVerdict.Permitted();
    }

    public PeerVerdict judge(InetAddress peer) {
        if (isAllowed(peer)) {
            return new PeerVerdict.Permitted();
        }
        if (peer instanceof Inet4Address) {
            return judgeIpv4(peer, "");
        }
        byte[] b = peer.getAddress();
        if (MAPPED.contains(peer)) {
            // RFC 4291 §2.5.5.2: a dual-stack socket sends to ::ffff:a.b.c.d as IPv4.
            return judgeIpv4(last32(b), " (IPv4-mapped)");
        }
        for (Named n : IPV6.subList(0, 2)) {
            if (n.range().contains(peer)) {
                return new PeerVerdict.Denied(n.category(), n.range().toString(), peer);
            }
        }
        for (Embedded e : embedded(peer, b)) {
            PeerVerdict v = judgeIpv4(e.ipv4(), " (in " + e.kind() + ")");
            if (!v.permitted()) {
                return v;
            }
        }
        if (NAT64.contains(peer)) {
            // RFC 6052 §3.1: the well-known prefix only ever carries global IPv4 addresses, checked just above.
            return new PeerVerdict.Permitted();
        }
        if (COMPATIBLE.contains(peer)) {
            return new PeerVerdict.Denied("IPv4-compatible (deprecated, RFC 4291 §2.5.5.1)", COMPATIBLE.toString(),
                    peer);
        }
        for (Named n : IPV6) {
            if (n.range().contains(peer)) {
                return new PeerVerdict.Denied(n.category(), n.range().toString(), peer);
            }
        }
        if (!GLOBAL_UNICAST.contains(peer)) {
            return new PeerVerdict.Denied("not global unicast", "outside " + GLOBAL_UNICAST, peer);
        }
        return new PeerVerdict.Permitted();
    }

    private record Embedded(String kind, InetAddress ipv4) {
    }

    private static List<Embedded> embedded(InetAddress peer, byte[] b) {
        if (COMPATIBLE.contains(peer)) {
            return List.of(new Embedded("IPv4-compatible", last32(b)));
        }
        if (NAT64.contains(peer)) {
            return List.of(new Embedded("NAT64", last32(b)));
        }
        if (SIX_TO_FOUR.contains(peer)) {
            // RFC 3056 §2: 2002:V4ADDR::/48.
            return List.of(new Embedded("6to4", IpLiteral.v4(Arrays.copyOfRange(b, 2, 6))));
        }
        if (TEREDO.contains(peer)) {
            // RFC 4380 §4: server IPv4 in bits 32-63, client IPv4 inverted in the last 32 bits.
            byte[] client = Arrays.copyOfRange(b, 12, 16);
            for (int i = 0; i < 4; i++) {
                client[i] = (byte) ~client[i];
            }
            return List.of(new Embedded("Teredo server", IpLiteral.v4(Arrays.copyOfRange(b, 4, 8))),
                    new Embedded("Teredo client", IpLiteral.v4(client)));
        }
        return List.of();
    }

    private PeerVerdict judgeIpv4(InetAddress v4, String how) {
        if (isAllowed(v4)) {
            return new PeerVerdict.Permitted();
        }
        for (Named n : IPV4) {
            if (n.range().contains(v4)) {
                return new PeerVerdict.Denied(n.category() + how, n.range().toString(), v4);
            }
        }
        return new PeerVerdict.Permitted();
    }

    private boolean isAllowed(InetAddress a) {
        for (AddressRange r : allowed) {
            if (r.contains(a)) {
                return true;
            }
        }
        return false;
    }

    private static InetAddress last32(byte[] b) {
        return IpLiteral.v4(Arrays.copyOfRange(b, 12, 16));
    }

    private static Named named(String category, String cidr) {
        return new Named(category, AddressRange.parse(cidr));
    }

    @Override
    public String toString() {
        return "PeerAddressPolicy[allowed " + allowed + "]";
    }
}
