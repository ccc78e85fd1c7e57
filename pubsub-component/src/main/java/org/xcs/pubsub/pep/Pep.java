package org.xcs.pubsub.pep;

import java.time.Clock;

import org.xcs.common.component.PacketSender;
import org.xcs.common.router.IqHandler;
import org.xcs.common.store.Store;
import org.xcs.pubsub.protocol.ReplyOrder;
import org.xcs.pubsub.service.ServiceSettings;
import org.xcs.pubsub.store.PepNodeStores;

/**
 * The PEP service of the host's users (XEP-0163), for the privilege layer to wire in one line:
 * <pre>{@code
 * Pep pep = new Pep(context.store(), rosters, presences, privilegedOut, protocol.replyOrder(), context.clock());
 * }</pre>
 * {@link #iqHandler()} answers unwrapped delegated IQs ({@code from} user@host/res, {@code to} owner@host) with the
 * inner reply; {@link #events()} takes availability and roster changes. Notifications leave through
 * {@code privilegedOut} (from the owner's bare JID, for the privilege layer to wrap, XEP-0356 §7), those of a
 * request right after its reply has left through the component's sender ({@code afterReply}).
 */
public final class Pep {
    /** "max" for pubsub#max_items (XEP-0402 bookmarks): the most items one PEP node keeps. */
    public static final long MAX_ITEMS_LIMIT = 10_000;
    /** XEP-0084 avatar data is base64 in the item; hosts cap stanzas near 256 KiB-10 MiB. */
    public static final long MAX_PAYLOAD_BYTES = 512 * 1024;
    public static final int ITEMS_PAGE_CAP = 500;

    private final PepIq iq;
    private final PepPresence events;

    /** Opens the PEP maps: call at start-up, outside transactions. */
    public Pep(Store store, Rosters rosters, Presences presences, PacketSender privilegedOut, ReplyOrder afterReply,
               Clock clock) {
        this(store, ServiceSettings.pep(MAX_ITEMS_LIMIT, MAX_PAYLOAD_BYTES, ITEMS_PAGE_CAP), rosters, presences,
                privilegedOut, afterReply, clock);
    }

    public Pep(Store store, ServiceSettings settings, Rosters rosters, Presences presences,
               PacketSender privilegedOut, ReplyOrder afterReply, Clock clock) {
        PepServices services = new PepServices(new PepNodeStores(store), settings, rosters, presences, clock);
        this.iq = new PepIq(services, rosters, afterReply, privilegedOut);
        this.events = new PepPresence(services, rosters, presences, privilegedOut);
    }

    /** Answers an unwrapped delegated IQ: always returns the result or error to the requester, never throws. */
    public IqHandler iqHandler() {
        return iq;
    }

    public PepEvents events() {
        return events;
    }
}
