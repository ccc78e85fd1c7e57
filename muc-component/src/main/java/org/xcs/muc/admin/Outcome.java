package org.xcs.muc.admin;

import java.util.ArrayList;
import java.util.List;
import org.xmpp.packet.Packet;

/**
 * What a change sends, split around the IQ result: XEP-0045 §8.2 and §9.1 tell the removed occupant first, then
 * the requester (result), then everyone else; role and affiliation updates come after the result (§8.3, §9.3).
 */
final class Outcome {
    final List<Packet> beforeReply = new ArrayList<>();
    final List<Packet> afterReply = new ArrayList<>();
}
