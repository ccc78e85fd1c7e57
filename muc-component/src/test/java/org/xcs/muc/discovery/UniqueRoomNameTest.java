package org.xcs.muc.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xcs.muc.protocol.MucNamespaces;
import org.xcs.muc.room.Room;
import org.xcs.muc.room.RoomConfig;
import org.xcs.muc.service.Rooms;
import org.xcs.muc.store.InMemoryRoomStore;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;

class UniqueRoomNameTest {

    @Test
    void aNameAnExistingRoomHasIsNeverProposed() {
        Rooms rooms = new Rooms(new InMemoryRoomStore());
        rooms.add(new Room(new JID("taken@muc.example.test"), new RoomConfig(), Instant.EPOCH));
        Iterator<String> ids = List.of("Taken", "free").iterator();
        UniqueRoomName unique = new UniqueRoomName(new JID("muc.example.test"), rooms, ids::next);

        IQ request = new IQ(IQ.Type.get, "u1");
        request.setFrom("crone1@example.test/desktop");
        request.setTo("muc.example.test");
        request.setChildElement("unique", MucNamespaces.UNIQUE);
        assertEquals("free", unique.handle(request).getChildElement().getText());
    }
}
