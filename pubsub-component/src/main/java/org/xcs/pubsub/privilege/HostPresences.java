package org.xcs.pubsub.privilege;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import org.dom4j.Element;
import org.dom4j.QName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xcs.common.router.IqTracker;
import org.xcs.common.stanza.Namespaces;
import org.xcs.pubsub.pep.PepEvents;
import org.xcs.pubsub.pep.Presences;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Presence;

/**
 * Who is online, from the presences the host forwards (XEP-0356 §7: the users' own with {@code managed_entity},
 * also their contacts' with {@code roster}; those already online at connect arrive with {@code <delay/>}, §8 rule 1).
 * Each resource's XEP-0115 capabilities come from its {@code <c/>}: disco#info {@code node#ver} is asked once per
 * ver (the other resources announcing it wait for that answer), and a result whose hash verifies (§5.4) is cached
 * for everyone announcing that ver; an unverifiable one serves only the resource that sent it. A resource whose
 * query failed (an error, no answer in time) is asked again on its next presence.
 *
 * <p>Presence is taken whatever its {@code to} (the component, or a user's bare JID when the host forwards a
 * contact's presence as addressed): only the sender's full JID and type matter.
 */
public final class HostPresences implements Presences {
    private static final Logger log = LoggerFactory.getLogger(HostPresences.class);
    private static final QName CAPS = QName.get("c", PrivilegeNs.CAPS);

    private record Caps(String hash, String node, String ver) {
        String key() {
            return hash + " " + ver;
        }
    }

    /**
     * One available resource. Its last items go out once both its features and its owner's roster are known
     * ({@code rosterRead}), and again only when its {@code +notify} set gains a node it did not have them for
     * ({@code sentFor}: null until they first went out; touched on the owner's queue only).
     */
    private static final class Resource {
        final Caps caps;
        volatile Set<String> features;
        volatile boolean rosterRead;
        Set<String> sentFor;

        Resource(Caps caps) {
            this.caps = caps;
        }
    }

    private final JID componentDomain;
    private final String hostDomain;
    private final IqTracker tracker;
    private final OwnerQueue queue;
    private final PepEvents events;
    private final Function<String, CompletionStage<Void>> rosterReload;
    private final int maxResources;
    private final int maxCaps;
    private final Duration timeout;

    private final Map<String, Map<String, Resource>> byBare = new HashMap<>();
    private int resourceCount;
    private final LinkedHashMap<String, Set<String>> verified = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<String, ArrayDeque<String>> asking = new HashMap<>();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong queries = new AtomicLong();

    HostPresences(JID componentDomain, String hostDomain, IqTracker tracker, OwnerQueue queue, PepEvents events,
                  Function<String, CompletionStage<Void>> rosterReload, int maxResources, int maxCaps, Duration timeout) {
        this.componentDomain = componentDomain;
        this.hostDomain = hostDomain;
        this.tracker = tracker;
        this.queue = queue;
        this.events = events;
        this.rosterReload = rosterReload;
        this.maxResources = maxResources;
        this.maxCaps = maxCaps;
        this.timeout = timeout;
    }

    @Override
    public synchronized Set<String> available(String bareJid) {
        Map<String, Resource> resources = byBare.get(bareJid);
        return resources == null ? Set.of() : Set.copyOf(resources.keySet());
    }

    @Override
    public boolean wantsNotify(String fullJid, String node) {
        Resource r = resource(fullJid);
        Set<String> features = r == null ? null : r.features;
        return features != null && features.contains(node + "+notify");
    }

    /** disco#info queries sent for capabilities since start. */
    public long capsQueries() {
        return queries.get();
    }

    public synchronized int verifiedCapsCount() {
        return verified.size();
    }

    public synchronized int resourceCount() {
        return resourceCount;
    }

    /** Whether {@code presence} is one this tracker takes; if so it is queued on its sender's owner queue. */
    boolean accept(Presence presence) {
        JID from = presence.getFrom();
        Presence.Type type = presence.getType();
        if (from == null || from.getNode() == null || from.getResource() == null
                || (type != null && type != Presence.Type.unavailable && type != Presence.Type.error)) {
            return false;
        }
        Presence copy = presence.createCopy();
        if (!queue.submit(from.toBareJID(), () -> update(copy))) {
            log.warn("Presence of {} not tracked: its queue is full", from);
        }
        return true;
    }

