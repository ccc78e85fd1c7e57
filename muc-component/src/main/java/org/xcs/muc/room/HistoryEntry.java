package org.xcs.muc.room;

import java.time.Instant;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;

/**
 * One groupchat message kept for discussion history (XEP-0045 §7.2.15): the message as broadcast (from the occupant
 * JID), when the room received it, and the sender's real JID (for non-anonymous rooms, XEP-0203 delay / §7.2.15).
 * The stanza is kept as broadcast because history replays it, it is not interpreted.
 */
public record HistoryEntry(Message message, Instant at, JID senderRealJid, int chars) {
}
