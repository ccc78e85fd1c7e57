package org.xcs.muc.store;

import java.time.Instant;
import java.util.Map;
import org.xcs.common.store.Codec;
import org.xcs.common.store.StoreException;
import org.xcs.muc.room.Affiliation;
import org.xcs.muc.room.Room;
import org.xcs.muc.room.RoomConfig;
import org.xcs.muc.room.Subject;
import org.xmpp.packet.JID;

/**
 * A room's persistent part as one value: JID, creation time, configuration, affiliations with their reasons,
 * reserved nicks and subject. Occupants and the lock are not stored: XEP-0045 §10.2 keeps a persistent room's
 * configuration and affiliations across restarts, while occupancy ends with the process. History is stored apart
 * ({@link HistoryCodec}) so that each message appends instead of rewriting the room.
 */
final class RoomCodec implements Codec<Room> {

    static final int VERSION = 1;

    @Override
    public byte[] encode(Room room) {
        RecordWriter out = new RecordWriter().version(VERSION)
                .string(room.jid().toBareJID())
                .instant(room.created());
        RoomConfigFields.write(room.config(), out);
        Map<String, Affiliation> affiliations = room.affiliations();
        out.integer(affiliations.size());
        affiliations.forEach((bare, affiliation) -> out.string(bare).string(affiliation.wireName())
                .string(room.affiliationReason(new JID(bare)).orElse("")));
        Map<String, String> nicks = room.registeredNicks();
        out.integer(nicks.size());
        nicks.forEach((bare, nick) -> out.string(bare).string(nick));
        Subject subject = room.subject();
        out.string(subject.text()).string(subject.byNick()).instant(subject.at());
        return out.toBytes();
    }

    @Override
    public Room decode(byte[] bytes) {
        RecordReader in = new RecordReader(bytes, "a stored room");
        in.version(VERSION);
        // Stored JIDs were written from JID.toBareJID(), so they are already prepared: preparing them again
        // (RFC 7622 §3, idempotent) cost three quarters of the start-up time with 100,000 rooms.
        JID jid = prepared(in.string());
        Instant created = in.instant();
        RoomConfig config = RoomConfigFields.read(in);
        Room room = new Room(jid, config, created);
        int affiliations = in.integer();
        for (int i = 0; i < affiliations; i++) {
            JID member = prepared(in.string());
            String wire = in.string();
            Affiliation affiliation = Affiliation.fromWire(wire);
            if (affiliation == null) {
                throw new StoreException("stored room " + jid + " has an unknown affiliation '" + wire + "'");
            }
            room.affiliation(member, affiliation, in.string());
        }
        int nicks = in.integer();
        for (int i = 0; i < nicks; i++) {
            room.registerNick(prepared(in.string()), in.string());
        }
        room.subject(new Subject(in.string(), in.string(), in.instant()));
        in.end();
        return room;
    }

    private static JID prepared(String storedJid) {
        return new JID(storedJid, true);
    }
}
