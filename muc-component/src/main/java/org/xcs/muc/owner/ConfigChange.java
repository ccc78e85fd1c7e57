package org.xcs.muc.owner;

import java.util.Optional;
import java.util.Set;
import org.xcs.muc.room.RoomConfig;
import org.xmpp.packet.JID;

/**
 * A validated configuration submission: the complete new configuration, and the full owner and admin lists when
 * the form carried them (XEP-0045 §10.2: {@code roomowners}/{@code roomadmins} replace the lists, unlike the
 * deltas of §10.5/§10.8); empty when the field was not submitted (XEP-0004 §3.5: the value stays).
 */
record ConfigChange(RoomConfig config, Optional<Set<JID>> owners, Optional<Set<JID>> admins) {
}
