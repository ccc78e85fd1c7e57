package org.xcs.pubsub.protocol;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.xcs.common.stanza.form.Field;
import org.xcs.common.stanza.form.FieldType;
import org.xcs.common.stanza.form.Form;
import org.xcs.common.stanza.form.FormType;
import org.xcs.common.stanza.form.SubmittedForm;
import org.xcs.pubsub.service.AccessModel;
import org.xcs.pubsub.service.ChildrenAssociationPolicy;
import org.xcs.pubsub.service.NodeConfig;
import org.xcs.pubsub.service.NodeConfigFields;
import org.xcs.pubsub.service.NodeType;
import org.xcs.pubsub.service.NotificationType;
import org.xcs.pubsub.service.PublishModel;
import org.xcs.pubsub.service.PublishNodeFull;
import org.xcs.pubsub.service.SendLastPublishedItem;
import org.xcs.pubsub.service.SubscriptionOptions;
import org.xcs.pubsub.service.SubscriptionType;

/**
 * The data forms of XEP-0060 §16.4 (node_config, subscribe_options, meta-data, subscribe_authorization) and
 * XEP-0248 §7.2, typed and labelled; their values come from the core's field maps.
 */
final class NodeForms {
    private record Spec(FieldType type, String label, List<String> options) {
    }

    private final Map<String, Spec> config = new LinkedHashMap<>();
    private final Map<String, Spec> subscription = new LinkedHashMap<>();

    NodeForms(Set<AccessModel> accessModels) {
        text("pubsub#title", "A friendly name for the node");
        text("pubsub#description", "A description of the node");
        text("pubsub#type", "The type of node data, usually specified by the namespace of the payload (if any)");
        list("pubsub#node_type", "Whether the node is a leaf (default) or a collection",
                Arrays.stream(NodeType.values()).map(NodeType::wire).toList());
        // §4.5: only the models this service can enforce are offered (presence/roster need the host's roster).
        list("pubsub#access_model", "Specify the subscriber model", Arrays.stream(AccessModel.values())
                .filter(accessModels::contains).map(AccessModel::wire).toList());
        list("pubsub#publish_model", "Specify the publisher model",
                Arrays.stream(PublishModel.values()).map(PublishModel::wire).toList());
        text("pubsub#max_items", "Max # of items to persist (or max)");
        bool("pubsub#persist_items", "Persist items to storage");
        bool("pubsub#deliver_payloads", "Deliver payloads with event notifications");
        bool("pubsub#deliver_notifications", "Deliver event notifications");
        bool("pubsub#notify_config", "Notify subscribers when the node configuration changes");
        bool("pubsub#notify_delete", "Notify subscribers when the node is deleted");
        bool("pubsub#notify_retract", "Notify subscribers when items are removed from the node");
        bool("pubsub#notify_sub", "Notify owners about new subscribers and unsubscribes");
        list("pubsub#notification_type", "Specify the delivery style for notifications",
                Arrays.stream(NotificationType.values()).map(NotificationType::wire).toList());
        list("pubsub#send_last_published_item", "When to send the last published item",
                Arrays.stream(SendLastPublishedItem.values()).map(SendLastPublishedItem::wire).toList());
        text("pubsub#item_expire", "Number of seconds after which to automatically purge items (or max)");
        text("pubsub#max_payload_size", "Max payload size in bytes");
        bool("pubsub#subscribe", "Whether to allow subscriptions");
        list("pubsub#publish_node_full", "What to do when a full node receives a publish",
                Arrays.stream(PublishNodeFull.values()).map(PublishNodeFull::wire).toList());
        config.put(NodeConfigFields.COLLECTION, new Spec(FieldType.TEXT_MULTI,
                "The collection(s) with which a node is affiliated", List.of()));
        config.put(NodeConfigFields.CHILDREN, new Spec(FieldType.TEXT_MULTI,
                "The child nodes (leaf or collection) associated with a collection", List.of()));
        text("pubsub#children_max", "Max # of child nodes for this collection (or max)");
        list("pubsub#children_association_policy", "Who may associate leaf nodes with a collection",
                Arrays.stream(ChildrenAssociationPolicy.values()).map(ChildrenAssociationPolicy::wire).toList());
        config.put("pubsub#children_association_whitelist", new Spec(FieldType.JID_MULTI,
                "The list of JIDs that may associate leaf nodes with a collection", List.of()));
        config.put(NodeConfigFields.ROSTER_GROUPS_ALLOWED, new Spec(FieldType.LIST_MULTI,
                "Roster groups allowed to subscribe", List.of()));
        if (!config.keySet().containsAll(NodeConfigFields.vars())) {
            throw new IllegalStateException("node_config fields without a form description");
        }

        subscription.put("pubsub#deliver", new Spec(FieldType.BOOLEAN, "Enable delivery?", List.of()));
        subscription.put("pubsub#digest", new Spec(FieldType.BOOLEAN,
                "Receive digest notifications (approx. one per day)?", List.of()));
        subscription.put("pubsub#include_body", new Spec(FieldType.BOOLEAN,
                "Receive message body in addition to payload?", List.of()));
        subscription.put("pubsub#show-values", new Spec(FieldType.LIST_MULTI,
                "Select the presence types which are allowed to receive event notifications",
                List.of("away", "chat", "dnd", "online", "xa")));
        subscription.put("pubsub#subscription_type", new Spec(FieldType.LIST_SINGLE,
                "Receive notification of items or nodes (collections only)",
                Arrays.stream(SubscriptionType.values()).map(SubscriptionType::wire).toList()));
        subscription.put("pubsub#subscription_depth", new Spec(FieldType.LIST_SINGLE,
                "How far down the collection tree to receive notifications", List.of("1", "all")));
    }

