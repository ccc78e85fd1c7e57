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

    private MucNamespaces() {
    }
}
