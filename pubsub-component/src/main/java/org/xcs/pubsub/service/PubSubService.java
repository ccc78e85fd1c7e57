package org.xcs.pubsub.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.xcs.pubsub.store.NodeStore;
import org.xcs.pubsub.store.StoredItem;
import org.xcs.pubsub.store.StoredNode;
import org.xcs.pubsub.store.StoredSubscription;

/**
 * The pubsub service: one method per XEP-0060 / XEP-0248 use case. {@code actor} is the requester's JID (full or
 * bare) as the stanza layer received it. Each mutating method runs in one store transaction and either returns an
 * {@link Outcome} or throws {@link PubSubException} with nothing changed. See the package doc for threading.
 */
public final class PubSubService {

    private static final int EXPIRY_BATCH = 256;

    private final NodeStore store;
    private final ServiceSettings settings;
    private final CreationPolicy creation;
    private final IdGenerator ids;
    private final Clock clock;
    private final Access access;
    private final NodeRecords records;
    private final Fanout fanout;
    private final DecodeMemo<Map<String, List<String>>, SubscriptionOptions> options =
            new DecodeMemo<>(SubscriptionOptions.defaults(NodeType.LEAF)::apply, 1024);

    public PubSubService(NodeStore store, ServiceSettings settings, CreationPolicy creation, IdGenerator ids,
                         Clock clock) {
        this(store, settings, creation, ids, clock, Contacts.NONE, PresenceAudience.NONE);
    }

    /**
     * With {@code contacts} the §4.5 presence and roster access models work (on the owners' rosters); with an
     * {@code audience} item events also reach XEP-0163 §4.3 implicit subscribers.
     */
    public PubSubService(NodeStore store, ServiceSettings settings, CreationPolicy creation, IdGenerator ids,
                         Clock clock, Contacts contacts, PresenceAudience audience) {
        this.store = store;
        this.settings = settings;
        this.creation = creation;
        this.ids = ids;
        this.clock = clock;
        this.access = new Access(store, settings, contacts);
        this.records = new NodeRecords(store, settings);
        this.fanout = new Fanout(store, this::options, audience);
    }

    // ================================================================== nodes (owner use cases, XEP-0060 §8)

    /** §8.3: the default configuration of a new node of this type (XEP-0248 §7.3 for collections). */
    public NodeConfig defaultConfig(NodeType type) {
        return settings.defaultConfig(type);
    }

    /**
     * §8.1: creates {@code nodeId} (null: an instant node with a generated id, §8.1.2) with the default configuration
     * and the submitted {@code pubsub#node_config} fields applied (null: none, §8.1.3). Returns the node id.
     */
    public Outcome<String> createNode(String actor, String nodeId, Map<String, List<String>> config) {
        return tx(() -> {
            List<Notification> out = new ArrayList<>();
            String id = create(actor, nodeId, config, out);
            return new Outcome<>(id, out);
        });
    }

    /** §8.2: the node's configuration, for its owner. */
    public NodeConfig configuration(String actor, String node) {
        StoredNode n = requireNode(node);
        access.requireOwner(node, Jids.bare(actor));
        return records.config(n);
    }

    /** §5.4: configuration as meta-data, for anyone (disco#info). */
    public NodeConfig metadata(String node) {
        return records.config(requireNode(node));
    }

    public boolean exists(String node) {
        return node != null && store.node(node) != null;
    }

    public long itemCount(String node) {
        return store.itemCount(node);
    }

    /** XEP-0248 §3.2 / XEP-0060 §5.2: the children of a collection, or with null the nodes that have no parent. */
    public List<String> childNodes(String collection) {
        if (collection != null) {
            requireNode(collection);
            return store.children(collection);
        }
        List<String> top = new ArrayList<>();
        String after = null;
        List<String> page;
        while (!(page = store.nodeIds(after, 512)).isEmpty()) {
            for (String id : page) {
                StoredNode n = store.node(id);
                if (n != null && n.parents().isEmpty()) {
                    top.add(id);
                }
            }
            after = page.get(page.size() - 1);
        }
        return top;
    }

    /** §8.2.4: applies the submitted fields; returns the node's new configuration. */
    public Outcome<NodeConfig> configure(String actor, String node, Map<String, List<String>> fields) {
        return tx(() -> {
            String bare = Jids.bare(actor);
            StoredNode stored = requireNode(node);
            access.requireOwner(node, bare);
            NodeConfig current = records.config(stored);
            NodeConfig next = applyConfig(current, fields);
            if (current.isCollection() && !next.isCollection()) {
                // XEP-0248 §7.2.3.4: never collection to leaf.
                throw new PubSubException(PubSubError.INVALID_COLLECTION_CONFIG, "a collection cannot become a leaf");
            }
            validate(next);
            List<Notification> out = new ArrayList<>();
            if (!current.isCollection() && next.isCollection()) {
                store.purge(node); // XEP-0248 §7.2.5: leaf to collection purges its items
            }
            store.putNode(records.withConfig(stored, next.toBuilder().collections(current.collections()).build()));
            out.addAll(setParents(bare, node, next.collections()));
            out.addAll(setChildren(bare, node, next.children()));
            store.markExpiring(node, next.itemsExpire());
            trim(node, next, false);
            if (next.accessModel() == AccessModel.WHITELIST && current.accessModel() != AccessModel.WHITELIST) {
                out.addAll(dropSubscriptions(node, next, s -> !access.storedAffiliation(node, Jids.bare(s.jid()))
                        .onWhitelist()));
            }
            NodeConfig result = records.config(store.node(node));
            if (result.notifyConfig()) {
                Event e = new Event.Configuration(node,
                        result.deliverPayloads() ? NodeConfigFields.toFields(result) : null);
                out.addAll(fanout.node(node, result, e, true, false));
            }
            return new Outcome<>(result, out);
        });
    }

    /** §8.4: deletes the node (children of a collection are orphaned, XEP-0248 §9.2). */
    public Outcome<Void> deleteNode(String actor, String node, String redirect) {
        return tx(() -> {
            StoredNode stored = requireNode(node);
            access.requireOwner(node, Jids.bare(actor));
            NodeConfig config = records.config(stored);
            List<Notification> out = config.notifyDelete()
                    ? fanout.node(node, config, new Event.Delete(node, redirect), true, true)
                    : List.of();
            for (String child : config.children()) {
                StoredNode c = store.node(child);
                List<String> parents = new ArrayList<>(c.parents());
                parents.remove(node);
                store.putNode(c.withConfig(c.config(), parents));
            }
            store.deleteNode(node);
            return new Outcome<>(null, out);
        });
    }

