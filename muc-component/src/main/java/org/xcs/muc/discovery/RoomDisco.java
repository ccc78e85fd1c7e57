package org.xcs.muc.discovery;

import java.util.List;
import java.util.Optional;
import org.xcs.common.disco.DiscoInfo;
import org.xcs.common.disco.DiscoInfoProvider;
import org.xcs.common.disco.DiscoItem;
import org.xcs.common.disco.DiscoItemsProvider;
import org.xcs.common.disco.DiscoQuery;
import org.xcs.common.error.XmppException;
import org.xcs.common.stanza.rsm.PageSource;
import org.xcs.muc.room.Room;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError;

/**
 * disco#info and disco#items addressed to a room (XEP-0045 §6.4, §6.5) or to an occupant JID (§6.7). A room that
 * does not exist for the requester (absent, or locked and not theirs) is claimed by no one, which the disco handlers
 * answer item-not-found (XEP-0030 §3.1). Hidden and members-only rooms still describe themselves to anyone: §6.4
 * asks clients to check a room's privacy before entering, which they could not do otherwise.
 */
final class RoomDisco implements DiscoInfoProvider, DiscoItemsProvider {
    private final JID service;
    private final RoomLookup lookup;

    RoomDisco(JID service, RoomLookup lookup) {
        this.service = service.asBareJID();
        this.lookup = lookup;
    }

    @Override
    public Optional<DiscoInfo> info(DiscoQuery query) {
        Optional<Room> room = roomOf(query);
        if (room.isEmpty()) {
            return Optional.empty();
        }
        if (query.target().getResource() != null) {
            throw occupantQuery(room.get(), query);
        }
        return query.node() == null ? Optional.of(RoomDescription.of(room.get())) : Optional.empty();
    }

    @Override
    public Optional<PageSource<DiscoItem>> items(DiscoQuery query) {
        Optional<Room> room = roomOf(query);
        if (room.isEmpty() || query.node() != null) {
            return Optional.empty();
        }
        if (query.target().getResource() != null) {
            throw occupantQuery(room.get(), query);
        }
        return Optional.of(PageSource.ofList(occupantsShownTo(room.get(), query.requester()), DiscoItem::rsmId));
    }

    /**
     * §6.5: occupants MAY be listed when public, and deployments are advised not to share them. We list them only
     * to the room's own occupants, who already see them through presence, and only those whose presence the room
     * broadcasts (muc#roomconfig_presencebroadcast); anyone else gets the empty list §6.5 prescribes.
     */
    private static List<DiscoItem> occupantsShownTo(Room room, JID requester) {
        if (!RoomLookup.isOccupant(room, requester)) {
            return List.of();
        }
        return room.occupants().stream()
                .filter(o -> room.config().presenceBroadcast.contains(o.role()))
                .map(o -> new DiscoItem(room.occupantJid(o.nick()), null))
                .toList();
    }

    /**
     * §6.7: a non-occupant's disco request to an occupant JID is a bad-request. An occupant's MAY be passed through
     * to the occupant; this service does not relay disco, so it answers service-unavailable (RFC 6120 §8.3.3.19).
     */
    private static XmppException occupantQuery(Room room, DiscoQuery query) {
        if (!RoomLookup.isOccupant(room, query.requester())) {
            return new XmppException(PacketError.Condition.bad_request,
                    "disco requests to an occupant JID are only for the room's occupants");
        }
        if (room.occupant(query.target().getResource()).isEmpty()) {
            return new XmppException(PacketError.Condition.item_not_found);
        }
        return new XmppException(PacketError.Condition.service_unavailable);
    }

    private Optional<Room> roomOf(DiscoQuery query) {
        JID target = query.target();
        if (target == null || target.getNode() == null || !service.getDomain().equals(target.getDomain())) {
            return Optional.empty();
        }
        return lookup.visible(target, query.requester());
    }
}
