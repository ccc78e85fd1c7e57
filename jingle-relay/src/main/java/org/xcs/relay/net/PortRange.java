package org.xcs.relay.net;

/** The relay port range ("--relay-ports=MIN-MAX"); RFC 8656 §7.2 leaves the choice to the server. */
public record PortRange(int min, int max) {

    /** coturn's default range, the IANA dynamic ports. */
    public static final PortRange DEFAULT = new PortRange(49152, 65535);

    public PortRange {
        if (min < 1 || max > 65535 || min > max) {
            throw new IllegalArgumentException("ports must satisfy 1 <= MIN <= MAX <= 65535: " + min + "-" + max);
        }
    }

    public static PortRange parse(String text) {
        int dash = text.indexOf('-');
        if (dash <= 0 || dash == text.length() - 1) {
            throw new IllegalArgumentException("expected MIN-MAX, got '" + text + "'");
        }
        try {
            return new PortRange(Integer.parseInt(text.substring(0, dash).trim()),
                    Integer.parseInt(text.substring(dash + 1).trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected MIN-MAX, got '" + text + "'");
        }
    }

    public int size() {
        return max - min + 1;
    }

    @Override
    public String toString() {
        return min + "-" + max;
    }
}