    /** §8.5: removes every item; one purge notification per subscriber when retractions are notified. */
    public Outcome<Void> purge(String actor, String node) {
        return tx(() -> {
            StoredNode stored = requireNode(node);
            Affiliation a = access.affiliation(node, Jids.bare(actor));
            if (a != Affiliation.OWNER && a != Affiliation.PUBLISHER) {
                throw new PubSubException(PubSubError.FORBIDDEN); // §4.1 table: owners and publishers purge
            }
            NodeConfig config = records.config(stored);
            if (config.isCollection() || !config.persistItems()) {
                throw new PubSubException(PubSubError.UNSUPPORTED_PERSISTENT_ITEMS); // §8.5.3.3
            }
            store.purge(node);
            List<Notification> out = config.notifyRetract()
                    ? fanout.items(node, config, new Event.Purge(node))
                    : List.of();
            return new Outcome<>(null, out);
        });
    }

    // ================================================================== publisher use cases (XEP-0060 §7)

    /** §7.1 with one item: returns the item id (generated when {@code itemId} is null). */
    public Outcome<String> publish(String actor, String node, String itemId, Payload payload,
                                   PublishOptions options) {
        Outcome<List<String>> o = publish(actor, node, List.of(new ItemDraft(itemId, payload)), options);
        return new Outcome<>(o.value().isEmpty() ? null : o.value().get(0), o.notifications());
    }

    /**
     * §7.1 (and §12.10 batches, all or nothing): an empty list is a publish without {@code <item/>} (transient
     * notification-only nodes). Returns the item ids, in order.
     */
    public Outcome<List<String>> publish(String actor, String node, List<ItemDraft> items, PublishOptions options) {
        return tx(() -> {
            String bare = Jids.bare(actor);
            List<Notification> out = new ArrayList<>();
            StoredNode stored = node == null ? null : store.node(node);
            if (stored == null) {
                if (node == null || !settings.autoCreate()) {
                    throw new PubSubException(node == null ? PubSubError.NODEID_REQUIRED : PubSubError.NODE_NOT_FOUND);
                }
                // §7.1.5 rule 3: auto-create with the preconditions as configuration.
                create(actor, node, options == null ? null : options.preconditions(), out);
                stored = store.node(node);
            } else if (options != null) {
                checkPreconditions(records.config(stored), options);
            }
            NodeConfig config = records.config(stored);
            if (config.isCollection()) {
                throw new PubSubException(PubSubError.UNSUPPORTED_PUBLISH); // XEP-0248 §4
            }
            access.checkPublish(node, config, bare);
            checkEventType(config, items);
            long max = effectiveMaxItems(config);
            if (items.size() > 1 && items.size() > max) {
                throw new PubSubException(PubSubError.MAX_ITEMS_EXCEEDED);
            }
            long now = clock.millis();
            List<String> idsOut = new ArrayList<>();
            List<Item> published = new ArrayList<>();
            for (ItemDraft draft : items) {
                String id = draft.id() != null ? draft.id() : newItemId(node, config);
                String payload = draft.payload() == null ? null : draft.payload().xml();
                if (config.persistItems()) {
                    if (config.publishNodeFull() == PublishNodeFull.REJECT && store.item(node, id) == null
                            && store.itemCount(node) >= max) {
                        throw new PubSubException(PubSubError.NODE_FULL);
                    }
                    store.appendItem(node, id, actor, now, payload);
                }
                idsOut.add(id);
                Item item = new Item(id, actor, Instant.ofEpochMilli(now), payload);
                published.add(config.deliverPayloads() ? item : item.withoutPayload());
            }
            List<String> trimmed = config.persistItems() ? trim(node, config, true) : List.of();
            if (config.deliverNotifications()) {
                out.addAll(fanout.items(node, config, new Event.Items(node, published)));
                if (!trimmed.isEmpty()) {
                    out.addAll(fanout.items(node, config, new Event.Retracts(node, trimmed)));
                }
            }
            return new Outcome<>(idsOut, out);
        });
    }

    /** §7.2 for one item. */
    public Outcome<Void> retract(String actor, String node, String itemId, boolean notify) {
        return retract(actor, node, itemId == null ? List.of() : List.of(itemId), notify);
    }

    /**
     * §7.2 (and §12.10 batches): retract notifications go out when {@code notify} (the request's attribute) or the
     * node's pubsub#notify_retract says so.
     */
    public Outcome<Void> retract(String actor, String node, List<String> itemIds, boolean notify) {
        return tx(() -> {
            String bare = Jids.bare(actor);
            StoredNode stored = requireNode(node);
            if (itemIds.isEmpty()) {
                throw new PubSubException(PubSubError.ITEM_REQUIRED); // §7.2.3.4
            }
            NodeConfig config = records.config(stored);
            if (config.isCollection() || !config.persistItems()) {
                throw new PubSubException(PubSubError.UNSUPPORTED_PERSISTENT_ITEMS); // §7.2.3.5
            }
            Affiliation a = access.affiliation(node, bare);
            if (!a.isPublisher()) {
                throw new PubSubException(PubSubError.FORBIDDEN); // §7.2.3.1
            }
            for (String id : itemIds) {
                StoredItem item = store.item(node, id);
                if (item == null) {
                    throw new PubSubException(PubSubError.ITEM_NOT_FOUND, id);
                }
                // §4.1 note: publish-only entities delete only what they published.
                if (a == Affiliation.PUBLISH_ONLY && !Jids.bare(item.publisher()).equals(bare)) {
                    throw new PubSubException(PubSubError.FORBIDDEN, "not the publisher of " + id);
                }
                store.removeItem(node, id);
            }
            List<Notification> out = (notify || config.notifyRetract()) && config.deliverNotifications()
                    ? fanout.items(node, config, new Event.Retracts(node, itemIds))
                    : List.of();
            return new Outcome<>(null, out);
        });
    }

    // ================================================================== subscriber use cases (XEP-0060 §6)

