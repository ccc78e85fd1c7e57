package org.xcs.pubsub.privilege;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.dom4j.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xcs.common.error.XmppException;
import org.xcs.common.router.IqHandler;
import org.xcs.common.router.IqTracker;
import org.xcs.pubsub.pep.PepEvents;
import org.xcs.pubsub.pep.RosterItem;
import org.xcs.pubsub.pep.Rosters;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError;

/**
 * The host users' rosters, read with the XEP-0356 §3 roster permission: fetched on first need and again when the
 * owner comes online, kept current by the roster pushes the host sends (§3.4), bounded (least recently used rosters
 * of offline owners go first).
 *
 * <p>A miss (roster not fetched yet, being fetched, or no permission) answers "not in the roster": presence and
 * roster access models then deny everyone but the owner, and contacts get no notification, until the fetch ends
 * and {@link PepEvents#rosterChanged} lets the PEP core decide again. That errs on the side of privacy.
 */
public final class HostRosters implements Rosters, IqHandler {
    private static final Logger log = LoggerFactory.getLogger(HostRosters.class);

    private final HostGrants grants;
    private final JID componentDomain;
    private final IqTracker tracker;
    private final OwnerQueue queue;
    private final PepEvents events;
    private final Predicate<String> online;
    private final int capacity;
    private final Duration timeout;

    private final LinkedHashMap<String, Map<String, RosterItem>> cache = new LinkedHashMap<>(16, 0.75f, true);
    private final Set<String> fetching = new HashSet<>();

    HostRosters(HostGrants grants, JID componentDomain, IqTracker tracker, OwnerQueue queue, PepEvents events,
                Predicate<String> online, int capacity, Duration timeout) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.grants = grants;
        this.componentDomain = componentDomain;
        this.tracker = tracker;
        this.queue = queue;
        this.events = events;
        this.online = online;
        this.capacity = capacity;
        this.timeout = timeout;
    }

    @Override
    public RosterItem item(String ownerBare, String contactBare) {
        Map<String, RosterItem> roster = rosterOrFetch(ownerBare);
        return roster == null ? null : roster.get(bare(contactBare));
    }

    @Override
    public Collection<RosterItem> items(String ownerBare) {
        Map<String, RosterItem> roster = rosterOrFetch(ownerBare);
        return roster == null ? List.of() : List.copyOf(roster.values());
    }

    /** Whether {@code ownerBare}'s roster is cached now. */
    public synchronized boolean isCached(String ownerBare) {
        return cache.containsKey(ownerBare);
    }

    public synchronized int size() {
        return cache.size();
    }

    /** The owner came online: fetch again, as pushes may have been missed while the component was away. */
    void refresh(String ownerBare) {
        fetch(ownerBare);
    }

    /** Forgets everything, e.g. after a reconnect (pushes were missed meanwhile). */
    synchronized void clear() {
        cache.clear();
        fetching.clear();
    }

    private Map<String, RosterItem> rosterOrFetch(String ownerBare) {
        synchronized (this) {
            Map<String, RosterItem> roster = cache.get(ownerBare);
            if (roster != null) {
                return Map.copyOf(roster);
            }
        }
        fetch(ownerBare);
        return null;
    }

    private void fetch(String ownerBare) {
        if (!grants.grants().canReadRosters() || !isHostUser(ownerBare)) {
            return;
        }
        synchronized (this) {
            if (!fetching.add(ownerBare)) {
                return;
            }
        }
        IQ get = new IQ(IQ.Type.get);
        get.setFrom(componentDomain);
        get.setTo(ownerBare);
        get.setChildElement("query", PrivilegeNs.ROSTER);
        tracker.send(get, timeout).whenComplete((reply, failure) -> {
            if (failure != null || reply.getType() != IQ.Type.result) {
                synchronized (this) {
                    fetching.remove(ownerBare);
                }
                log.warn("Roster of {} not fetched: {}", ownerBare,
                        failure != null ? failure.toString() : reply.toXML());
                return;
            }
            Map<String, RosterItem> items = parse(reply.getChildElement());
            boolean queued = queue.submit(ownerBare, () -> {
                synchronized (this) {
                    fetching.remove(ownerBare);
                    cache.put(ownerBare, items);
                    evict();
                }
                events.rosterChanged(ownerBare);
            });
            if (!queued) {
                synchronized (this) {
                    fetching.remove(ownerBare);
                }
            }
        });
    }

    /** XEP-0356 §3.4 roster push (RFC 6121 §2.1.6), on the owner's queue; answered with a result. */
    @Override
    public IQ handle(IQ push) {
        JID from = push.getFrom();
        if (push.getType() != IQ.Type.set || from == null || from.getNode() == null || from.getResource() != null
                || !isHostUser(from.toBareJID())) {
            // RFC 6121 §2.1.6: a push not from the user's bare JID (or the server) is refused.
            throw new XmppException(PacketError.Condition.service_unavailable);
        }
        String owner = from.toBareJID();
        boolean known;
        synchronized (this) {
            Map<String, RosterItem> roster = cache.get(owner);
            known = roster != null;
            if (known) {
                Element query = push.getChildElement();
                for (Element item : query.elements("item")) {
                    String jid = bareOrNull(item.attributeValue("jid"));
                    if (jid == null) {
                        continue;
                    }
                    if ("remove".equals(item.attributeValue("subscription"))) {
                        roster.remove(jid);
                    } else {
                        roster.put(jid, item(jid, item));
                    }
                }
            }
        }
        if (known) {
            events.rosterChanged(owner);
        }
        // Unknown roster: nothing to update; the next need fetches the current one.
        return IQ.createResultIQ(push);
    }

    private void evict() {
        // Offline owners' rosters go first (least recently used first): theirs are the least likely to be needed.
        Iterator<String> it = cache.keySet().iterator();
        while (cache.size() > capacity && it.hasNext()) {
            String owner = it.next();
            if (!online.test(owner)) {
                it.remove();
            }
        }
        it = cache.keySet().iterator();
        while (cache.size() > capacity && it.hasNext()) {
            it.next();
            it.remove();
        }
    }

    private static Map<String, RosterItem> parse(Element query) {
        Map<String, RosterItem> items = new LinkedHashMap<>();
        if (query == null) {
            return items;
        }
        for (Element item : query.elements("item")) {
            String jid = bareOrNull(item.attributeValue("jid"));
            if (jid != null) {
                items.put(jid, item(jid, item));
            }
        }
        return items;
    }

    private static RosterItem item(String jid, Element item) {
        Set<String> groups = new LinkedHashSet<>();
        for (Element group : item.elements("group")) {
            groups.add(group.getTextTrim());
        }
        // RFC 6121 §2.1.2.5: no subscription attribute means "none".
        return new RosterItem(jid, item.attributeValue("subscription", "none"), groups);
    }

    private boolean isHostUser(String bare) {
        try {
            JID jid = new JID(bare);
            return jid.getNode() != null && grants.hostDomain().equals(jid.getDomain());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String bareOrNull(String jid) {
        try {
            return jid == null ? null : new JID(jid).toBareJID();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String bare(String jid) {
        String b = bareOrNull(jid);
        return b == null ? jid : b;
    }
}
