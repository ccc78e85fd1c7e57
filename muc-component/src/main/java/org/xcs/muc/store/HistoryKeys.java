package org.xcs.muc.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.xmpp.packet.JID;

/**
 * History keys: the room's bare JID in UTF-8, a 0 byte, then a big-endian sequence number. A JID never holds a 0
 * byte, so one room's entries form one contiguous key range, ordered oldest first (unsigned byte order of a
 * non-negative big-endian long is numeric order); trimming and loading touch that range only.
 */
final class HistoryKeys {
    private static final int SEQ_BYTES = Long.BYTES;

    private HistoryKeys() {
    }

    static byte[] key(JID room, long sequence) {
        byte[] prefix = prefix(room, (byte) 0);
        return ByteBuffer.allocate(prefix.length + SEQ_BYTES).put(prefix).putLong(sequence).array();
    }

    /** First key of the room's range (inclusive). */
    static byte[] from(JID room) {
        return prefix(room, (byte) 0);
    }

    /** End of the room's range (exclusive): the same prefix with the separator raised to 1. */
    static byte[] to(JID room) {
        return prefix(room, (byte) 1);
    }

    static long sequence(byte[] key) {
        return ByteBuffer.wrap(key, key.length - SEQ_BYTES, SEQ_BYTES).getLong();
    }

    private static byte[] prefix(JID room, byte separator) {
        byte[] jid = room.toBareJID().getBytes(StandardCharsets.UTF_8);
        byte[] prefix = Arrays.copyOf(jid, jid.length + 1);
        prefix[jid.length] = separator;
        return prefix;
    }
}