    /**
     * §6.1: subscribes {@code jid} (whose bare JID must be the requester's) with the submitted subscribe_options
     * fields (null: defaults, §6.3.7 for subscribe-and-configure). Each call adds a subscription with its own subid
     * (§6.1.6). Authorize nodes leave it pending and ask the owners (§6.1.4, §8.6).
     */
    public Outcome<Subscription> subscribe(String actor, String node, String jid,
                                           Map<String, List<String>> options) {
        return tx(() -> {
            String bare = Jids.bare(actor);
            if (jid == null) {
                throw new PubSubException(PubSubError.JID_REQUIRED);
            }
            if (!Jids.bare(jid).equals(bare) && !access.isAdmin(bare)) {
                throw new PubSubException(PubSubError.INVALID_JID); // §6.1.3.1
            }
            StoredNode stored = requireNode(node);
            NodeConfig config = records.config(stored);
            if (!config.subscribe()) {
                throw new PubSubException(PubSubError.UNSUPPORTED_SUBSCRIBE); // §6.1.3.10
            }
            String subscriber = Jids.bare(jid);
            Affiliation a = access.affiliation(node, subscriber);
            if (!a.maySubscribe()) {
                throw new PubSubException(PubSubError.FORBIDDEN); // §6.1.3.8 blocked
            }
            SubscriptionOptions opts = SubscriptionOptions.defaults(config.nodeType());
            if (options != null) {
                opts = opts.apply(options);
            }
            List<StoredSubscription> existing = subscriptionsOfJid(node, jid);
            for (StoredSubscription s : existing) {
                if (s.pending()) {
                    throw new PubSubException(PubSubError.PENDING_SUBSCRIPTION); // §6.1.3.7
                }
                if (config.isCollection() && options(s).subscriptionType() == opts.subscriptionType()) {
                    throw new PubSubException(PubSubError.COLLECTION_SUBSCRIPTION_EXISTS); // XEP-0248 §6.1.3
                }
            }
            SubscriptionState state = switch (config.accessModel()) {
                case OPEN -> SubscriptionState.SUBSCRIBED;
                case WHITELIST -> {
                    if (!a.onWhitelist()) {
                        throw new PubSubException(PubSubError.CLOSED_NODE); // §6.1.3.4
                    }
                    yield SubscriptionState.SUBSCRIBED;
                }
                // §6.1.4: owners may let affiliated entities in without approval; this service does.
                case AUTHORIZE -> a.onWhitelist() ? SubscriptionState.SUBSCRIBED : SubscriptionState.PENDING;
                case PRESENCE, ROSTER -> {
                    if (!a.onWhitelist()) {
                        access.checkContact(node, config, subscriber); // §6.1.3.2, §6.1.3.3
                    }
                    yield SubscriptionState.SUBSCRIBED;
                }
            };
            String subid = newSubid(node, jid);
            Subscription subscription = new Subscription(node, jid, subid, state, opts);
            store.putSubscription(stored(subscription));
            List<Notification> out = new ArrayList<>();
            if (state == SubscriptionState.PENDING) {
                for (String owner : owners(node)) {
                    out.add(new Notification(owner, List.of(), null, NotificationType.NORMAL,
                            new Event.ApprovalRequest(node, jid, subid), null));
                }
            } else {
                out.addAll(subscribedEffects(config, subscription));
            }
            return new Outcome<>(subscription, out);
        });
    }

    /** §6.2: removes one subscription of {@code jid} ({@code subid} needed when it has several). */
    public Outcome<Void> unsubscribe(String actor, String node, String jid, String subid) {
        return tx(() -> {
            String bare = Jids.bare(actor);
            StoredNode stored = requireNode(node);
            StoredSubscription s = findSubscription(bare, node, jid, subid, PubSubError.NOT_SUBSCRIBED);
            store.removeSubscription(node, s.jid(), s.subid());
            NodeConfig config = records.config(stored);
            List<Notification> out = new ArrayList<>();
            SubscriptionState none = SubscriptionState.NONE;
            if (!Jids.bare(jid).equals(bare)) {
                out.add(stateChange(config, s.jid(), node, s.subid(), none, s.jid())); // §12.11
            }
            if (config.notifySub()) {
                for (String owner : owners(node)) {
                    out.add(stateChange(config, s.jid(), node, s.subid(), none, owner));
                }
            }
            return new Outcome<>(null, out);
        });
    }

    /** §6.3.2: the options of one subscription. */
    public SubscriptionOptions subscriptionOptions(String actor, String node, String jid, String subid) {
        requireNode(node);
        return options(findSubscription(Jids.bare(actor), node, jid, subid, PubSubError.OPTIONS_NOT_SUBSCRIBED));
    }

    /** §6.3.5: applies submitted subscribe_options fields. */
    public Outcome<SubscriptionOptions> configureSubscription(String actor, String node, String jid, String subid,
                                                              Map<String, List<String>> fields) {
        return tx(() -> {
            requireNode(node);
            StoredSubscription s = findSubscription(Jids.bare(actor), node, jid, subid,
                    PubSubError.OPTIONS_NOT_SUBSCRIBED);
            SubscriptionOptions next = options(s).apply(fields);
            store.putSubscription(new StoredSubscription(s.node(), s.jid(), s.subid(), s.state(), next.toFields()));
            return new Outcome<>(next, List.of());
        });
    }

    /** §6.4: default subscription options for a node (or, with null, for the service's leaf nodes). */
    public SubscriptionOptions defaultSubscriptionOptions(String node) {
        if (node == null) {
            return SubscriptionOptions.defaults(NodeType.LEAF);
        }
        return SubscriptionOptions.defaults(records.config(requireNode(node)).nodeType());
    }