    /** Forgets all resources (after a reconnect the host sends the current presences again). */
    synchronized void clear() {
        byBare.clear();
        resourceCount = 0;
    }

    private void update(Presence presence) {
        String full = presence.getFrom().toString();
        String bare = presence.getFrom().toBareJID();
        if (presence.getType() != null) {
            remove(bare, full);
            return;
        }
        Caps caps = caps(presence);
        Resource same = tracked(full, caps);
        if (same != null) {
            // Only status or priority changed: same features, same roster, nothing new to send. Unless the query
            // for these caps failed (no answer in time, an error): their features would stay unknown, and the
            // resource without notifications, until its caps change. Its next presence asks again, unless another
            // resource's answer for the same ver has been verified meanwhile.
            if (caps != null && same.features == null) {
                Set<String> known = verified(caps);
                if (known != null) {
                    mark(full, caps, known);
                } else if (!asking(caps)) {
                    ask(full, caps);
                }
            }
            return;
        }
        Resource resource = new Resource(caps);
        boolean hostUser = hostDomain.equals(presence.getFrom().getDomain());
        synchronized (this) {
            Map<String, Resource> resources = byBare.get(bare);
            Resource previous = resources == null ? null : resources.get(full);
            if (previous == null && resourceCount >= maxResources) {
                long n = refused.incrementAndGet();
                if (n == 1 || n % 1000 == 0) {
                    log.warn("Presence of {} not tracked: {} resources already ({} refused so far)", full,
                            maxResources, n);
                }
                return;
            }
            resources = byBare.computeIfAbsent(bare, k -> new HashMap<>());
            resources.put(full, resource);
            if (previous == null) {
                resourceCount++;
            } else {
                resource.sentFor = stillWanted(previous);
            }
            if (caps != null) {
                resource.features = verified.get(caps.key());
            }
            resource.rosterRead = !hostUser;
        }
        if (hostUser) {
            // Coming online or new capabilities: the roster may have changed unseen since it was read (no pushes
            // from Prosody 0.12), and this resource's last items include its contacts' (XEP-0163 §4.3.4).
            rosterReload.apply(bare).whenComplete((ok, failure) -> {
                if (!queue.submit(bare, () -> {
                    resource.rosterRead = true;
                    maybeAvailable(full, resource);
                })) {
                    log.warn("Roster of {} read but its queue is full: no last items sent", bare);
                }
            });
        }
        if (resource.features != null) {
            maybeAvailable(full, resource);
        } else if (caps != null) {
            ask(full, caps);
        }
    }

    /**
     * On the owner's queue: tells the PEP core that {@code full} is available once its features and roster are both
     * known, unless its last items already went out for every node of its {@code +notify} set (XEP-0163 §4.3.4 asks
     * for them on coming online and when a +notify appears, not on every status change).
     */
    private void maybeAvailable(String full, Resource r) {
        Set<String> features = r.features;
        if (features == null || !r.rosterRead || resource(full) != r) {
            return;
        }
        Set<String> notify = notifySet(features);
        boolean nothingNew = r.sentFor != null && r.sentFor.containsAll(notify);
        r.sentFor = notify;
        if (!nothingNew) {
            events.resourceAvailable(full);
        }
    }

    /**
     * What a resource that changes its caps already had the last items for: those of its previous {@code +notify}
     * set it still had. A node switched off and on again (faster than the roster read) counts as new; when the
     * previous features never became known nothing counts as had (a repeat beats a miss).
     */
    private static Set<String> stillWanted(Resource previous) {
        Set<String> sent = previous.sentFor;
        Set<String> features = previous.features;
        if (sent == null) {
            return null;
        }
        if (features == null) {
            return Set.of();
        }
        Set<String> kept = new HashSet<>(sent);
        kept.retainAll(notifySet(features));
        return kept;
    }

    private static Set<String> notifySet(Set<String> features) {
        Set<String> notify = new HashSet<>();
        for (String feature : features) {
            if (feature.endsWith("+notify")) {
                notify.add(feature);
            }
        }
        return notify;
    }

