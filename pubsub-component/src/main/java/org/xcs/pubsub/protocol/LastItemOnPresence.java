package org.xcs.pubsub.protocol;

import org.xcs.common.component.PacketSender;
import org.xcs.common.error.XmppException;
import org.xcs.common.router.PresenceHandler;
import org.xcs.pubsub.service.PubSubService;
import org.xmpp.packet.PacketError;
import org.xmpp.packet.Presence;

/**
 * XEP-0060 §6.1.7 with {@code send_last_published_item = on_sub_and_presence} (§4.3 note: the subscriber's
 * presence): when a subscriber's resource becomes available to the service, that resource gets the last item of each
 * such node it is subscribed to. The service sees presence that is directed to it; presence subscriptions (which need
 * the host's roster) are not offered, so other presence types are refused as before.
 */
final class LastItemOnPresence implements PresenceHandler {
    private final PubSubService service;
    private final EventRenderer events;
    private final PacketSender sender;

    LastItemOnPresence(PubSubService service, EventRenderer events, PacketSender sender) {
        this.service = service;
        this.events = events;
        this.sender = sender;
    }

    @Override
    public void handle(Presence presence) {
        Presence.Type type = presence.getType();
        if (type == null) {
            events.render(service.lastPublishedOnPresence(presence.getFrom().toString())).forEach(sender::send);
        } else if (type != Presence.Type.unavailable && type != Presence.Type.error) {
            // RFC 6121 §3: no presence subscription to this service (it has no roster of its own).
            throw new XmppException(PacketError.Condition.service_unavailable, PacketError.Type.cancel,
                    "presence subscriptions are not supported", null);
        }
    }
}