    /**
     * §6.5: items of a leaf, oldest first. Reads only the requested page: by item id through the id index, by
     * position from either end of the node's publish order.
     */
    public ItemPage items(String actor, String node, ItemQuery query) {
        StoredNode stored = requireNode(node);
        NodeConfig config = records.config(stored);
        if (config.isCollection()) {
            throw new PubSubException(PubSubError.UNSUPPORTED_RETRIEVE_ITEMS); // XEP-0248 §6.2.3
        }
        if (!config.persistItems()) {
            throw new PubSubException(PubSubError.UNSUPPORTED_PERSISTENT_ITEMS); // §6.5.9.4
        }
        access.checkRetrieve(node, config, Jids.bare(actor));
        int cap = settings.itemsPageCap();
        long count = store.itemCount(node);
        List<StoredItem> found;
        // XEP-0059 §2.2 index of the first item, where it needs no walk: a page from either end of the node.
        Long index = null;
        // How many items the request could have: fewer returned is a truncation (§6.5.4) to note.
        long wanted = count;
        // Which end a byte budget cuts: lists of the newest (§6.5.7) keep their newest, forward pages their oldest.
        boolean keepNewest = true;
        if (query instanceof ItemQuery.All) {
            found = reversed(store.newest(node, cap));
            index = count - found.size();
        } else if (query instanceof ItemQuery.Latest latest) {
            wanted = Math.min(Math.max(0, latest.max()), count);
            found = latest.max() <= 0 ? List.of() : reversed(store.newest(node, Math.min(latest.max(), cap)));
            index = count - found.size();
        } else if (query instanceof ItemQuery.ByIds byIds) {
            found = new ArrayList<>();
            for (String id : byIds.ids()) {
                StoredItem item = store.item(node, id);
                if (item == null) {
                    throw new PubSubException(PubSubError.ITEM_NOT_FOUND, id); // §6.5.9.11
                }
                found.add(item);
            }
            wanted = found.size();
        } else {
            ItemQuery.Page page = (ItemQuery.Page) query;
            int max = Math.min(page.max(), cap);
            if (max <= 0) {
                found = List.of(); // XEP-0059 §2.6: count only
            } else if (page.after() != null) {
                found = store.after(node, anchor(node, page.after()).seq(), max);
                keepNewest = false;
            } else if (page.before() != null && !page.before().isEmpty()) {
                found = reversed(store.before(node, anchor(node, page.before()).seq(), max));
            } else if (page.before() != null) {
                found = reversed(store.newest(node, max)); // XEP-0059 §2.5: <before/> = the last page
                index = count - found.size();
            } else {
                found = store.oldest(node, max);
                index = 0L;
                keepNewest = false;
            }
            wanted = found.size();
        }
        if (!(query instanceof ItemQuery.ByIds)) { // asked by id: all of them, or the stanza size guard's error
            int before = found.size();
            found = keepNewest ? ItemBudget.newestWithin(found, settings.itemsPageBytes())
                    : ItemBudget.oldestWithin(found, settings.itemsPageBytes());
            if (index != null && keepNewest) {
                index += before - found.size();
            }
        }
        boolean truncated = found.size() < wanted;
        long cutoff = expiryCutoff(config);
        List<Item> items = new ArrayList<>(found.size());
        for (StoredItem s : found) {
            if (s.publishedMillis() > cutoff) {
                items.add(item(s));
            }
        }
        return new ItemPage(items, count, index, truncated);
    }

    /** §5.6: the requester's own subscriptions, on one node or (null) all. */
    public List<Subscription> ownSubscriptions(String actor, String node) {
        List<Subscription> out = new ArrayList<>();
        for (StoredSubscription s : store.subscriptionsOfEntity(Jids.bare(actor))) {
            if (node == null || node.equals(s.node())) {
                out.add(subscription(s));
            }
        }
        return out;
    }

    /** §5.7: the requester's own affiliations, on one node or (null) all. */
    public List<AffiliationEntry> ownAffiliations(String actor, String node) {
        String bare = Jids.bare(actor);
        List<AffiliationEntry> out = new ArrayList<>();
        store.affiliationsOfEntity(bare).forEach((n, a) -> {
            if (node == null || node.equals(n)) {
                out.add(new AffiliationEntry(n, bare, Affiliation.fromWire(a)));
            }
        });
        return out;
    }

    /**
     * §6.1.7 with on_sub_and_presence: the last item of each node the entity is subscribed to, when
     * {@code fullJid} becomes available. Read-only.
     */
    public List<Notification> lastPublishedOnPresence(String fullJid) {
        List<Notification> out = new ArrayList<>();
        Map<String, List<String>> subidsByNode = new LinkedHashMap<>();
        for (StoredSubscription s : store.subscriptionsOfEntity(Jids.bare(fullJid))) {
            boolean forThisResource = s.jid().equals(fullJid) || s.jid().equals(Jids.bare(fullJid));
            if (forThisResource && SubscriptionState.SUBSCRIBED.wire().equals(s.state()) && options(s).deliver()) {
                subidsByNode.computeIfAbsent(s.node(), k -> new ArrayList<>()).add(s.subid());
            }
        }
        subidsByNode.forEach((node, subids) -> {
            StoredNode stored = store.node(node);
            if (stored != null) {
                NodeConfig config = records.config(stored);
                if (config.sendLastPublishedItem() == SendLastPublishedItem.ON_SUB_AND_PRESENCE) {
                    lastItem(node, config, fullJid, subids).ifPresent(out::add);
                }
            }
        });
        return out;
    }

    /**
     * XEP-0163 §4.3.4 (implicit subscriptions): the last item of each leaf that {@code fullJid} may retrieve and
     * {@code wants} (its +notify), when that resource becomes available. Nodes that never send the last item, or
     * keep none, are skipped. Read-only.
     */
    public List<Notification> lastItemsFor(String fullJid, java.util.function.Predicate<String> wants) {
        List<Notification> out = new ArrayList<>();
        String bare = Jids.bare(fullJid);
        String after = null;
        List<String> page;
        while (!(page = store.nodeIds(after, 512)).isEmpty()) {
            for (String node : page) {
                StoredNode stored = store.node(node);
                if (stored == null || !wants.test(node)) {
                    continue;
                }
                NodeConfig config = records.config(stored);
                if (config.isCollection() || !config.persistItems() || !config.deliverNotifications()
                        || config.sendLastPublishedItem() == SendLastPublishedItem.NEVER
                        || !access.mayRetrieve(node, config, bare)) {
                    continue;
                }
                lastItem(node, config, fullJid, List.of()).ifPresent(out::add);
            }
            after = page.get(page.size() - 1);
        }
        return out;
    }

    /** Whether {@code bareJid} may retrieve the node's items (§6.5.9 and the §4.5 access model). */
    public boolean mayRetrieve(String bareJid, String node, NodeConfig config) {
        return access.mayRetrieve(node, config, bareJid);
    }

    // ================================================================== owner management (XEP-0060 §8.6-§8.9)

    /** §8.8.1: every subscription of the node. */
    public List<Subscription> subscriptions(String actor, String node) {
        requireNode(node);
        access.requireOwner(node, Jids.bare(actor));
        List<Subscription> out = new ArrayList<>();
        store.forEachSubscription(node, s -> out.add(subscription(s)));
        return out;
    }