    private void remove(String bare, String full) {
        synchronized (this) {
            Map<String, Resource> resources = byBare.get(bare);
            if (resources != null && resources.remove(full) != null) {
                resourceCount--;
                if (resources.isEmpty()) {
                    byBare.remove(bare);
                }
            }
        }
    }

    /** One query per ver at a time: the others announcing it wait for its answer. */
    private void ask(String full, Caps caps) {
        synchronized (this) {
            ArrayDeque<String> waiting = asking.get(caps.key());
            if (waiting != null) {
                waiting.add(full);
                return;
            }
            asking.put(caps.key(), new ArrayDeque<>());
        }
        query(full, caps);
    }

    private void query(String full, Caps caps) {
        queries.incrementAndGet();
        IQ get = new IQ(IQ.Type.get);
        get.setFrom(componentDomain);
        get.setTo(full);
        get.setChildElement("query", Namespaces.DISCO_INFO).addAttribute("node", caps.node() + "#" + caps.ver());
        tracker.send(get, timeout).whenComplete((reply, failure) -> answered(full, caps,
                failure == null && reply.getType() == IQ.Type.result ? reply.getChildElement() : null));
    }

    private void answered(String asked, Caps caps, Element query) {
        Set<String> features = query == null ? null : CapsVer.features(query);
        boolean ok = query != null && CapsVer.verifies(query, caps.hash(), caps.ver());
        ArrayDeque<String> waiting;
        String next = null;
        synchronized (this) {
            if (ok) {
                verified.put(caps.key(), features);
                while (verified.size() > maxCaps) {
                    verified.remove(verified.keySet().iterator().next());
                }
                waiting = asking.remove(caps.key());
            } else {
                // Unverified (or no answer): good for the resource that answered only; ask the next one itself.
                waiting = asking.get(caps.key());
                next = waiting.poll();
                if (next == null) {
                    asking.remove(caps.key());
                }
                waiting = new ArrayDeque<>();
            }
            waiting.addFirst(asked);
        }
        if (query == null) {
            waiting.removeFirst();
            log.debug("No capabilities from {} for {}", asked, caps.node() + "#" + caps.ver());
        } else if (!ok) {
            log.debug("Capabilities of {} do not verify against ver {} ({}): used for it alone", asked,
                    caps.ver(), caps.hash());
        }
        for (String full : waiting) {
            mark(full, caps, features);
        }
        if (next != null) {
            query(next, caps);
        }
    }

    /** Sets the features of {@code full} if it is still online with these caps, then tells the PEP core. */
    private void mark(String full, Caps caps, Set<String> features) {
        Resource r = resource(full);
        if (r == null || !caps.equals(r.caps)) {
            return;
        }
        r.features = features;
        String bare = new JID(full).toBareJID();
        if (!queue.submit(bare, () -> maybeAvailable(full, r))) {
            log.warn("Capabilities of {} known but its queue is full: no last items sent", full);
        }
    }

    /** The resource {@code full} if it is tracked with these caps already (or with none, as none now). */
    private synchronized Resource tracked(String full, Caps caps) {
        Resource r = resource(full);
        return r != null && Objects.equals(r.caps, caps) ? r : null;
    }

    private synchronized Set<String> verified(Caps caps) {
        return verified.get(caps.key());
    }

    private synchronized boolean asking(Caps caps) {
        return asking.containsKey(caps.key());
    }

    private synchronized Resource resource(String fullJid) {
        String bare;
        try {
            bare = new JID(fullJid).toBareJID();
        } catch (IllegalArgumentException e) {
            return null;
        }
        Map<String, Resource> resources = byBare.get(bare);
        return resources == null ? null : resources.get(fullJid);
    }

    private static Caps caps(Presence presence) {
        Element c = presence.getElement().element(CAPS);
        if (c == null || c.attributeValue("node") == null || c.attributeValue("ver") == null) {
            return null;
        }
        // §5.4: legacy caps without 'hash' cannot be verified; they are asked per resource like unverified ones.
        return new Caps(c.attributeValue("hash", ""), c.attributeValue("node"), c.attributeValue("ver"));
    }
}
