package org.xcs.muc.discovery;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.xcs.common.disco.DiscoItem;
import org.xcs.common.disco.DiscoItemsProvider;
import org.xcs.common.disco.DiscoQuery;
import org.xcs.common.stanza.rsm.PageSource;
import org.xcs.muc.service.Rooms;
import org.xmpp.packet.JID;

/**
 * XEP-0045 §6.3: the service's disco#items are the public rooms it hosts, with their names; hidden rooms and rooms
 * still locked (§7.2.10: not yet officially existing) are left out. Ordered by JID so that XEP-0059 pages are
 * stable between requests.
 */
final class PublicRooms implements DiscoItemsProvider {
    private final JID service;
    private final Rooms rooms;

    PublicRooms(JID service, Rooms rooms) {
        this.service = service.asBareJID();
        this.rooms = rooms;
    }

    @Override
    public Optional<PageSource<DiscoItem>> items(DiscoQuery query) {
        if (query.node() != null || (query.target() != null && !service.equals(query.target()))) {
            return Optional.empty();
        }
        // Read from the service's queue while rooms run on theirs: a room changing at this instant may show its
        // old or its new state, either of which was true.
        // Rooms not loaded since start are listed from their stored state, which is current (see Rooms).
        List<DiscoItem> items = rooms.listings().stream()
                .filter(room -> room.publicRoom() && !room.locked())
                .map(room -> new DiscoItem(room.jid(), displayName(room)))
                .sorted(Comparator.comparing(DiscoItem::rsmId))
                .toList();
        return Optional.of(PageSource.ofList(items, DiscoItem::rsmId));
    }

    /** As {@link RoomDescription#displayName}: the configured name, or the room's node when it has none. */
    private static String displayName(Rooms.Listing room) {
        String name = room.configuredName();
        return name == null || name.isBlank() ? room.jid().getNode() : name;
    }
}
