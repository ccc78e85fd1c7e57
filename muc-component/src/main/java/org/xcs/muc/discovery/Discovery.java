package org.xcs.muc.discovery;

import org.xcs.common.disco.DiscoInfoHandler;
import org.xcs.common.disco.DiscoRegistry;
import org.xcs.common.stanza.Namespaces;
import org.xcs.muc.MucContext;
import org.xcs.muc.protocol.MucNamespaces;
import org.xmpp.packet.IQ;

/** Service and room discovery (XEP-0045 §6, XEP-0030, XEP-0128 muc#roominfo), unique room names (§10.1.4 of 1.25), room registration and reserved nicks (§7.10, §7.12). */
public final class Discovery {
    private Discovery() {
    }

    /** Registers this area's handlers, disco features and form fields. */
    public static void install(MucContext context) {
        DiscoRegistry disco = context.disco();
        RoomLookup lookup = new RoomLookup(context.rooms(), context.settings());
        RoomDisco roomDisco = new RoomDisco(context.service(), lookup, context.settings().publicOccupantLists());

        // XEP-0045 §6.2: the service says it speaks MUC; muc#unique is answered at the service JID; §7.4 note:
        // muc#stable_id "on both the service domain and on individual MUCs" (messaging reflects message ids).
        disco.addFeature(MucNamespaces.MUC)
                .addFeature(MucNamespaces.UNIQUE)
                .addFeature(MucNamespaces.STABLE_ID)
                .addInfoProvider(roomDisco)
                .addItemsProvider(new PublicRooms(context.service(), context.rooms()))
                .addItemsProvider(roomDisco);

        RoomRegistration registration = new RoomRegistration(lookup, context.rooms(),
                new MembershipPresence(context.sender()));
        context.router()
                .onIq(IQ.Type.get, Namespaces.DISCO_INFO, "query",
                        new ReservedNickQuery(lookup, new DiscoInfoHandler(disco)))
                .onIq(IQ.Type.get, MucNamespaces.UNIQUE,
                        new UniqueRoomName(context.service(), context.rooms(), context.ids()))
                .onIq(IQ.Type.get, MucNamespaces.REGISTER, registration::get)
                .onIq(IQ.Type.set, MucNamespaces.REGISTER, registration::set);
    }
}
