package org.xcs.common.launch;

import java.time.Clock;
import org.xcs.common.component.PacketSender;
import org.xcs.common.store.Store;
import org.xmpp.packet.JID;

/**
 * What a component's logic gets from the launcher.
 *
 * @param domain  the component's JID (e.g. {@code muc.example.org})
 * @param sender  outgoing stanzas; buffered by the runtime while the host is away
 * @param store   the component's data, already opened and locked; closed by the launcher after the drain
 * @param version the build's version, for XEP-0092
 */
public record ComponentContext(JID domain, PacketSender sender, Store store, Clock clock, String version) {
}
