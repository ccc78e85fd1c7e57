package org.xcs.muc;

import java.time.Clock;
import org.xcs.common.component.PacketSender;
import org.xcs.common.disco.DiscoRegistry;
import org.xcs.common.router.StanzaRouter;
import org.xcs.common.stanza.sid.IdGenerator;
import org.xcs.muc.service.MucSettings;
import org.xcs.muc.service.Rooms;
import org.xmpp.packet.JID;

/**
 * What every MUC feature area gets when it installs itself: the router to register its handlers on (one presence
 * handler, one message handler, IQ handlers by namespace), the disco registry, the rooms, the settings.
 */
public record MucContext(JID service, StanzaRouter router, DiscoRegistry disco, Rooms rooms, MucSettings settings,
                         PacketSender sender, Clock clock, IdGenerator ids) {
}
