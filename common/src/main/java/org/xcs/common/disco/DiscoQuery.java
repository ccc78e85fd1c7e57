package org.xcs.common.disco;

import org.xmpp.packet.JID;

/** Who asks, which entity is asked, and which node (null: the entity itself). */
public record DiscoQuery(JID requester, JID target, String node) {
}
