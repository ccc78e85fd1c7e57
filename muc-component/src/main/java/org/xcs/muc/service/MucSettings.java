package org.xcs.muc.service;

import java.util.Set;
import org.xmpp.packet.JID;

/**
 * Service-wide settings from the command line.
 *
 * @param hostDomains     the domains whose users count as "local" (the component's parent domain by default)
 * @param admins          bare JIDs with owner rights in every room and room creation under {@code ADMINS}
 * @param maxHistory      cap on any room's history length
 * @param maxMessageChars larger groupchat/private message bodies are refused (not-acceptable)
 * @param publicOccupantLists whether a public, open room without password lists its occupants in disco#items to
 *                        non-occupants too (XEP-0045 §6.5 MAY, advised off by default)
 */
public record MucSettings(CreationPolicy creationPolicy, Set<String> hostDomains, Set<JID> admins,
                          int maxHistory, int maxMessageChars, boolean publicOccupantLists) {

    /** Occupant lists private (XEP-0045 §6.5 advice). */
    public MucSettings(CreationPolicy creationPolicy, Set<String> hostDomains, Set<JID> admins, int maxHistory,
                       int maxMessageChars) {
        this(creationPolicy, hostDomains, admins, maxHistory, maxMessageChars, false);
    }

    public boolean isAdmin(JID jid) {
        return admins.contains(jid.asBareJID());
    }

    public boolean isLocal(JID jid) {
        return hostDomains.contains(jid.getDomain());
    }

    public boolean mayCreate(JID jid) {
        return switch (creationPolicy) {
            case ANYONE -> true;
            case LOCAL -> isLocal(jid) || isAdmin(jid);
            case ADMINS -> isAdmin(jid);
        };
    }
}
