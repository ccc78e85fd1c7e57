package org.xcs.relay.turn;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import org.xcs.relay.stun.AttributeType;
import org.xcs.relay.stun.StunHeader;
import org.xcs.relay.stun.TransactionId;

/**
 * A Data indication (RFC 8656 §11.4: XOR-PEER-ADDRESS and DATA, no integrity) written around the peer's data where
 * it already lies: header and attributes before it, padding after it (RFC 8489 §14). The relay socket layer leaves
 * room for this in front of each datagram, so the server relays without copying. Byte for byte what
 * {@code StunMessageBuilder} encodes for the same message.
 */
final class DataIndication {

    /** Header, XOR-PEER-ADDRESS of an IPv6 peer (4 + 20), DATA's attribute header. */
    static final int MAX_PREFIX = StunHeader.LENGTH + 4 + 20 + 4;
    /** Message type of a Data indication: method 0x007, class indication (RFC 8656 §18.1, RFC 8489 §5). */
    private static final short TYPE = 0x0017;
    private static final int FAMILY_IPV4 = 0x01;
    private static final int FAMILY_IPV6 = 0x02;

    private DataIndication() {
    }

    /**
     * Surrounds the bytes between {@code data}'s position and limit with the indication; afterwards position and
     * limit enclose the whole message. False, and the buffer untouched, when there is no room before or after.
     */
    static boolean writeAround(ByteBuffer data, InetSocketAddress peer, byte[] transactionId) {
        byte[] ip = peer.getAddress().getAddress();
        int length = data.remaining();
        int padded = (length + 3) & ~3;
        int prefix = StunHeader.LENGTH + 4 + 4 + ip.length + 4;
        int start = data.position() - prefix;
        if (start < 0 || data.isReadOnly() || data.limit() + (padded - length) > data.capacity()
                || transactionId.length != TransactionId.LENGTH) {
            return false;
        }
        int end = data.limit();
        data.limit(end + padded - length);
        for (int i = end; i < data.limit(); i++) {
            data.put(i, (byte) 0);
        }
        int at = start;
        data.putShort(at, TYPE);
        data.putShort(at + 2, (short) (prefix - StunHeader.LENGTH + padded));
        data.putInt(at + 4, StunHeader.MAGIC_COOKIE);
        data.put(at + 8, transactionId);
        at += StunHeader.LENGTH;
        // RFC 8489 §14.2: XOR-MAPPED-ADDRESS format, port XORed with the cookie's top half, the address with the
        // cookie (IPv4) or cookie and transaction id (IPv6).
        data.putShort(at, (short) AttributeType.XOR_PEER_ADDRESS);
        data.putShort(at + 2, (short) (4 + ip.length));
        data.put(at + 4, (byte) 0);
        data.put(at + 5, (byte) (ip.length == 4 ? FAMILY_IPV4 : FAMILY_IPV6));
        data.putShort(at + 6, (short) (peer.getPort() ^ (StunHeader.MAGIC_COOKIE >>> 16)));
        for (int i = 0; i < ip.length; i++) {
            int mask = i < 4 ? StunHeader.MAGIC_COOKIE >>> (24 - 8 * i) : transactionId[i - 4];
            data.put(at + 8 + i, (byte) (ip[i] ^ mask));
        }
        at += 8 + ip.length;
        data.putShort(at, (short) AttributeType.DATA);
        data.putShort(at + 2, (short) length);
        data.position(start);
        return true;
    }
}