    /**
     * §8.8.2: applies the changes that are valid; returns the refused ones with their current state (§8.8.2.4:
     * the caller answers not-acceptable listing them, the others stand).
     */
    public Outcome<List<SubscriptionChange>> modifySubscriptions(String actor, String node,
                                                                  List<SubscriptionChange> changes) {
        return tx(() -> {
            StoredNode stored = requireNode(node);
            access.requireOwner(node, Jids.bare(actor));
            NodeConfig config = records.config(stored);
            List<SubscriptionChange> refused = new ArrayList<>();
            List<Notification> out = new ArrayList<>();
            for (SubscriptionChange c : changes) {
                List<StoredSubscription> of = subscriptionsOfJid(node, c.jid());
                List<StoredSubscription> targets = c.subid() == null ? of
                        : of.stream().filter(s -> s.subid().equals(c.subid())).toList();
                SubscriptionState currentState = targets.isEmpty() ? SubscriptionState.NONE
                        : SubscriptionState.fromWire(targets.get(0).state());
                if (c.state() == SubscriptionState.NONE && !targets.isEmpty()) {
                    for (StoredSubscription s : targets) {
                        store.removeSubscription(node, s.jid(), s.subid());
                        out.add(stateChange(config, s.jid(), node, s.subid(), SubscriptionState.NONE, s.jid()));
                    }
                } else if (c.state() == SubscriptionState.SUBSCRIBED && targets.size() <= 1
                        && (c.subid() == null || !targets.isEmpty())
                        && access.storedAffiliation(node, Jids.bare(c.jid())).maySubscribe()) {
                    Subscription s;
                    if (targets.isEmpty()) {
                        s = new Subscription(node, c.jid(), newSubid(node, c.jid()), SubscriptionState.SUBSCRIBED,
                                SubscriptionOptions.defaults(config.nodeType()));
                    } else {
                        StoredSubscription t = targets.get(0);
                        s = new Subscription(node, t.jid(), t.subid(), SubscriptionState.SUBSCRIBED, options(t));
                    }
                    store.putSubscription(stored(s));
                    if (currentState != SubscriptionState.SUBSCRIBED) {
                        out.add(stateChange(config, s.jid(), node, s.subid(), SubscriptionState.SUBSCRIBED, s.jid()));
                    }
                } else {
                    refused.add(new SubscriptionChange(c.jid(), c.subid(), currentState));
                }
            }
            return new Outcome<>(refused, out);
        });
    }

    /** §8.9.1: every affiliation of the node. */
    public List<AffiliationEntry> affiliations(String actor, String node) {
        requireNode(node);
        access.requireOwner(node, Jids.bare(actor));
        List<AffiliationEntry> out = new ArrayList<>();
        store.affiliations(node).forEach((jid, a) -> out.add(new AffiliationEntry(node, jid, Affiliation.fromWire(a))));
        return out;
    }

    /**
     * §8.9.2: applies the changes allowed by the §4.1 state chart that leave the node an owner; returns the refused
     * ones with their current affiliation. Outcasts lose their subscriptions, as do entities leaving a whitelist.
     */
    public Outcome<List<AffiliationEntry>> modifyAffiliations(String actor, String node,
                                                               List<AffiliationEntry> changes) {
        return tx(() -> {
            StoredNode stored = requireNode(node);
            access.requireOwner(node, Jids.bare(actor));
            NodeConfig config = records.config(stored);
            List<AffiliationEntry> refused = new ArrayList<>();
            List<Notification> out = new ArrayList<>();
            for (AffiliationEntry c : changes) {
                String bare = Jids.bare(c.jid());
                Affiliation current = access.storedAffiliation(node, bare);
                boolean lastOwner = current == Affiliation.OWNER && c.affiliation() != Affiliation.OWNER
                        && owners(node).size() == 1;
                if (!current.mayBecome(c.affiliation()) || lastOwner) {
                    refused.add(new AffiliationEntry(node, bare, current));
                    continue;
                }
                store.putAffiliation(node, bare, c.affiliation() == Affiliation.NONE ? null : c.affiliation().wire());
                boolean loses = !c.affiliation().maySubscribe()
                        || (config.accessModel() == AccessModel.WHITELIST && !c.affiliation().onWhitelist());
                if (loses) {
                    out.addAll(dropSubscriptions(node, config, s -> Jids.bare(s.jid()).equals(bare)));
                }
            }
            return new Outcome<>(refused, out);
        });
    }

    /** §8.7: the pending subscriptions of a node. */
    public List<Subscription> pending(String actor, String node) {
        requireNode(node);
        access.requireOwner(node, Jids.bare(actor));
        return store.pending(node).stream().map(this::subscription).toList();
    }

    /** §8.7 (XEP-0050 get-pending): the requester's nodes that have pending subscriptions. */
    public List<String> nodesWithPending(String actor) {
        List<String> out = new ArrayList<>();
        store.affiliationsOfEntity(Jids.bare(actor)).forEach((node, a) -> {
            if (Affiliation.OWNER.wire().equals(a) && !store.pending(node).isEmpty()) {
                out.add(node);
            }
        });
        return out;
    }

    /**
     * §8.6: an owner's answer to an approval request ({@code subid} may be null when the JID has one pending
     * subscription). Allowing subscribes it; denying removes it. The subscriber is told either way (§12.11).
     */
    public Outcome<Subscription> answerPending(String actor, String node, String jid, String subid, boolean allow) {
        return tx(() -> {
            StoredNode stored = requireNode(node);
            access.requireOwner(node, Jids.bare(actor));
            StoredSubscription p = subscriptionsOfJid(node, jid).stream()
                    .filter(s -> s.pending() && (subid == null || s.subid().equals(subid)))
                    .findFirst()
                    .orElseThrow(() -> new PubSubException(PubSubError.NOT_SUBSCRIBED, "no pending subscription"));
            NodeConfig config = records.config(stored);
            List<Notification> out = new ArrayList<>();
            Subscription result;
            if (allow) {
                result = new Subscription(node, p.jid(), p.subid(), SubscriptionState.SUBSCRIBED, options(p));
                store.putSubscription(stored(result));
                out.add(stateChange(config, p.jid(), node, p.subid(), SubscriptionState.SUBSCRIBED, p.jid()));
                out.addAll(subscribedEffects(config, result));
            } else {
                result = new Subscription(node, p.jid(), p.subid(), SubscriptionState.NONE, options(p));
                store.removeSubscription(node, p.jid(), p.subid());
                out.add(stateChange(config, p.jid(), node, p.subid(), SubscriptionState.NONE, p.jid()));
            }
            return new Outcome<>(result, out);
        });
    }

    // ================================================================== collections (XEP-0248 §7.5, §7.6)

