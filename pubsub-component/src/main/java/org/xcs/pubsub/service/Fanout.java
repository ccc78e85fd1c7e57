package org.xcs.pubsub.service;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiPredicate;
import org.xcs.pubsub.store.NodeStore;
import org.xcs.pubsub.store.StoredNode;
import org.xcs.pubsub.store.StoredSubscription;

/**
 * Who receives an event: the node's own subscribers, then the subscribers of its ancestor collections whose
 * subscription type and depth reach it (XEP-0248 §5-§6.1). One notification per recipient JID, carrying all its
 * matching subids (XEP-0060 §7.1.2.4); a JID reached both directly and through a collection gets it once, from the
 * nearest node. Delivery style comes from the originating node (XEP-0248 §5.1 note).
 */
final class Fanout {

    private final NodeStore store;
    private final Codecs codecs;
    private final PresenceAudience audience;

    /** Reads subscription options from their stored fields. */
    interface Codecs {
        SubscriptionOptions options(StoredSubscription s);
    }

    Fanout(NodeStore store, Codecs codecs, PresenceAudience audience) {
        this.store = store;
        this.codecs = codecs;
        this.audience = audience;
    }

    /** Published, retracted, purged items of a leaf (XEP-0248 §5.1.1 "Notifications about Items"). */
    List<Notification> items(String origin, NodeConfig config, Event event) {
        Recipients r = recipients(origin, false, SubscriptionOptions::receivesItemsAtDepth);
        // XEP-0163 §4.3: implicit subscribers, each full JID once and none already reached through its bare JID.
        for (String full : audience.recipients(origin, config)) {
            if (!r.reaches(full) && !r.reaches(Jids.bare(full))) {
                r.add(full, null, null);
            }
        }
        return r.build(config.notificationType(), event);
    }

    /**
     * Created, deleted, configured nodes (XEP-0248 §5.1.2): the node's own subscribers of any type (XEP-0060 §8.2.4,
     * §8.4.2; {@code includePending} for deletion, which SHOULD reach pending subscriptions too) and the "nodes"
     * subscribers of its ancestors.
     */
    List<Notification> node(String origin, NodeConfig config, Event event, boolean direct, boolean includePending) {
        Recipients r = new Recipients();
        if (direct) {
            store.forEachSubscription(origin, s -> {
                if (deliverable(s, includePending)) {
                    r.add(s.jid(), s.subid(), null);
                }
            });
        }
        ancestors(origin, r, SubscriptionOptions::receivesNodeEventsAtDepth);
        return r.build(config.notificationType(), event);
    }

    /** An association change of {@code collection}: its "nodes" subscribers (the child is at depth 1) and above. */
    List<Notification> association(String collection, NodeConfig collectionConfig, Event event) {
        Recipients r = new Recipients();
        store.forEachSubscription(collection, s -> {
            if (deliverable(s, false) && codecs.options(s).receivesNodeEventsAtDepth(1)) {
                r.add(s.jid(), s.subid(), null);
            }
        });
        walkUp(collection, 1, r, SubscriptionOptions::receivesNodeEventsAtDepth);
        return r.build(collectionConfig.notificationType(), event);
    }

    private Recipients recipients(String origin, boolean includePending,
                                  BiPredicate<SubscriptionOptions, Integer> reaches) {
        Recipients r = new Recipients();
        store.forEachSubscription(origin, s -> {
            if (deliverable(s, includePending)) {
                r.add(s.jid(), s.subid(), null);
            }
        });
        ancestors(origin, r, reaches);
        return r;
    }

    private void ancestors(String origin, Recipients r, BiPredicate<SubscriptionOptions, Integer> reaches) {
        walkUp(origin, 0, r, reaches);
    }

    /** Breadth-first up the DAG from {@code start} (at distance {@code base}); each ancestor once, nearest first. */
    private void walkUp(String start, int base, Recipients r, BiPredicate<SubscriptionOptions, Integer> reaches) {
        Map<String, Integer> distance = new LinkedHashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        distance.put(start, base);
        queue.add(start);
        while (!queue.isEmpty()) {
            String current = queue.poll();
            StoredNode node = store.node(current);
            if (node == null) {
                continue;
            }
            int d = distance.get(current) + 1;
            for (String parent : node.parents()) {
                if (distance.putIfAbsent(parent, d) == null) {
                    queue.add(parent);
                    store.forEachSubscription(parent, s -> {
                        if (deliverable(s, false) && reaches.test(codecs.options(s), d)) {
                            r.add(s.jid(), s.subid(), parent);
                        }
                    });
                }
            }
        }
    }

    private boolean deliverable(StoredSubscription s, boolean includePending) {
        if (SubscriptionState.SUBSCRIBED.wire().equals(s.state())) {
            return codecs.options(s).deliver();
        }
        return includePending && s.pending();
    }

    private static final class Recipients {
        private record Target(String collection, List<String> subids) {
        }

        private final Map<String, Target> byJid = new LinkedHashMap<>();

        boolean reaches(String jid) {
            return byJid.containsKey(jid);
        }

        /** {@code subid} null: an implicit (XEP-0163) recipient, without a subscription. */
        void add(String jid, String subid, String collection) {
            Target t = byJid.get(jid);
            if (t == null) {
                List<String> subids = new ArrayList<>(1);
                if (subid != null) {
                    subids.add(subid);
                }
                byJid.put(jid, new Target(collection, subids));
            } else if (Objects.equals(t.collection(), collection)) {
                t.subids().add(subid);
            }
        }

        List<Notification> build(NotificationType type, Event event) {
            List<Notification> out = new ArrayList<>(byJid.size());
            byJid.forEach((jid, t) -> out.add(new Notification(jid, t.subids(), t.collection(), type, event, null)));
            return out;
        }
    }
}
