package org.xcs.muc.discovery;

import org.dom4j.Element;
import org.xcs.common.router.IqHandler;
import org.xcs.common.stanza.Namespaces;
import org.xcs.muc.room.Room;
import org.xmpp.packet.IQ;

/**
 * XEP-0045 §7.12: disco#info to a room with node {@code x-roomuser-item} names the requester's reserved nick in a
 * conference/text identity, or is an empty query when there is none. The empty answer (no identity, no feature)
 * is not a {@link org.xcs.common.disco.DiscoInfo}, so this handler takes disco#info before the generic one and
 * passes every other request on to it.
 */
final class ReservedNickQuery implements IqHandler {
    static final String NODE = "x-roomuser-item";

    private final RoomLookup lookup;
    private final IqHandler others;

    ReservedNickQuery(RoomLookup lookup, IqHandler others) {
        this.lookup = lookup;
        this.others = others;
    }

    @Override
    public IQ handle(IQ request) {
        Element query = request.getChildElement();
        if (!NODE.equals(query.attributeValue("node")) || request.getTo() == null
                || request.getTo().getNode() == null || request.getTo().getResource() != null) {
            return others.handle(request);
        }
        // §7.12: also after the user joined, never an error for an existing room.
        Room room = lookup.require(request.getTo(), request.getFrom());
        IQ reply = IQ.createResultIQ(request);
        Element answer = reply.setChildElement("query", Namespaces.DISCO_INFO);
        answer.addAttribute("node", NODE);
        room.registeredNick(request.getFrom()).ifPresent(nick -> answer.addElement("identity")
                .addAttribute("category", "conference")
                .addAttribute("type", "text")
                .addAttribute("name", nick));
        return reply;
    }
}
