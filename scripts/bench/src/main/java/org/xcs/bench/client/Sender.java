package org.xcs.bench.client;

import java.nio.charset.StandardCharsets;

/**
 * One sending client of a load: every message it sends is {@code head + stamp + tail} (e.g. a groupchat message
 * whose body is the stamp), and each one should reach {@code fanout} receivers (occupants, subscribers...).
 */
public record Sender(XmppClient client, byte[] head, byte[] tail, int fanout) {

    public static Sender of(XmppClient client, String head, String tail, int fanout) {
        return new Sender(client, head.getBytes(StandardCharsets.UTF_8), tail.getBytes(StandardCharsets.UTF_8), fanout);
    }

    /** A groupchat message to {@code roomJid} whose body is the stamp (XEP-0045 §7.4), reaching every occupant. */
    public static Sender groupchat(XmppClient client, String roomJid, int occupants) {
        return of(client, "<message type='groupchat' to='" + roomJid + "'><body>", "</body></message>", occupants);
    }
}
