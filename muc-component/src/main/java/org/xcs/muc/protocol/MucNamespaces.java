package org.xcs.muc.protocol;

/** XEP-0045 §19.1 namespaces and form types. */
public final class MucNamespaces {
    public static final String MUC = "http://jabber.org/protocol/muc";
    public static final String USER = "http://jabber.org/protocol/muc#user";
    public static final String ADMIN = "http://jabber.org/protocol/muc#admin";
    public static final String OWNER = "http://jabber.org/protocol/muc#owner";
    public static final String UNIQUE = "http://jabber.org/protocol/muc#unique";
    public static final String ROOMCONFIG = "http://jabber.org/protocol/muc#roomconfig";
    public static final String ROOMINFO = "http://jabber.org/protocol/muc#roominfo";
    public static final String REGISTER_FORM = "http://jabber.org/protocol/muc#register";
    public static final String REQUEST = "http://jabber.org/protocol/muc#request";
    public static final String REGISTER = "jabber:iq:register";
    public static final String CONFERENCE = "jabber:x:conference";
    /** XEP-0045 §7.4 note, §16.3: groupchat reflections keep the sender's message id. */
    public static final String STABLE_ID = "http://jabber.org/protocol/muc#stable_id";
    /** XEP-0410 §4: the room answers an occupant's ping to its own occupant JID. */
    public static final String SELF_PING = "http://jabber.org/protocol/muc#self-ping-optimization";

    private MucNamespaces() {
    }
}
