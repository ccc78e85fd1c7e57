package org.xcs.pubsub.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Subscription options (XEP-0060 §6.3, {@code pubsub#subscribe_options}; XEP-0248 §6.1 type and depth). Digest,
 * body and show-values are kept and returned but do not change delivery here. {@link #DEPTH_ALL} is depth "all".
 */
public record SubscriptionOptions(boolean deliver, boolean digest, boolean includeBody, List<String> showValues,
                                  SubscriptionType subscriptionType, int subscriptionDepth) {

    public static final String FORM_TYPE = "http://jabber.org/protocol/pubsub#subscribe_options";
    public static final int DEPTH_ALL = Integer.MAX_VALUE;

    public SubscriptionOptions {
        showValues = List.copyOf(showValues);
    }

    /** XEP-0248 §6.1: type SHOULD default to "nodes", depth to 1; on a leaf the type is not consulted. */
    public static SubscriptionOptions defaults(NodeType type) {
        return new SubscriptionOptions(true, false, false, List.of(),
                type == NodeType.COLLECTION ? SubscriptionType.NODES : SubscriptionType.ITEMS, 1);
    }

    public boolean receivesItemsAtDepth(int depth) {
        return subscriptionType != SubscriptionType.NODES && depth <= subscriptionDepth;
    }

    public boolean receivesNodeEventsAtDepth(int depth) {
        return subscriptionType != SubscriptionType.ITEMS && depth <= subscriptionDepth;
    }

    public Map<String, List<String>> toFields() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        out.put("pubsub#deliver", List.of(deliver ? "1" : "0"));
        out.put("pubsub#digest", List.of(digest ? "1" : "0"));
        out.put("pubsub#include_body", List.of(includeBody ? "1" : "0"));
        out.put("pubsub#show-values", showValues);
        out.put("pubsub#subscription_type", List.of(subscriptionType.wire()));
        out.put("pubsub#subscription_depth",
                List.of(subscriptionDepth == DEPTH_ALL ? "all" : Integer.toString(subscriptionDepth)));
        return out;
    }

    /** These options with the submitted fields applied; §6.3.7: anything it cannot apply is invalid-options. */
    public SubscriptionOptions apply(Map<String, List<String>> fields) {
        boolean d = deliver;
        boolean dg = digest;
        boolean body = includeBody;
        List<String> show = showValues;
        SubscriptionType type = subscriptionType;
        int depth = subscriptionDepth;
        for (Map.Entry<String, List<String>> e : fields.entrySet()) {
            List<String> v = e.getValue() == null ? List.of() : e.getValue();
            switch (e.getKey()) {
                case "FORM_TYPE" -> { }
                case "pubsub#deliver" -> d = bool(v);
                case "pubsub#digest" -> dg = bool(v);
                case "pubsub#include_body" -> body = bool(v);
                case "pubsub#show-values" -> show = v;
                case "pubsub#subscription_type" -> {
                    type = SubscriptionType.fromWire(single(v));
                    if (type == null) {
                        throw invalid("pubsub#subscription_type");
                    }
                }
                case "pubsub#subscription_depth" -> depth = depth(single(v));
                default -> throw invalid("unsupported field " + e.getKey());
            }
        }
        return new SubscriptionOptions(d, dg, body, show, type, depth);
    }

    private static int depth(String s) {
        if ("all".equals(s)) {
            return DEPTH_ALL;
        }
        try {
            int n = Integer.parseInt(s);
            if (n < 0) {
                throw invalid("pubsub#subscription_depth");
            }
            return n;
        } catch (NumberFormatException e) {
            throw invalid("pubsub#subscription_depth");
        }
    }

    private static boolean bool(List<String> v) {
        return switch (single(v)) {
            case "1", "true" -> true;
            case "0", "false" -> false;
            default -> throw invalid("not a boolean");
        };
    }

    private static String single(List<String> v) {
        if (v.size() != 1) {
            throw invalid("expects one value");
        }
        return v.get(0).trim();
    }

    private static PubSubException invalid(String what) {
        return new PubSubException(PubSubError.INVALID_OPTIONS, what);
    }
}
