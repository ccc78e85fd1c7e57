package org.xcs.pubsub.service;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * {@link NodeConfig} as {@code pubsub#node_config} field values (XEP-0060 §16.4.4, XEP-0248 §7.2), both ways. The
 * stanza layer turns these into and from data forms; the core uses them for configure, create-and-configure and
 * publish-options preconditions (§7.1.5: "check each precondition field against the node configuration of the same
 * name").
 */
public final class NodeConfigFields {

    public static final String FORM_TYPE = "http://jabber.org/protocol/pubsub#node_config";
    public static final String COLLECTION = "pubsub#collection";
    public static final String CHILDREN = "pubsub#children";
    public static final String NODE_TYPE = "pubsub#node_type";
    public static final String ROSTER_GROUPS_ALLOWED = "pubsub#roster_groups_allowed";

    private record Field(Function<NodeConfig, List<String>> read, BiConsumer<NodeConfig.Builder, List<String>> write) {
    }

    private static final Map<String, Field> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("pubsub#title", new Field(c -> List.of(c.title()), (b, v) -> b.title = text(v)));
        FIELDS.put("pubsub#description", new Field(c -> List.of(c.description()), (b, v) -> b.description = text(v)));
        FIELDS.put("pubsub#type", new Field(c -> List.of(c.payloadType()), (b, v) -> b.payloadType = text(v)));
        FIELDS.put(NODE_TYPE, new Field(c -> List.of(c.nodeType().wire()),
                (b, v) -> b.nodeType = choice(v, NodeType::fromWire)));
        FIELDS.put("pubsub#access_model", new Field(c -> List.of(c.accessModel().wire()),
                (b, v) -> b.accessModel = choice(v, AccessModel::fromWire)));
        FIELDS.put("pubsub#publish_model", new Field(c -> List.of(c.publishModel().wire()),
                (b, v) -> b.publishModel = choice(v, PublishModel::fromWire)));
        FIELDS.put("pubsub#max_items", new Field(c -> limit(c.maxItems()), (b, v) -> b.maxItems = count(v)));
        FIELDS.put("pubsub#persist_items", new Field(c -> bool(c.persistItems()), (b, v) -> b.persistItems = bool(v)));
        FIELDS.put("pubsub#deliver_payloads",
                new Field(c -> bool(c.deliverPayloads()), (b, v) -> b.deliverPayloads = bool(v)));
        FIELDS.put("pubsub#deliver_notifications",
                new Field(c -> bool(c.deliverNotifications()), (b, v) -> b.deliverNotifications = bool(v)));
        FIELDS.put("pubsub#notify_config", new Field(c -> bool(c.notifyConfig()), (b, v) -> b.notifyConfig = bool(v)));
        FIELDS.put("pubsub#notify_delete", new Field(c -> bool(c.notifyDelete()), (b, v) -> b.notifyDelete = bool(v)));
        FIELDS.put("pubsub#notify_retract",
                new Field(c -> bool(c.notifyRetract()), (b, v) -> b.notifyRetract = bool(v)));
        FIELDS.put("pubsub#notify_sub", new Field(c -> bool(c.notifySub()), (b, v) -> b.notifySub = bool(v)));
        FIELDS.put("pubsub#notification_type", new Field(c -> List.of(c.notificationType().wire()),
                (b, v) -> b.notificationType = choice(v, NotificationType::fromWire)));
        FIELDS.put("pubsub#send_last_published_item", new Field(c -> List.of(c.sendLastPublishedItem().wire()),
                (b, v) -> b.sendLastPublishedItem = choice(v, SendLastPublishedItem::fromWire)));
        FIELDS.put("pubsub#item_expire",
                new Field(c -> limit(c.itemExpireSeconds()), (b, v) -> b.itemExpireSeconds = count(v)));
        FIELDS.put("pubsub#max_payload_size",
                new Field(c -> limit(c.maxPayloadSize()), (b, v) -> b.maxPayloadSize = count(v)));
        FIELDS.put("pubsub#subscribe", new Field(c -> bool(c.subscribe()), (b, v) -> b.subscribe = bool(v)));
        FIELDS.put("pubsub#publish_node_full", new Field(c -> List.of(c.publishNodeFull().wire()),
                (b, v) -> b.publishNodeFull = choice(v, PublishNodeFull::fromWire)));
        FIELDS.put(COLLECTION, new Field(NodeConfig::collections, (b, v) -> b.collections = ids(v)));
        FIELDS.put(CHILDREN, new Field(NodeConfig::children, (b, v) -> b.children = ids(v)));
        FIELDS.put("pubsub#children_max", new Field(c -> limit(c.childrenMax()), (b, v) -> b.childrenMax = count(v)));
        FIELDS.put("pubsub#children_association_policy",
                new Field(c -> List.of(c.childrenAssociationPolicy().wire()),
                        (b, v) -> b.childrenAssociationPolicy = choice(v, ChildrenAssociationPolicy::fromWire)));
        FIELDS.put("pubsub#children_association_whitelist", new Field(NodeConfig::childrenAssociationWhitelist,
                (b, v) -> b.childrenAssociationWhitelist = ids(v)));
        // §4.5 roster access model: the owner's roster groups whose members may subscribe and retrieve.
        FIELDS.put(ROSTER_GROUPS_ALLOWED, new Field(NodeConfig::rosterGroupsAllowed,
                (b, v) -> b.rosterGroupsAllowed = ids(v)));
    }

    private NodeConfigFields() {
    }

    /** Every field var this service understands, in form order. */
    public static List<String> vars() {
        return List.copyOf(FIELDS.keySet());
    }

    /** The configuration as field values, in form order. */
    public static Map<String, List<String>> toFields(NodeConfig config) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        FIELDS.forEach((var, f) -> out.put(var, f.read().apply(config)));
        return Collections.unmodifiableMap(out);
    }

    /**
     * {@code base} with the submitted values applied; fields not submitted keep their value (§8.2.4). FORM_TYPE is
     * ignored. An unknown field or a value out of its range throws {@link IllegalArgumentException} naming it.
     */
    public static NodeConfig apply(NodeConfig base, Map<String, List<String>> fields) {
        NodeConfig.Builder b = base.toBuilder();
        for (Map.Entry<String, List<String>> e : fields.entrySet()) {
            if ("FORM_TYPE".equals(e.getKey())) {
                continue;
            }
            Field f = FIELDS.get(e.getKey());
            if (f == null) {
                throw new IllegalArgumentException("unsupported field " + e.getKey());
            }
            try {
                f.write().accept(b, e.getValue() == null ? List.of() : e.getValue());
            } catch (IllegalArgumentException bad) {
                throw new IllegalArgumentException(e.getKey() + ": " + bad.getMessage());
            }
        }
        return b.build();
    }

    private static String text(List<String> v) {
        return v.isEmpty() ? "" : String.join("\n", v);
    }

    private static String single(List<String> v) {
        if (v.size() != 1) {
            throw new IllegalArgumentException("expects one value");
        }
        return v.get(0).trim();
    }

    private static <E> E choice(List<String> v, Function<String, E> parse) {
        String s = single(v);
        E e = parse.apply(s);
        if (e == null) {
            throw new IllegalArgumentException("unknown value " + s);
        }
        return e;
    }

    // XEP-0004 §3.3 boolean: "0"/"false" or "1"/"true".
    private static boolean bool(List<String> v) {
        return switch (single(v)) {
            case "1", "true" -> true;
            case "0", "false" -> false;
            default -> throw new IllegalArgumentException("not a boolean");
        };
    }

    private static List<String> bool(boolean b) {
        return List.of(b ? "1" : "0");
    }

    // XEP-0060 §16.4.4 and §19 "integer-or-max".
    private static long count(List<String> v) {
        String s = single(v);
        if ("max".equals(s)) {
            return NodeConfig.UNLIMITED;
        }
        try {
            long n = Long.parseLong(s);
            if (n < 0) {
                throw new IllegalArgumentException("negative");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an integer or max");
        }
    }

    private static List<String> limit(long n) {
        return List.of(n == NodeConfig.UNLIMITED ? "max" : Long.toString(n));
    }

    private static List<String> ids(List<String> v) {
        return v.stream().map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
    }
}
