package org.xcs.muc.protocol;

/** XEP-0045 §15.6.2: the status codes of {@code <status code=.../>} in muc#user. */
public final class StatusCode {
    public static final int REAL_JID_VISIBLE = 100;
    public static final int AFFILIATION_CHANGED_OUTSIDE = 101;
    public static final int SHOWS_UNAVAILABLE = 102;
    public static final int SHOWS_AVAILABLE = 103;
    public static final int CONFIG_CHANGED_NON_PRIVACY = 104;
    public static final int SELF_PRESENCE = 110;
    public static final int LOGGING_ENABLED = 170;
    public static final int LOGGING_DISABLED = 171;
    public static final int NON_ANONYMOUS = 172;
    public static final int SEMI_ANONYMOUS = 173;
    public static final int FULLY_ANONYMOUS = 174;
    public static final int ROOM_CREATED = 201;
    public static final int NICK_ASSIGNED = 210;
    public static final int BANNED = 301;
    public static final int NEW_NICK = 303;
    public static final int KICKED = 307;
    public static final int REMOVED_AFFILIATION = 321;
    public static final int REMOVED_MEMBERS_ONLY = 322;
    public static final int REMOVED_SHUTDOWN = 332;
    public static final int REMOVED_ERROR = 333;

    private StatusCode() {
    }
}
