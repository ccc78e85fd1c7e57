package org.xcs.pubsub.service;

/** The one JID operation the core needs: affiliations and the §6.1.3.1 check work on bare JIDs (XEP-0060 §4.1). */
final class Jids {

    private Jids() {
    }

    static String bare(String jid) {
        int slash = jid.indexOf('/');
        return slash < 0 ? jid : jid.substring(0, slash);
    }
}
