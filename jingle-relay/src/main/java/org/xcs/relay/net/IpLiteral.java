package org.xcs.relay.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * IP address literals in every spelling a resolver library accepts, and nothing else: no name is ever looked up.
 * IPv4 follows inet_aton (1 to 4 parts; decimal, 0-prefixed octal, 0x-prefixed hex; the last part fills the
 * remaining bytes: "127.1", "0x7f.1", "2130706433"). IPv6 follows RFC 4291 §2.2 (with "::", a dotted-quad tail,
 * brackets, and a zone index that is dropped).
 */
public final class IpLiteral {

    private IpLiteral() {
    }

    /** The address a C resolver (inet_aton / getaddrinfo with AI_NUMERICHOST) would connect to. */
    public static Optional<InetAddress> parse(String text) {
        List<InetAddress> all = readings(text);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /**
     * Every address the text can mean to some parser: inet_aton reads "010.0.0.1" as octal (8.0.0.1) where
     * others read decimal (10.0.0.1). A policy must hold against all of them. Empty when it is no IP literal.
     */
    public static List<InetAddress> readings(String text) {
        String s = text.strip();
        if (s.startsWith("[") && s.endsWith("]")) {
            Optional<InetAddress> v6 = ipv6(s.substring(1, s.length() - 1));
            return v6.map(List::of).orElse(List.of());
        }
        if (s.indexOf(':') >= 0) {
            return ipv6(s).map(List::of).orElse(List.of());
        }
        // A literal is what inet_aton accepts ("08" is not: C would look it up as a name); the decimal reading
        // of leading zeros is added for the parsers (Java's among them) that ignore them.
        Optional<InetAddress> aton = ipv4(s, true);
        if (aton.isEmpty()) {
            return List.of();
        }
        List<InetAddress> out = new ArrayList<>(2);
        out.add(aton.get());
        ipv4(s, false).filter(a -> !out.contains(a)).ifPresent(out::add);
        return out;
    }

    private static Optional<InetAddress> ipv4(String s, boolean octalLeadingZero) {
        if (s.isEmpty() || s.endsWith(".") || s.startsWith(".")) {
            return Optional.empty();
        }
        String[] parts = s.split("\\.", -1);
        if (parts.length > 4) {
            return Optional.empty();
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            long v = number(parts[i], octalLeadingZero);
            if (v < 0) {
                return Optional.empty();
            }
            values[i] = v;
        }
        // inet_aton: every part but the last is one byte; the last fills what remains.
        long address = 0;
        for (int i = 0; i < values.length - 1; i++) {
            if (values[i] > 0xFF) {
                return Optional.empty();
            }
            address = (address << 8) | values[i];
        }
        int lastBytes = 5 - values.length;
        long last = values[values.length - 1];
        if (last >= (1L << (8 * lastBytes))) {
            return Optional.empty();
        }
        address = (address << (8 * lastBytes)) | last;
        byte[] b = {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address};
        return Optional.of(v4(b));
    }

    /** A non-negative value, or -1 when the part is not a number in its base (or absurdly long). */
    private static long number(String part, boolean octalLeadingZero) {
        int radix = 10;
        String digits = part;
        if (part.length() > 2 && (part.startsWith("0x") || part.startsWith("0X"))) {
            radix = 16;
            digits = part.substring(2);
        } else if (octalLeadingZero && part.length() > 1 && part.startsWith("0")) {
            radix = 8;
            digits = part.substring(1);
        }
        if (digits.isEmpty() || digits.length() > 12) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = Character.digit(digits.charAt(i), radix);
            if (d < 0 || digits.charAt(i) > 'z') {
                return -1;
            }
            v = v * radix + d;
        }
        return v;
    }

    private static Optional<InetAddress> ipv6(String text) {
        String s = text;
        int zone = s.indexOf('%');
        if (zone >= 0) {
            s = s.substring(0, zone);
        }
        if (s.isEmpty() || s.length() > 45) {
            return Optional.empty();
        }
        byte[] tail = new byte[0];
        int lastColon = s.lastIndexOf(':');
        if (lastColon < 0) {
            return Optional.empty();
        }
        if (s.indexOf('.', lastColon) >= 0) {
            // RFC 4291 §2.2 form 3: the low 32 bits as a strict dotted quad.
            Optional<byte[]> quad = dottedQuad(s.substring(lastColon + 1));
            if (quad.isEmpty()) {
                return Optional.empty();
            }
            tail = quad.get();
            String head = s.substring(0, lastColon + 1);
            // "::ffff:" loses its separator colon; "::" (all groups elided before the quad) stays as it is.
            s = head.endsWith("::") ? head : head.substring(0, head.length() - 1);
        }
        byte[] low = tail;
        return groups(s, 8 - low.length / 2).map(head -> {
            byte[] all = new byte[16];
            System.arraycopy(head, 0, all, 0, head.length);
            System.arraycopy(low, 0, all, head.length, low.length);
            return v6(all);
        });
    }

    /** Parses colon-separated hex groups (with at most one "::") into exactly {@code count} groups. */
    private static Optional<byte[]> groups(String s, int count) {
        int gap = s.indexOf("::");
        if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) {
            return Optional.empty();
        }
        List<Integer> head;
        List<Integer> tailGroups;
        if (gap >= 0) {
            head = hexGroups(s.substring(0, gap));
            tailGroups = hexGroups(s.substring(gap + 2));
            if (head == null || tailGroups == null || head.size() + tailGroups.size() > count - 1) {
                return Optional.empty();
            }
        } else {
            head = hexGroups(s);
            tailGroups = List.of();
            if (head == null || head.size() != count) {
                return Optional.empty();
            }
        }
        byte[] out = new byte[2 * count];
        for (int i = 0; i < head.size(); i++) {
            out[2 * i] = (byte) (head.get(i) >>> 8);
            out[2 * i + 1] = (byte) (int) head.get(i);
        }
        int start = count - tailGroups.size();
        for (int i = 0; i < tailGroups.size(); i++) {
            out[2 * (start + i)] = (byte) (tailGroups.get(i) >>> 8);
            out[2 * (start + i) + 1] = (byte) (int) tailGroups.get(i);
        }
        return Optional.of(out);
    }

    /** "" is no groups; otherwise 1-4 hex digits between single colons. Null when malformed. */
    private static List<Integer> hexGroups(String s) {
        List<Integer> out = new ArrayList<>();
        if (s.isEmpty()) {
            return out;
        }
        for (String g : s.split(":", -1)) {
            if (g.isEmpty() || g.length() > 4) {
                return null;
            }
            int v = 0;
            for (int i = 0; i < g.length(); i++) {
                int d = Character.digit(g.charAt(i), 16);
                if (d < 0 || g.charAt(i) > 'f') {
                    return null;
                }
                v = v * 16 + d;
            }
            out.add(v);
        }
        return out;
    }

    private static Optional<byte[]> dottedQuad(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return Optional.empty();
            }
            int v = Integer.parseInt(p);
            if (v > 255) {
                return Optional.empty();
            }
            b[i] = (byte) v;
        }
        return Optional.of(b);
    }

    static InetAddress v4(byte[] b) {
        try {
            return Inet4Address.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 bytes are always an address", e);
        }
    }

    /** Stays IPv6 even when IPv4-mapped (InetAddress.getByAddress would turn it into IPv4). */
    static InetAddress v6(byte[] b) {
        try {
            return Inet6Address.getByAddress(null, b, -1);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("16 bytes are always an address", e);
        }
    }
}
