package org.xcs.relay.net;

import java.net.InetAddress;

/** Whether a peer may be relayed to; a denial (RFC 8656: 403 Forbidden) names the range and the address judged. */
public sealed interface PeerVerdict {

    boolean permitted();

    record Permitted() implements PeerVerdict {
        public boolean permitted() {
            return true;
        }
    }

    /** {@code judged} may differ from the peer given: the IPv4 address inside a mapped, NAT64, 6to4... address. */
    record Denied(String category, String range, InetAddress judged) implements PeerVerdict {
        public boolean permitted() {
            return false;
        }

        @Override
        public String toString() {
            return "Denied[" + category + " " + range + (judged == null ? "" : " (" + judged.getHostAddress() + ")")
                    + "]";
        }
    }
}