    /** §7.5: associates {@code child} with {@code collection}, per the collection's association policy. */
    public Outcome<Void> associate(String actor, String collection, String child) {
        return tx(() -> {
            requireNode(collection);
            StoredNode c = requireNode(child);
            List<String> parents = new ArrayList<>(c.parents());
            if (parents.contains(collection)) {
                return new Outcome<Void>(null, List.of());
            }
            parents.add(collection);
            return new Outcome<Void>(null, setParents(Jids.bare(actor), child, parents));
        });
    }

    /** §7.6: dissociates them; owners of either node may. */
    public Outcome<Void> dissociate(String actor, String collection, String child) {
        return tx(() -> {
            String bare = Jids.bare(actor);
            requireNode(collection);
            StoredNode c = requireNode(child);
            if (!c.parents().contains(collection)) {
                throw new PubSubException(PubSubError.NOT_ASSOCIATED); // §7.6.3.1
            }
            if (access.affiliation(collection, bare) != Affiliation.OWNER
                    && access.affiliation(child, bare) != Affiliation.OWNER) {
                throw new PubSubException(PubSubError.FORBIDDEN);
            }
            List<String> parents = new ArrayList<>(c.parents());
            parents.remove(collection);
            return new Outcome<Void>(null, setParents(bare, child, parents));
        });
    }

    // ================================================================== item expiry

    /**
     * Removes items older than their node's pubsub#item_expire, from each expiring node's oldest item forwards,
     * one short transaction per batch. Expiry sends no notifications. Returns how many were removed.
     */
    public long expireItems() {
        long removed = 0;
        String after = null;
        List<String> page;
        while (!(page = store.expiringNodes(after, 256)).isEmpty()) {
            for (String node : page) {
                long n;
                do {
                    n = store.transaction(() -> expireBatch(node));
                    removed += n;
                } while (n == EXPIRY_BATCH);
            }
            after = page.get(page.size() - 1);
        }
        return removed;
    }

    private long expireBatch(String node) {
        StoredNode stored = store.node(node);
        if (stored == null) {
            return 0;
        }
        NodeConfig config = records.config(stored);
        if (!config.itemsExpire()) {
            store.markExpiring(node, false);
            return 0;
        }
        long cutoff = expiryCutoff(config);
        List<StoredItem> head = store.oldest(node, 1);
        if (head.isEmpty() || head.get(0).publishedMillis() > cutoff) {
            return 0; // the oldest is still fresh: nothing behind it can have expired
        }
        long n = 0;
        for (StoredItem item : store.oldest(node, EXPIRY_BATCH)) {
            if (item.publishedMillis() > cutoff) {
                break;
            }
            store.removeItem(node, item.id());
            n++;
        }
        return n;
    }

    // ================================================================== internals

    private <T> T tx(Supplier<T> work) {
        return store.transaction(work);
    }

    private String create(String actor, String nodeId, Map<String, List<String>> fields, List<Notification> out) {
        String bare = Jids.bare(actor);
        if (!access.isAdmin(bare) && !creation.mayCreate(bare)) {
            throw new PubSubException(PubSubError.FORBIDDEN, "node creation not allowed"); // §8.1.1
        }
        if (nodeId != null && nodeId.isEmpty()) {
            throw new PubSubException(PubSubError.NODEID_REQUIRED);
        }
        String id = nodeId;
        if (id == null) {
            do {
                id = ids.next(); // §8.1.2 instant node
            } while (store.node(id) != null);
        } else if (store.node(id) != null) {
            throw new PubSubException(PubSubError.NODE_EXISTS); // §8.1.1
        }
        NodeType type = NodeType.LEAF;
        if (fields != null && fields.get(NodeConfigFields.NODE_TYPE) != null
                && List.of("collection").equals(fields.get(NodeConfigFields.NODE_TYPE))) {
            type = NodeType.COLLECTION;
        }
        NodeConfig config = fields == null ? settings.defaultConfig(type)
                : applyConfig(settings.defaultConfig(type), fields);
        validate(config);
        store.putNode(records.stored(id, config.toBuilder().collections(List.of()).children(List.of()).build(),
                bare, clock.millis()));
        store.putAffiliation(id, bare, Affiliation.OWNER.wire());
        store.markExpiring(id, config.itemsExpire());
        out.addAll(setParents(bare, id, config.collections()));
        out.addAll(setChildren(bare, id, config.children()));
        if (!config.collections().isEmpty()) {
            NodeConfig created = records.config(store.node(id));
            out.addAll(fanout.node(id, created, new Event.Created(id), false, false));
        }
        return id;
    }

    private NodeConfig applyConfig(NodeConfig base, Map<String, List<String>> fields) {
        try {
            return NodeConfigFields.apply(base, fields);
        } catch (IllegalArgumentException e) {
            throw new PubSubException(PubSubError.INVALID_CONFIG, e.getMessage()); // §8.2.5.2
        }
    }

    private void validate(NodeConfig config) {
        if (!access.offers(config.accessModel())) {
            throw switch (config.accessModel()) {
                case PRESENCE -> new PubSubException(PubSubError.UNSUPPORTED_ACCESS_PRESENCE);
                case ROSTER -> new PubSubException(PubSubError.UNSUPPORTED_ACCESS_ROSTER);
                default -> new PubSubException(PubSubError.INVALID_CONFIG, "access model not offered");
            };
        }
        if (config.maxItems() != NodeConfig.UNLIMITED && config.maxItems() > settings.maxItemsLimit()) {
            throw new PubSubException(PubSubError.INVALID_CONFIG,
                    "pubsub#max_items above the service maximum " + settings.maxItemsLimit());
        }
        if (config.maxPayloadSize() != NodeConfig.UNLIMITED && config.maxPayloadSize() > settings.maxPayloadBytes()) {
            throw new PubSubException(PubSubError.INVALID_CONFIG,
                    "pubsub#max_payload_size above the service maximum " + settings.maxPayloadBytes());
        }
        if (!config.isCollection() && !config.children().isEmpty()) {
            throw new PubSubException(PubSubError.INVALID_COLLECTION_CONFIG, "a leaf has no children"); // §7.2.3.1
        }
        if (config.children().size() > config.childrenMax()) {
            throw new PubSubException(PubSubError.MAX_NODES_EXCEEDED);
        }
    }

    /** §7.1.5: a precondition holds when applying it as configuration would change nothing. */
    private void checkPreconditions(NodeConfig current, PublishOptions options) {
        NodeConfig wanted;
        try {
            wanted = NodeConfigFields.apply(current, options.preconditions());
        } catch (IllegalArgumentException e) {
            // §7.1.5: unknown fields MUST be rejected; a value we cannot read cannot be met either.
            throw new PubSubException(PubSubError.PRECONDITION_NOT_MET, e.getMessage());
        }
        if (!wanted.equals(current)) {
            throw new PubSubException(PubSubError.PRECONDITION_NOT_MET);
        }
    }

