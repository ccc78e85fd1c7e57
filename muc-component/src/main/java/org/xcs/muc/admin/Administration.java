package org.xcs.muc.admin;

import org.xcs.muc.MucContext;
import org.xcs.muc.protocol.MucNamespaces;
import org.xmpp.packet.IQ;

/** Moderator and admin use cases over muc#admin (XEP-0045 §8.2-§8.5, §9, §10.3-§10.8): kick, voice, bans, member, moderator, admin and owner lists. */
public final class Administration {
    private Administration() {
    }

    /** Registers this area's handlers, disco features and form fields. */
    public static void install(MucContext context) {
        AdminIqHandler handler = new AdminIqHandler(context);
        context.router().onIq(IQ.Type.get, MucNamespaces.ADMIN, handler::get);
        context.router().onIqAsync(IQ.Type.set, MucNamespaces.ADMIN, null, handler::set);
    }
}
