package org.xcs.muc.room;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The room configuration of XEP-0045 §10.2 ({@code muc#roomconfig}), as plain values. Defaults follow the spec's
 * examples and what clients expect from a fresh room (public, persistent off, semi-anonymous, open).
 */
public final class RoomConfig {

    /** XEP-0045 §15.5.3 {@code muc#roomconfig_whois}: who may see occupants' real JIDs. */
    public enum Whois { MODERATORS, ANYONE }

    /** {@code muc#roomconfig_allowpm}: who may send private messages. */
    public enum AllowPm { ANYONE, PARTICIPANTS, MODERATORS, NONE }

    public String name = "";
    public String description = "";
    public String lang = "";
    public boolean enableLogging = false;
    public boolean changeSubject = false;
    public boolean allowInvites = false;
    public AllowPm allowPm = AllowPm.ANYONE;
    /** 0 means no limit. */
    public int maxUsers = 0;
    /** Roles whose presence is broadcast (XEP-0045 §15.5.3 muc#roomconfig_presencebroadcast). */
    public Set<Role> presenceBroadcast = EnumSet.of(Role.MODERATOR, Role.PARTICIPANT, Role.VISITOR);
    public boolean publicRoom = true;
    public boolean persistentRoom = false;
    public boolean moderatedRoom = false;
    public boolean membersOnly = false;
    public boolean passwordProtected = false;
    public String password = "";
    public Whois whois = Whois.MODERATORS;
    /** Messages kept for history (muc#maxhistoryfetch / historylength). */
    public int historyLength = 20;
    /** Messages sent on join when the client asks for nothing specific. */
    public int defaultHistoryMessages = 20;
    public List<String> contactJids = new ArrayList<>();
    /** Node for XEP-0060 notifications of the room (muc#roomconfig_pubsub); empty when none. */
    public String pubsub = "";
    /** XEP-0045 §7.2.? (voice requests, muc#roomconfig_allowvoicerequests); on by default as Prosody/ejabberd. */
    public boolean allowVoiceRequests = true;

    public RoomConfig copy() {
        RoomConfig c = new RoomConfig();
        c.name = name;
        c.description = description;
        c.lang = lang;
        c.enableLogging = enableLogging;
        c.changeSubject = changeSubject;
        c.allowInvites = allowInvites;
        c.allowPm = allowPm;
        c.maxUsers = maxUsers;
        c.presenceBroadcast = presenceBroadcast.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(presenceBroadcast);
        c.publicRoom = publicRoom;
        c.persistentRoom = persistentRoom;
        c.moderatedRoom = moderatedRoom;
        c.membersOnly = membersOnly;
        c.passwordProtected = passwordProtected;
        c.password = password;
        c.whois = whois;
        c.historyLength = historyLength;
        c.defaultHistoryMessages = defaultHistoryMessages;
        c.contactJids = new ArrayList<>(contactJids);
        c.pubsub = pubsub;
        c.allowVoiceRequests = allowVoiceRequests;
        c.getMemberListRoles = getMemberListRoles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(getMemberListRoles);
        return c;
    }

    /** Non-anonymous room: every occupant may see real JIDs (XEP-0045 §4.1, status 100/172). */
    public boolean nonAnonymous() {
        return whois == Whois.ANYONE;
    }

    /**
     * XEP-0045 §15.5.3 {@code muc#roomconfig_getmemberlist} (list-multi of roles): the roles whose occupants may
     * retrieve the member list (admins and owners always may; no roles: only they). The one source of truth: admin's
     * list access reads it, owner's form sets it, the store keeps it.
     */
    public Set<Role> getMemberListRoles = EnumSet.of(Role.MODERATOR, Role.PARTICIPANT, Role.VISITOR);
}