    /** §4.3 "Items, Payloads, and Item IDs" and §7.1.3.4-§7.1.3.6. */
    private void checkEventType(NodeConfig config, List<ItemDraft> items) {
        boolean notificationOnly = !config.deliverPayloads();
        if (!config.persistItems() && notificationOnly) {
            if (!items.isEmpty()) {
                throw new PubSubException(PubSubError.ITEM_FORBIDDEN);
            }
            return;
        }
        if (items.isEmpty()) {
            throw new PubSubException(PubSubError.ITEM_REQUIRED);
        }
        long limit = Math.min(config.maxPayloadSize(), settings.maxPayloadBytes());
        for (ItemDraft draft : items) {
            Payload p = draft.payload();
            if (p == null) {
                if (!notificationOnly) {
                    throw new PubSubException(PubSubError.PAYLOAD_REQUIRED);
                }
                continue;
            }
            if (p.elementCount() != 1) {
                throw new PubSubException(PubSubError.INVALID_PAYLOAD, "exactly one payload element per item");
            }
            if (!config.payloadType().isEmpty() && !config.payloadType().equals(p.namespace())) {
                throw new PubSubException(PubSubError.INVALID_PAYLOAD, "payload is not " + config.payloadType());
            }
            if (p.sizeInBytes() > limit) {
                throw new PubSubException(PubSubError.PAYLOAD_TOO_BIG, "limit " + limit + " bytes");
            }
        }
    }

    private long effectiveMaxItems(NodeConfig config) {
        return Math.min(config.maxItems(), settings.maxItemsLimit());
    }

    /**
     * Drops the oldest items beyond max_items, reading only those (§7.1.2.5). Returns the ids to announce as
     * retracted (retract-oldest with notify_retract), none otherwise.
     */
    private List<String> trim(String node, NodeConfig config, boolean announce) {
        long excess = store.itemCount(node) - effectiveMaxItems(config);
        List<String> retracted = new ArrayList<>();
        while (excess > 0) {
            List<StoredItem> oldest = store.oldest(node, (int) Math.min(excess, 1024));
            for (StoredItem item : oldest) {
                store.removeItem(node, item.id());
                retracted.add(item.id());
            }
            excess -= oldest.size();
            if (oldest.isEmpty()) {
                break;
            }
        }
        boolean notify = announce && settings.announceTrimmed()
                && config.publishNodeFull() == PublishNodeFull.RETRACT_OLDEST
                && config.notifyRetract();
        return notify ? retracted : List.of();
    }

    /** XEP-0248 §7.2: sets {@code child}'s parents, checking each new parent; both sides stay in step. */
    private List<Notification> setParents(String actorBare, String child, List<String> wanted) {
        StoredNode c = store.node(child);
        Set<String> current = new LinkedHashSet<>(c.parents());
        Set<String> next = new LinkedHashSet<>(wanted);
        if (current.equals(next)) {
            return List.of();
        }
        List<Notification> out = new ArrayList<>();
        for (String parent : next) {
            if (!current.contains(parent)) {
                checkAssociation(actorBare, parent, child);
            }
        }
        store.putNode(c.withConfig(c.config(), List.copyOf(next)));
        for (String parent : next) {
            if (!current.contains(parent)) {
                out.addAll(associationEffects(parent, child, true));
            }
        }
        for (String parent : current) {
            if (!next.contains(parent)) {
                out.addAll(associationEffects(parent, child, false));
            }
        }
        return out;
    }

    /** XEP-0248 §7.2: sets a collection's children through each child's parents. */
    private List<Notification> setChildren(String actorBare, String collection, List<String> wanted) {
        Set<String> current = new LinkedHashSet<>(store.children(collection));
        Set<String> next = new LinkedHashSet<>(wanted);
        List<Notification> out = new ArrayList<>();
        for (String child : next) {
            if (!current.contains(child)) {
                StoredNode c = store.node(child);
                if (c == null) {
                    throw new PubSubException(PubSubError.NODE_NOT_FOUND, child);
                }
                checkAssociation(actorBare, collection, child);
                List<String> parents = new ArrayList<>(c.parents());
                parents.add(collection);
                store.putNode(c.withConfig(c.config(), parents));
                out.addAll(associationEffects(collection, child, true));
            }
        }
        for (String child : current) {
            if (!next.contains(child)) {
                StoredNode c = store.node(child);
                List<String> parents = new ArrayList<>(c.parents());
                parents.remove(collection);
                store.putNode(c.withConfig(c.config(), parents));
                out.addAll(associationEffects(collection, child, false));
            }
        }
        return out;
    }

    private void checkAssociation(String actorBare, String parent, String child) {
        StoredNode p = store.node(parent);
        if (p == null) {
            throw new PubSubException(PubSubError.NODE_NOT_FOUND, parent);
        }
        NodeConfig pc = records.config(p);
        if (!pc.isCollection()) {
            throw new PubSubException(PubSubError.INVALID_COLLECTION_CONFIG, parent + " is a leaf"); // §7.2.3.1
        }
        boolean allowed = switch (pc.childrenAssociationPolicy()) {
            case ALL -> true;
            case OWNERS -> access.affiliation(parent, actorBare) == Affiliation.OWNER;
            case WHITELIST -> access.affiliation(parent, actorBare) == Affiliation.OWNER
                    || pc.childrenAssociationWhitelist().contains(actorBare);
        };
        if (!allowed) {
            throw new PubSubException(PubSubError.FORBIDDEN, "may not associate with " + parent); // §7.2.3.2
        }
        if (isAncestorOrSelf(child, parent)) {
            throw new PubSubException(PubSubError.INVALID_COLLECTION_CONFIG, "would create a cycle"); // §7.2.3.5
        }
        if (pc.children().size() + 1 > pc.childrenMax()) {
            throw new PubSubException(PubSubError.MAX_NODES_EXCEEDED, parent); // §7.2.3.3
        }
    }

    /** Whether {@code candidate} is {@code node} or one of its ancestors. */
    private boolean isAncestorOrSelf(String candidate, String node) {
        Set<String> seen = new HashSet<>();
        List<String> frontier = List.of(node);
        while (!frontier.isEmpty()) {
            List<String> nextFrontier = new ArrayList<>();
            for (String n : frontier) {
                if (n.equals(candidate)) {
                    return true;
                }
                if (seen.add(n)) {
                    StoredNode s = store.node(n);
                    if (s != null) {
                        nextFrontier.addAll(s.parents());
                    }
                }
            }
            frontier = nextFrontier;
        }
        return false;
    }