    /** §8.2.1, §8.3: the node_config form with current values. */
    Form nodeConfig(NodeConfig node, FormType type) {
        return form(type, NodeConfigFields.FORM_TYPE, config, NodeConfigFields.toFields(node));
    }

    /** §8.2.4 / §7.1.2.x: configuration sent with a notify_config event (type result). */
    Form configurationResult(Map<String, List<String>> fields) {
        return form(FormType.RESULT, NodeConfigFields.FORM_TYPE, config, fields);
    }

    /** §5.4 / XEP-0128: the configuration as node meta-data in disco#info. */
    Form metadata(NodeConfig node) {
        return form(FormType.RESULT, PubSubNs.META_DATA, config, NodeConfigFields.toFields(node));
    }

    /** §6.3.2, §6.4: the subscribe_options form. */
    Form subscribeOptions(SubscriptionOptions options, FormType type) {
        return form(type, SubscriptionOptions.FORM_TYPE, subscription, options.toFields());
    }

    /** §8.6: the form an owner submits back to approve or deny a pending subscription. */
    Form approvalRequest(String node, String subscriber, String subid) {
        Form.Builder b = Form.builder(FormType.FORM).formType(PubSubNs.SUBSCRIBE_AUTHORIZATION)
                .title("PubSub subscriber request")
                .instruction("To approve this entity's subscription request, click the OK button. "
                        + "To deny the request, click the cancel button.");
        if (subid != null) {
            b.field(Field.builder("pubsub#subid", FieldType.HIDDEN).value(subid).build());
        }
        return b.field(Field.builder("pubsub#node", FieldType.TEXT_SINGLE).label("Node ID").value(node).build())
                .field(Field.builder("pubsub#subscriber_jid", FieldType.JID_SINGLE).label("Subscriber Address")
                        .value(subscriber).build())
                .field(Field.builder("pubsub#allow", FieldType.BOOLEAN)
                        .label("Allow this JID to subscribe to this pubsub node?").value(false).build())
                .build();
    }

    /** A submitted form's values by var, FORM_TYPE left out (the core ignores it anyway). */
    static Map<String, List<String>> values(SubmittedForm submitted) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Field f : submitted.form().fields()) {
            if (!Form.FORM_TYPE.equals(f.var())) {
                out.put(f.var(), f.values());
            }
        }
        return out;
    }

    private static Form form(FormType type, String formType, Map<String, Spec> specs,
                             Map<String, List<String>> values) {
        Form.Builder b = Form.builder(type).formType(formType);
        values.forEach((var, v) -> {
            Spec spec = specs.get(var);
            Field.Builder f = Field.builder(var, spec == null ? FieldType.TEXT_SINGLE : spec.type());
            if (spec != null && type != FormType.RESULT) {
                f.label(spec.label());
                spec.options().forEach(f::option);
            }
            b.field(f.values(v).build());
        });
        return b.build();
    }

    private void text(String var, String label) {
        config.put(var, new Spec(FieldType.TEXT_SINGLE, label, List.of()));
    }

    private void bool(String var, String label) {
        config.put(var, new Spec(FieldType.BOOLEAN, label, List.of()));
    }

    private void list(String var, String label, List<String> options) {
        config.put(var, new Spec(FieldType.LIST_SINGLE, label, options));
    }
}
