package org.xcs.muc.discovery;

import java.util.List;
import java.util.Optional;
import org.xcs.common.disco.DiscoInfo;
import org.xcs.common.disco.DiscoInfoProvider;
import org.xcs.common.disco.DiscoItem;
import org.xcs.common.disco.DiscoItemsProvider;
import org.xcs.common.disco.DiscoQuery;
import org.xcs.common.stanza.rsm.PageSource;
import org.xcs.muc.room.Room;
import org.xmpp.packet.JID;

/**
 * disco#info and disco#items addressed to a room (XEP-0045 §6.4, §6.5). Disco to an occupant JID (§6.7) never comes
 * here: the router hands every IQ to a full JID to messaging's OccupantIqs, which answers a non-occupant bad-request
 * and passes an occupant's request through to the addressed occupant (the MAY of §6.7). A room that
 * does not exist for the requester (absent, or locked and not theirs) is claimed by no one, which the disco handlers
 * answer item-not-found (XEP-0030 §3.1). Hidden and members-only rooms still describe themselves to anyone: §6.4
 * asks clients to check a room's privacy before entering, which they could not do otherwise.
 */
final class RoomDisco implements DiscoInfoProvider, DiscoItemsProvider {
    private final JID service;
    private final RoomLookup lookup;
    private final boolean publicOccupantLists;

    RoomDisco(JID service, RoomLookup lookup, boolean publicOccupantLists) {
        this.service = service.asBareJID();
        this.lookup = lookup;
        this.publicOccupantLists = publicOccupantLists;
    }

    @Override
    public Optional<DiscoInfo> info(DiscoQuery query) {
        Optional<Room> room = roomOf(query);
        if (room.isEmpty() || query.target().getResource() != null) {
            return Optional.empty();
        }
        return query.node() == null ? Optional.of(RoomDescription.of(room.get())) : Optional.empty();
    }

    @Override
    public Optional<PageSource<DiscoItem>> items(DiscoQuery query) {
        Optional<Room> room = roomOf(query);
        if (room.isEmpty() || query.node() != null || query.target().getResource() != null) {
            return Optional.empty();
        }
        return Optional.of(PageSource.ofList(occupantsShownTo(room.get(), query.requester()), DiscoItem::rsmId));
    }

    /**
     * §6.5: occupants MAY be listed "if that information is publicly available", and deployments are advised to
     * turn such sharing off by default. We list them to the room's own occupants, who already see them through
     * presence, and, only when the service is started with --public-occupant-lists, to anyone asking about a room
     * anyone could enter and watch (public, open, no password); in both cases only the occupants whose presence the
     * room broadcasts (muc#roomconfig_presencebroadcast). Anyone else gets the empty list §6.5 prescribes.
     */
    private List<DiscoItem> occupantsShownTo(Room room, JID requester) {
        if (!RoomLookup.isOccupant(room, requester) && !(publicOccupantLists && anyoneMayWatch(room))) {
            return List.of();
        }
        return room.occupants().stream()
                .filter(o -> room.config().presenceBroadcast.contains(o.role()))
                .map(o -> new DiscoItem(room.occupantJid(o.nick()), null))
                .toList();
    }

    private static boolean anyoneMayWatch(Room room) {
        return room.config().publicRoom && !room.config().membersOnly && !room.config().passwordProtected;
    }

    private Optional<Room> roomOf(DiscoQuery query) {
        JID target = query.target();
        if (target == null || target.getNode() == null || !service.getDomain().equals(target.getDomain())) {
            return Optional.empty();
        }
        return lookup.visible(target, query.requester());
    }
}
