package org.xcs.muc.owner;

import org.xcs.muc.MucContext;
import org.xcs.muc.protocol.MucNamespaces;
import org.xmpp.packet.IQ;

/** Owner use cases over muc#owner (XEP-0045 §10): instant and reserved rooms, the muc#roomconfig form, destroying a room. */
public final class Ownership {
    private Ownership() {
    }

    /** Registers this area's handlers, disco features and form fields. */
    public static void install(MucContext context) {
        OwnerIqHandler handler = new OwnerIqHandler(context);
        context.router().onIq(IQ.Type.get, MucNamespaces.OWNER, handler::get);
        context.router().onIq(IQ.Type.set, MucNamespaces.OWNER, handler::set);
    }
}