    private List<Notification> associationEffects(String collection, String child, boolean associated) {
        StoredNode c = store.node(collection);
        if (c == null) {
            return List.of();
        }
        return fanout.association(collection, records.config(c), new Event.Association(collection, child, associated));
    }

    /** Removes the subscriptions matching {@code which}, telling each subscriber (§12.11). */
    private List<Notification> dropSubscriptions(String node, NodeConfig config,
                                                 java.util.function.Predicate<StoredSubscription> which) {
        List<StoredSubscription> victims = new ArrayList<>();
        store.forEachSubscription(node, s -> {
            if (which.test(s)) {
                victims.add(s);
            }
        });
        List<Notification> out = new ArrayList<>();
        for (StoredSubscription s : victims) {
            store.removeSubscription(node, s.jid(), s.subid());
            out.add(stateChange(config, s.jid(), node, s.subid(), SubscriptionState.NONE, s.jid()));
        }
        return out;
    }

    /** After a subscription becomes active: owners told (notify_sub), last item sent (send_last_published_item). */
    private List<Notification> subscribedEffects(NodeConfig config, Subscription s) {
        List<Notification> out = new ArrayList<>();
        if (config.notifySub()) {
            for (String owner : owners(s.node())) {
                out.add(stateChange(config, s.jid(), s.node(), s.subid(), SubscriptionState.SUBSCRIBED, owner));
            }
        }
        if (config.sendLastPublishedItem() != SendLastPublishedItem.NEVER && s.options().deliver()
                && !config.isCollection() && config.persistItems()) {
            lastItem(s.node(), config, s.jid(), List.of(s.subid())).ifPresent(out::add);
        }
        return out;
    }

    private java.util.Optional<Notification> lastItem(String node, NodeConfig config, String to,
                                                      List<String> subids) {
        List<StoredItem> last = store.newest(node, 1);
        if (last.isEmpty() || last.get(0).publishedMillis() <= expiryCutoff(config)) {
            return java.util.Optional.empty();
        }
        Item item = item(last.get(0));
        Item delivered = config.deliverPayloads() ? item : item.withoutPayload();
        return java.util.Optional.of(new Notification(to, subids, null, config.notificationType(),
                new Event.Items(node, List.of(delivered)), item.published()));
    }

    private static Notification stateChange(NodeConfig config, String jid, String node, String subid,
                                            SubscriptionState state, String to) {
        return new Notification(to, List.of(subid), null, config.notificationType(),
                new Event.SubscriptionChanged(node, jid, subid, state), null);
    }

    private List<String> owners(String node) {
        List<String> out = new ArrayList<>();
        store.affiliations(node).forEach((jid, a) -> {
            if (Affiliation.OWNER.wire().equals(a)) {
                out.add(jid);
            }
        });
        return out;
    }

    /**
     * Finds the subscription a §6.2 / §6.3 request names: {@code jid} required, own JID unless owner, subid
     * required when there are several, and matching when given.
     */
    private StoredSubscription findSubscription(String actorBare, String node, String jid, String subid,
                                                PubSubError none) {
        if (jid == null) {
            throw new PubSubException(PubSubError.JID_REQUIRED);
        }
        if (!Jids.bare(jid).equals(actorBare) && access.affiliation(node, actorBare) != Affiliation.OWNER) {
            throw new PubSubException(PubSubError.FORBIDDEN); // §6.2.3.3, §6.3.4.1
        }
        List<StoredSubscription> of = subscriptionsOfJid(node, jid);
        if (of.isEmpty()) {
            throw new PubSubException(none);
        }
        if (subid == null) {
            if (of.size() > 1) {
                throw new PubSubException(PubSubError.SUBID_REQUIRED);
            }
            return of.get(0);
        }
        return of.stream().filter(s -> s.subid().equals(subid)).findFirst()
                .orElseThrow(() -> new PubSubException(PubSubError.INVALID_SUBID));
    }

    private List<StoredSubscription> subscriptionsOfJid(String node, String jid) {
        return store.subscriptionsOf(node, Jids.bare(jid)).stream().filter(s -> s.jid().equals(jid)).toList();
    }

    private StoredNode requireNode(String node) {
        if (node == null || node.isEmpty()) {
            throw new PubSubException(PubSubError.NODEID_REQUIRED);
        }
        StoredNode n = store.node(node);
        if (n == null) {
            throw new PubSubException(PubSubError.NODE_NOT_FOUND, node);
        }
        return n;
    }

    private StoredItem anchor(String node, String itemId) {
        StoredItem item = store.item(node, itemId);
        if (item == null) {
            throw new PubSubException(PubSubError.ITEM_NOT_FOUND, itemId);
        }
        return item;
    }

    private String newItemId(String node, NodeConfig config) {
        String id;
        do {
            id = ids.next();
        } while (config.persistItems() && store.item(node, id) != null);
        return id;
    }

    private String newSubid(String node, String jid) {
        String subid;
        do {
            subid = ids.next();
        } while (store.subscription(node, jid, subid) != null);
        return subid;
    }

    private long expiryCutoff(NodeConfig config) {
        if (!config.itemsExpire()) {
            return Long.MIN_VALUE;
        }
        long ms = config.itemExpireSeconds() >= Long.MAX_VALUE / 1000 ? Long.MAX_VALUE
                : config.itemExpireSeconds() * 1000;
        return clock.millis() - ms;
    }

    private static List<StoredItem> reversed(List<StoredItem> newestFirst) {
        List<StoredItem> copy = new ArrayList<>(newestFirst);
        Collections.reverse(copy);
        return copy;
    }

    private static Item item(StoredItem s) {
        return new Item(s.id(), s.publisher(), Instant.ofEpochMilli(s.publishedMillis()), s.payload());
    }

    private static StoredSubscription stored(Subscription s) {
        return new StoredSubscription(s.node(), s.jid(), s.subid(), s.state().wire(), s.options().toFields());
    }

    private SubscriptionOptions options(StoredSubscription s) {
        return options.get(s.options());
    }

    private Subscription subscription(StoredSubscription s) {
        return new Subscription(s.node(), s.jid(), s.subid(), SubscriptionState.fromWire(s.state()), options(s));
    }
}
