package org.xcs.muc.owner;

import java.util.List;

/**
 * The field vars of the {@code muc#roomconfig} form (XEP-0045 §15.5.3 registry), plus the widely used ones that the
 * registry lacks: history length and default history (as Prosody names them), voice requests (as ejabberd names
 * it) and contact JIDs (mirroring {@code muc#roominfo_contactjid}, XEP-0045 §6.4).
 */
final class RoomConfigFields {
    static final String ROOMNAME = "muc#roomconfig_roomname";
    static final String ROOMDESC = "muc#roomconfig_roomdesc";
    static final String LANG = "muc#roomconfig_lang";
    static final String ENABLELOGGING = "muc#roomconfig_enablelogging";
    static final String CHANGESUBJECT = "muc#roomconfig_changesubject";
    static final String ALLOWINVITES = "muc#roomconfig_allowinvites";
    static final String ALLOWPM = "muc#roomconfig_allowpm";
    static final String MAXUSERS = "muc#roomconfig_maxusers";
    static final String PRESENCEBROADCAST = "muc#roomconfig_presencebroadcast";
    static final String GETMEMBERLIST = "muc#roomconfig_getmemberlist";
    static final String PUBLICROOM = "muc#roomconfig_publicroom";
    static final String PERSISTENTROOM = "muc#roomconfig_persistentroom";
    static final String MODERATEDROOM = "muc#roomconfig_moderatedroom";
    static final String MEMBERSONLY = "muc#roomconfig_membersonly";
    static final String PASSWORDPROTECTEDROOM = "muc#roomconfig_passwordprotectedroom";
    static final String ROOMSECRET = "muc#roomconfig_roomsecret";
    static final String WHOIS = "muc#roomconfig_whois";
    static final String ALLOWVOICEREQUESTS = "muc#roomconfig_allowvoicerequests";
    static final String MAXHISTORYFETCH = "muc#maxhistoryfetch";
    static final String HISTORYLENGTH = "muc#roomconfig_historylength";
    static final String DEFAULTHISTORYMESSAGES = "muc#roomconfig_defaulthistorymessages";
    static final String ROOMADMINS = "muc#roomconfig_roomadmins";
    static final String ROOMOWNERS = "muc#roomconfig_roomowners";
    static final String CONTACTJID = "muc#roomconfig_contactjid";
    static final String PUBSUB = "muc#roomconfig_pubsub";

    /** XEP-0045 §10.1.3 example: the maxusers choices; "none" is no limit. */
    static final List<Integer> MAXUSERS_CHOICES = List.of(10, 20, 30, 50, 100);
    static final String NO_LIMIT = "none";

    private RoomConfigFields() {
    }
}
