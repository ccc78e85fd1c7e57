package org.xcs.relay.net;

import java.net.InetAddress;

/** A CIDR block, "198.51.100.0/24" or "2001:db8::/32"; a bare literal is a single address. */
public record AddressRange(InetAddress network, int prefixLength) {

    public AddressRange {
        int bits = network.getAddress().length * 8;
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException("prefix /" + prefixLength + " for a " + bits + "-bit address");
        }
    }

    /** Parses an admin's range; host bits are cleared. Literals only: "localhost/8" is refused, never resolved. */
    public static AddressRange parse(String cidr) {
        String s = cidr.strip();
        int slash = s.lastIndexOf('/');
        String address = slash < 0 ? s : s.substring(0, slash);
        InetAddress network = IpLiteral.parse(address)
                .orElseThrow(() -> new IllegalArgumentException("not an IP address range: " + cidr));
        int bits = network.getAddress().length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String p = s.substring(slash + 1);
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new IllegalArgumentException("not a prefix length: " + cidr);
            }
            prefix = Integer.parseInt(p);
        }
        if (prefix > bits) {
            throw new IllegalArgumentException("prefix /" + prefix + " for a " + bits + "-bit address: " + cidr);
        }
        byte[] b = network.getAddress();
        for (int i = 0; i < b.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - 8 * i));
            b[i] &= (byte) (0xFF00 >>> keep);
        }
        return new AddressRange(b.length == 4 ? IpLiteral.v4(b) : IpLiteral.v6(b), prefix);
    }

    /** Same family and the first {@code prefixLength} bits equal. */
    public boolean contains(InetAddress address) {
        byte[] a = address.getAddress();
        byte[] n = network.getAddress();
        if (a.length != n.length) {
            return false;
        }
        int full = prefixLength / 8;
        for (int i = 0; i < full; i++) {
            if (a[i] != n[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF00 >>> rest) & 0xFF;
        return (a[full] & mask) == (n[full] & mask);
    }

    @Override
    public String toString() {
        return network.getHostAddress() + "/" + prefixLength;
    }
}
