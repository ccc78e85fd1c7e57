package org.xcs.muc.owner;

/** The muc#owner requests of XEP-0045 §10 as XML, for the tests. */
final class OwnerRequests {
    static final String OWNER_NS = "http://jabber.org/protocol/muc#owner";

    private OwnerRequests() {
    }

    static String getForm(String id, String from, String room) {
        return "<iq type='get' id='" + id + "' from='" + from + "' to='" + room + "'><query xmlns='" + OWNER_NS
                + "'/></iq>";
    }

    /** A submit form with FORM_TYPE and the given {@code <field/>} elements. */
    static String submit(String id, String from, String room, String fields) {
        return "<iq type='set' id='" + id + "' from='" + from + "' to='" + room + "'><query xmlns='" + OWNER_NS
                + "'><x xmlns='jabber:x:data' type='submit'><field var='FORM_TYPE'>"
                + "<value>http://jabber.org/protocol/muc#roomconfig</value></field>" + fields + "</x></query></iq>";
    }

    /** XEP-0045 §10.1.2: the empty submit form of an instant room. */
    static String instant(String id, String from, String room) {
        return "<iq type='set' id='" + id + "' from='" + from + "' to='" + room + "'><query xmlns='" + OWNER_NS
                + "'><x xmlns='jabber:x:data' type='submit'/></query></iq>";
    }

    static String cancel(String id, String from, String room) {
        return "<iq type='set' id='" + id + "' from='" + from + "' to='" + room + "'><query xmlns='" + OWNER_NS
                + "'><x xmlns='jabber:x:data' type='cancel'/></query></iq>";
    }

    static String destroy(String id, String from, String room, String destroyXml) {
        return "<iq type='set' id='" + id + "' from='" + from + "' to='" + room + "'><query xmlns='" + OWNER_NS
                + "'>" + destroyXml + "</query></iq>";
    }

    static String field(String var, String... values) {
        StringBuilder f = new StringBuilder("<field var='" + var + "'>");
        for (String v : values) {
            f.append("<value>").append(v).append("</value>");
        }
        return f.append("</field>").toString();
    }
}
