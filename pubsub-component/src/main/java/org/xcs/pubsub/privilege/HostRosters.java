package org.xcs.pubsub.privilege;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
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
 * The host users' rosters, read with the XEP-0356 §3 roster permission: fetched on first need, again when one of the
 * owner's resources comes online or changes its capabilities, and again after each change the owner makes to its PEP
 * ({@link #refresh}); kept current by the roster pushes a host may send (§3.4). Bounded (least recently used rosters
 * of offline owners go first).
 *
 * <p>Re-reading is needed because a host need not push: Prosody 0.12's mod_privilege sends no roster push, so a
 * subscription made after the first fetch stayed unknown and the new contact got no notification. Each fetch (or
 * push) is compared with the roster it replaces: contacts that now receive the owner's presence and did not before
 * go to {@link PepEvents#contactsGained} (XEP-0163 §4.3.2). Fetches never block a queue: at most one per owner is in
 * flight, and a re-read asked for meanwhile follows it once (it may reflect a change the one in flight predates).
 *
 * <p>A miss (roster not fetched yet, being fetched, or no permission) answers "not in the roster": presence and
 * roster access models then deny everyone but the owner, and contacts get no notification, until the fetch ends
 * and the contacts it brings are reported as gained. That errs on the side of privacy.
 */
public final class HostRosters implements Rosters, IqHandler {
    private static final Logger log = LoggerFactory.getLogger(HostRosters.class);

    /** One owner's fetch in flight; {@code again}: a re-read asked for meanwhile, started when this one ends. */
    private static final class Fetch {
        final CompletableFuture<Void> done;
        CompletableFuture<Void> again;

        Fetch(CompletableFuture<Void> done) {
            this.done = done;
        }
    }

    private final HostGrants grants;
    private final JID componentDomain;
    private final IqTracker tracker;
    private final OwnerQueue queue;
    private final PepEvents events;
    private final Predicate<String> online;
    private final int capacity;
    private final Duration timeout;

    private final LinkedHashMap<String, Map<String, RosterItem>> cache = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<String, Fetch> fetching = new HashMap<>();
    private final AtomicLong fetches = new AtomicLong();

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

    @Override
    public void refresh(String ownerBare) {
        reload(ownerBare);
    }

    /** Whether {@code ownerBare}'s roster is cached now. */
    public synchronized boolean isCached(String ownerBare) {
        return cache.containsKey(ownerBare);
    }

    public synchronized int size() {
        return cache.size();
    }

    /** Roster gets sent since start. */
    public long fetches() {
        return fetches.get();
    }

    /**
     * Reads {@code ownerBare}'s roster again. The future completes on the owner's queue once the cache holds the
     * answer (and the PEP core was told what changed), or as soon as it is known that none will come; at once when
     * there is nothing to read (no permission, not a host user).
     */
    CompletableFuture<Void> reload(String ownerBare) {
        if (!canFetch(ownerBare)) {
            return CompletableFuture.completedFuture(null);
        }
        Fetch started;
        synchronized (this) {
            Fetch inFlight = fetching.get(ownerBare);
            if (inFlight != null) {
                if (inFlight.again == null) {
                    inFlight.again = new CompletableFuture<>();
                }
                return inFlight.again;
            }
            started = new Fetch(new CompletableFuture<>());
            fetching.put(ownerBare, started);
        }
        send(ownerBare, started);
        return started.done;
    }

    /** Forgets everything, e.g. after a reconnect (pushes were missed meanwhile); waiting callers are released. */
    void clear() {
        List<Fetch> dropped;
        synchronized (this) {
            cache.clear();
            dropped = List.copyOf(fetching.values());
            fetching.clear();
        }
        for (Fetch f : dropped) {
            f.done.complete(null);
            if (f.again != null) {
                f.again.complete(null);
            }
        }
    }

    private Map<String, RosterItem> rosterOrFetch(String ownerBare) {
        synchronized (this) {
            Map<String, RosterItem> roster = cache.get(ownerBare);
            if (roster != null) {
                return Map.copyOf(roster);
            }
        }
        fetchIfIdle(ownerBare);
        return null;
    }

    private void fetchIfIdle(String ownerBare) {
        if (!canFetch(ownerBare)) {
            return;
        }
        Fetch started;
        synchronized (this) {
            if (fetching.containsKey(ownerBare)) {
                return;
            }
            started = new Fetch(new CompletableFuture<>());
            fetching.put(ownerBare, started);
        }
        send(ownerBare, started);
    }

    private boolean canFetch(String ownerBare) {
        return grants.grants().canReadRosters() && isHostUser(ownerBare);
    }

    private void send(String ownerBare, Fetch fetch) {
        fetches.incrementAndGet();
        IQ get = new IQ(IQ.Type.get);
        get.setFrom(componentDomain);
        get.setTo(ownerBare);
        get.setChildElement("query", PrivilegeNs.ROSTER);
        tracker.send(get, timeout).whenComplete((reply, failure) -> {
            if (failure != null || reply.getType() != IQ.Type.result) {
                log.warn("Roster of {} not fetched: {}", ownerBare,
                        failure != null ? failure.toString() : reply.toXML());
                finish(ownerBare, fetch);
                return;
            }
            Map<String, RosterItem> items = parse(reply.getChildElement());
            if (!queue.submit(ownerBare, () -> store(ownerBare, fetch, items))) {
                log.warn("Roster of {} fetched but its queue is full: not used", ownerBare);
                finish(ownerBare, fetch);
            }
        });
    }

    /** On the owner's queue. */
    private void store(String ownerBare, Fetch fetch, Map<String, RosterItem> items) {
        Map<String, RosterItem> previous;
        synchronized (this) {
            previous = cache.put(ownerBare, items);
            evict();
        }
        Set<String> gained = new LinkedHashSet<>();
        for (RosterItem item : items.values()) {
            if (gains(ownerBare, previous, item)) {
                gained.add(item.jid());
            }
        }
        events.rosterChanged(ownerBare);
        if (!gained.isEmpty()) {
            events.contactsGained(ownerBare, gained);
        }
        finish(ownerBare, fetch);
    }

    /** Ends {@code fetch}: its waiters are released, and a re-read asked for meanwhile starts now. */
    private void finish(String ownerBare, Fetch fetch) {
        Fetch next = null;
        CompletableFuture<Void> orphan = null;
        synchronized (this) {
            if (fetching.get(ownerBare) == fetch) {
                if (fetch.again != null) {
                    next = new Fetch(fetch.again);
                    fetching.put(ownerBare, next);
                } else {
                    fetching.remove(ownerBare);
                }
            } else {
                orphan = fetch.again; // cleared meanwhile: clear() released it already
            }
        }
        fetch.done.complete(null);
        if (orphan != null) {
            orphan.complete(null);
        }
        if (next != null) {
            send(ownerBare, next);
        }
    }

    /**
     * Whether {@code item} makes its contact newly receive the owner's presence. A roster seen for the first time
     * counts every such contact: one that came online meanwhile was refused while the roster was unknown.
     */
    private static boolean gains(String ownerBare, Map<String, RosterItem> previous, RosterItem item) {
        if (!item.receivesPresence() || item.jid().equals(ownerBare)) {
            return false;
        }
        RosterItem before = previous == null ? null : previous.get(item.jid());
        return before == null || !before.receivesPresence();
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
        Set<String> gained = new LinkedHashSet<>();
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
                        RosterItem now = item(jid, item);
                        if (gains(owner, roster, now)) {
                            gained.add(jid);
                        }
                        roster.put(jid, now);
                    }
                }
            }
        }
        if (known) {
            events.rosterChanged(owner);
            if (!gained.isEmpty()) {
                events.contactsGained(owner, gained);
            }
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
