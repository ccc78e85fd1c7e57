package org.xcs.muc.room;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.xmpp.packet.JID;

/**
 * A room's state (XEP-0045 §4: room JID, configuration, affiliations, occupants, subject, history, reserved nicks)
 * and the rules that depend only on it. No XML here: the stanza layers read and change it on the room's serial
 * queue, so it needs no locking. Feature logic lives in the feature packages, not in this class.
 */
public final class Room {
    private final JID jid;
    private RoomConfig config;
    /** XEP-0045 §10.1.1: a new room is locked until its owner configures it or accepts the default. */
    private boolean locked;
    private final Instant created;
    /** Bare JID string -> affiliation other than NONE. */
    private final Map<String, Affiliation> affiliations = new LinkedHashMap<>();
    /** Bare JID string -> reason given with the affiliation change (ban reason, XEP-0045 §9.1). */
    private final Map<String, String> affiliationReasons = new HashMap<>();
    /** Nick (as shown) -> occupant, in order of entry. */
    private final Map<String, Occupant> occupantsByNick = new LinkedHashMap<>();
    /** Real full JID -> occupant. */
    private final Map<JID, Occupant> occupantsByRealJid = new HashMap<>();
    /** Bare JID string -> registered (reserved) nick, XEP-0045 §7.10. */
    private final Map<String, String> registeredNicks = new LinkedHashMap<>();
    private Subject subject = Subject.NONE;
    private final RoomHistory history;

    public Room(JID jid, RoomConfig config, Instant created) {
        this.jid = jid.asBareJID();
        this.config = config;
        this.created = created;
        this.history = new RoomHistory(config.historyLength);
    }

    public JID jid() {
        return jid;
    }

    public String name() {
        return jid.getNode();
    }

    public RoomConfig config() {
        return config;
    }

    public void config(RoomConfig config) {
        this.config = config;
        history.capacity(config.historyLength);
    }

    public boolean isLocked() {
        return locked;
    }

    public void locked(boolean locked) {
        this.locked = locked;
    }

    public Instant created() {
        return created;
    }

    // --- affiliations (XEP-0045 §5.2)

    public Affiliation affiliation(JID real) {
        return affiliations.getOrDefault(real.toBareJID(), Affiliation.NONE);
    }

    /** Sets (NONE removes) an affiliation with an optional reason. */
    public void affiliation(JID real, Affiliation affiliation, String reason) {
        String bare = real.toBareJID();
        if (affiliation == Affiliation.NONE) {
            affiliations.remove(bare);
            affiliationReasons.remove(bare);
        } else {
            affiliations.put(bare, affiliation);
            if (reason == null || reason.isEmpty()) {
                affiliationReasons.remove(bare);
            } else {
                affiliationReasons.put(bare, reason);
            }
        }
    }

    public Optional<String> affiliationReason(JID real) {
        return Optional.ofNullable(affiliationReasons.get(real.toBareJID()));
    }

    /** Bare JIDs holding {@code affiliation}, in the order they got it. */
    public List<JID> withAffiliation(Affiliation affiliation) {
        return affiliations.entrySet().stream().filter(e -> e.getValue() == affiliation)
                .map(e -> new JID(e.getKey())).toList();
    }

    public Map<String, Affiliation> affiliations() {
        return Collections.unmodifiableMap(affiliations);
    }

    // --- occupants (XEP-0045 §5.1)

    public Optional<Occupant> occupant(String nick) {
        return Optional.ofNullable(occupantsByNick.get(nick));
    }

    public Optional<Occupant> occupantByRealJid(JID fullJid) {
        return Optional.ofNullable(occupantsByRealJid.get(fullJid));
    }

    /** All occupants of a bare JID (normally one; several only if they use several nicks). */
    public List<Occupant> occupantsOf(JID real) {
        String bare = real.toBareJID();
        return occupantsByNick.values().stream().filter(o -> o.bareJid().toBareJID().equals(bare)).toList();
    }

    public Collection<Occupant> occupants() {
        return Collections.unmodifiableCollection(occupantsByNick.values());
    }

    public int occupantCount() {
        return occupantsByNick.size();
    }

    public boolean isEmpty() {
        return occupantsByNick.isEmpty();
    }

    /** Adds a session under {@code nick}, creating the occupant when the nick is new. */
    public Occupant addSession(String nick, JID fullJid, Role role) {
        Occupant occupant = occupantsByNick.computeIfAbsent(nick, n -> new Occupant(n, fullJid, role));
        occupantsByRealJid.put(fullJid, occupant);
        return occupant;
    }

    /** Removes one session; the occupant goes when its last session does. Returns the occupant if it left. */
    public Optional<Occupant> removeSession(JID fullJid) {
        Occupant occupant = occupantsByRealJid.remove(fullJid);
        if (occupant == null) {
            return Optional.empty();
        }
        occupant.removeSession(fullJid);
        if (!occupant.hasSessions()) {
            occupantsByNick.remove(occupant.nick());
            return Optional.of(occupant);
        }
        return Optional.empty();
    }

    /** Removes an occupant with all its sessions (kick, ban, nick change). */
    public void removeOccupant(Occupant occupant) {
        occupantsByNick.remove(occupant.nick());
        occupant.sessions().forEach(occupantsByRealJid::remove);
    }

    /** Re-registers an occupant whose nick changed (XEP-0045 §7.6), keeping its sessions, role and presences. */
    public Occupant rename(Occupant occupant, String newNick) {
        removeOccupant(occupant);
        Occupant renamed = occupant.renamed(newNick);
        occupantsByNick.put(newNick, renamed);
        renamed.sessions().forEach(session -> occupantsByRealJid.put(session, renamed));
        return renamed;
    }

    /** The occupant JID {@code room@service/nick}. */
    public JID occupantJid(String nick) {
        return new JID(jid.getNode(), jid.getDomain(), nick);
    }

    // --- rules that depend only on the state

    /** XEP-0045 §5.1.2: the role an occupant gets on entering, from its affiliation and the configuration. */
    public Role defaultRole(Affiliation affiliation) {
        return switch (affiliation) {
            case OWNER, ADMIN -> Role.MODERATOR;
            case MEMBER -> Role.PARTICIPANT;
            case NONE -> config.moderatedRoom ? Role.VISITOR : Role.PARTICIPANT;
            case OUTCAST -> Role.NONE;
        };
    }

    /** Whether {@code viewer} may see occupants' real JIDs (XEP-0045 §7.2.4). */
    public boolean mayDiscoverRealJids(Occupant viewer) {
        return config.nonAnonymous() || viewer.role() == Role.MODERATOR;
    }

    // --- reserved nicks (XEP-0045 §7.10)

    public Optional<String> registeredNick(JID real) {
        return Optional.ofNullable(registeredNicks.get(real.toBareJID()));
    }

    public Optional<JID> registrantOf(String nick) {
        return registeredNicks.entrySet().stream().filter(e -> e.getValue().equals(nick)).findFirst()
                .map(e -> new JID(e.getKey()));
    }

    public void registerNick(JID real, String nick) {
        if (nick == null) {
            registeredNicks.remove(real.toBareJID());
        } else {
            registeredNicks.put(real.toBareJID(), nick);
        }
    }

    public Map<String, String> registeredNicks() {
        return Collections.unmodifiableMap(registeredNicks);
    }

    // --- subject and history

    public Subject subject() {
        return subject;
    }

    public void subject(Subject subject) {
        this.subject = subject;
    }

    public RoomHistory history() {
        return history;
    }
}
