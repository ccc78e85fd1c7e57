package org.xcs.common.stanza;

/** Wire namespaces used by the toolkit; each module keeps its own protocol namespaces next to its code. */
public final class Namespaces {
    /** RFC 6120 §4.8.3: stanzas carried inside other stanzas (XEP-0297) are qualified by this, not by the stream's. */
    public static final String JABBER_CLIENT = "jabber:client";
    public static final String JABBER_SERVER = "jabber:server";
    /** XEP-0114: the default namespace of our stream to the host. */
    public static final String COMPONENT_ACCEPT = "jabber:component:accept";
    public static final String DATA_FORMS = "jabber:x:data";
    public static final String DISCO_INFO = "http://jabber.org/protocol/disco#info";
    public static final String DISCO_ITEMS = "http://jabber.org/protocol/disco#items";
    public static final String RSM = "http://jabber.org/protocol/rsm";
    public static final String DELAY = "urn:xmpp:delay";
    public static final String FORWARD = "urn:xmpp:forward:0";
    public static final String SID = "urn:xmpp:sid:0";
    public static final String PING = "urn:xmpp:ping";
    public static final String VERSION = "jabber:iq:version";
    public static final String TIME = "urn:xmpp:time";

    private Namespaces() {
    }
}
