package org.xcs.muc.room;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.xmpp.packet.JID;
import org.xmpp.packet.Presence;

/**
 * One nick in a room. XEP-0045 §7.2.? (multi-session nicks): several sessions (full JIDs) of the same bare JID may
 * share one nick; each keeps its own last presence, which is what other occupants see (the newest one).
 * The presence is kept as the client sent it (show, status, caps...) because the room relays it, not interprets it.
 */
public final class Occupant {
    private final String nick;
    private final JID bareJid;
    private Role role;
    private final Map<JID, Presence> sessions = new LinkedHashMap<>();

    public Occupant(String nick, JID bareJid, Role role) {
        this.nick = nick;
        this.bareJid = bareJid.asBareJID();
        this.role = role;
    }

    public String nick() {
        return nick;
    }

    /** The real bare JID behind the nick. */
    public JID bareJid() {
        return bareJid;
    }

    public Role role() {
        return role;
    }

    public void role(Role role) {
        this.role = role;
    }

    /** The same sessions and presences under another nick (XEP-0045 §7.6). */
    public Occupant renamed(String newNick) {
        Occupant renamed = new Occupant(newNick, bareJid, role);
        renamed.sessions.putAll(sessions);
        return renamed;
    }

    public Collection<JID> sessions() {
        return Collections.unmodifiableCollection(sessions.keySet());
    }

    public boolean hasSession(JID fullJid) {
        return sessions.containsKey(fullJid);
    }

    /** Adds or refreshes a session's presence; moves it to the end (the newest presence is the one shown). */
    public void presence(JID fullJid, Presence presence) {
        sessions.remove(fullJid);
        sessions.put(fullJid, presence);
    }

    public void removeSession(JID fullJid) {
        sessions.remove(fullJid);
    }

    public boolean hasSessions() {
        return !sessions.isEmpty();
    }

    /** The presence others see: the most recent one of any session. */
    public Optional<Presence> presence() {
        Presence last = null;
        for (Presence p : sessions.values()) {
            last = p;
        }
        return Optional.ofNullable(last);
    }

    /** The real full JID shown to those allowed to see it (XEP-0045 §7.2.4): the newest session. */
    public JID realJid() {
        JID last = null;
        for (JID j : sessions.keySet()) {
            last = j;
        }
        return last == null ? bareJid : last;
    }
}
