package org.xcs.muc.store;

import org.dom4j.DocumentException;
import org.dom4j.DocumentHelper;
import org.xcs.common.stanza.wire.StanzaXml;
import org.xcs.common.store.Codec;
import org.xcs.common.store.StoreException;
import org.xcs.muc.room.HistoryEntry;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;

/**
 * One history entry: when, the sender's real JID, its size and the message as broadcast, kept as XML text because
 * history replays the stanza (XEP-0045 §7.2.15) rather than interpreting it.
 */
final class HistoryCodec implements Codec<HistoryEntry> {

    static final int VERSION = 1;

    @Override
    public byte[] encode(HistoryEntry entry) {
        return new RecordWriter().version(VERSION)
                .instant(entry.at())
                .string(entry.senderRealJid() == null ? "" : entry.senderRealJid().toString())
                .integer(entry.chars())
                .string(StanzaXml.render(entry.message().getElement()))
                .toBytes();
    }

    @Override
    public HistoryEntry decode(byte[] bytes) {
        RecordReader in = new RecordReader(bytes, "a stored history entry");
        in.version(VERSION);
        var at = in.instant();
        String sender = in.string();
        int chars = in.integer();
        String xml = in.string();
        in.end();
        Message message;
        try {
            message = new Message(DocumentHelper.parseText(xml).getRootElement(), true);
        } catch (DocumentException e) {
            throw new StoreException("a stored history entry holds malformed XML", e);
        }
        return new HistoryEntry(message, at, sender.isEmpty() ? null : new JID(sender), chars);
    }
}
