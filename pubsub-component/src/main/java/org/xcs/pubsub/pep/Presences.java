package org.xcs.pubsub.pep;

import java.util.Set;

/** Who is online, as the privilege layer sees it (XEP-0356 presence permission), with XEP-0115 capabilities. */
public interface Presences {

    /** Full JIDs of {@code bareJid} currently available; empty when none or unknown. */
    Set<String> available(String bareJid);

    /**
     * Whether the resource's entity capabilities include {@code node + "+notify"} (XEP-0163 §4.4, XEP-0115); false
     * while its capabilities are not known yet.
     */
    boolean wantsNotify(String fullJid, String node);
}
