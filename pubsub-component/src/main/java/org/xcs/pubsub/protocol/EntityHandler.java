package org.xcs.pubsub.protocol;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.dom4j.Element;
import org.xcs.common.router.IqHandler;
import org.xcs.common.stanza.Namespaces;
import org.xcs.common.stanza.form.FormType;
import org.xcs.common.stanza.form.SubmittedForm;
import org.xcs.common.stanza.rsm.ResultSetRequest;
import org.xcs.pubsub.service.AffiliationEntry;
import org.xcs.pubsub.service.Item;
import org.xcs.pubsub.service.ItemDraft;
import org.xcs.pubsub.service.ItemPage;
import org.xcs.pubsub.service.ItemQuery;
import org.xcs.pubsub.service.NodeConfigFields;
import org.xcs.pubsub.service.Payload;
import org.xcs.pubsub.service.PubSubService;
import org.xcs.pubsub.service.PublishOptions;
import org.xcs.pubsub.service.Subscription;
import org.xcs.pubsub.service.SubscriptionOptions;
import org.xmpp.packet.IQ;

/** {@code <pubsub xmlns='http://jabber.org/protocol/pubsub'/>}: the entity and publisher use cases (XEP-0060 §6-§7, §8.1). */
final class EntityHandler implements IqHandler {
    private static final List<String> COMPANIONS = List.of("configure", "options", "publish-options", "set");

    private final PubSubService service;
    private final Requests requests;
    private final NodeForms forms;

    EntityHandler(PubSubService service, Requests requests, NodeForms forms) {
        this.service = service;
        this.requests = requests;
        this.forms = forms;
    }

    @Override
    public IQ handle(IQ request) {
        Element pubsub = request.getChildElement();
        Element action = Requests.action(pubsub, COMPANIONS);
        boolean set = request.getType() == IQ.Type.set;
        return switch (action.getName()) {
            case "create" -> set ? create(request, action, pubsub.element("configure")) : unsupported();
            case "publish" -> set ? publish(request, action, pubsub.element("publish-options")) : unsupported();
            case "retract" -> set ? retract(request, action) : unsupported();
            case "subscribe" -> set ? subscribe(request, action, pubsub.element("options")) : unsupported();
            case "unsubscribe" -> set ? unsubscribe(request, action) : unsupported();
            case "options" -> set ? setOptions(request, action) : getOptions(request, action);
            case "items" -> set ? unsupported() : items(request, action, pubsub);
            case "subscriptions" -> set ? unsupported() : subscriptions(request, action);
            case "affiliations" -> set ? unsupported() : affiliations(request, action);
            case "default" -> set ? unsupported() : defaultOptions(request, action);
            default -> unsupported();
        };
    }

    private static IQ unsupported() {
        throw Requests.badRequest("unsupported pubsub request");
    }

    // §8.1.1-§8.1.3: named or instant (no node attribute), optionally with a node_config form.
    private IQ create(IQ request, Element create, Element configure) {
        Map<String, List<String>> config = null;
        if (configure != null) {
            config = SubmittedForm.findIn(configure, NodeConfigFields.FORM_TYPE)
                    .filter(f -> !f.isCancel()).map(NodeForms::values).orElse(null);
        }
        String requested = Requests.node(create);
        Map<String, List<String>> fields = config;
        String id = requests.effect(request, () -> service.createNode(Requests.actor(request), requested, fields));
        IQ reply = IQ.createResultIQ(request);
        if (requested == null) {
            // §8.1.2: the service MUST tell the owner the generated NodeID.
            reply.setChildElement("pubsub", PubSubNs.PUBSUB).addElement("create").addAttribute("node", id);
        }
        return reply;
    }

    // §7.1: one or more items (§12.10 batch), each with at most one payload; publish-options per §7.1.5.
    private IQ publish(IQ request, Element publish, Element publishOptions) {
        String node = Requests.requireNode(publish);
        List<ItemDraft> drafts = new ArrayList<>();
        Map<String, Element> parsed = new HashMap<>();
        for (Element item : publish.elements("item")) {
            drafts.add(new ItemDraft(emptyToNull(item.attributeValue("id")), payload(item, parsed)));
        }
        PublishOptions options = null;
        if (publishOptions != null) {
            options = SubmittedForm.findIn(publishOptions, PublishOptions.FORM_TYPE)
                    .filter(f -> !f.isCancel()).map(f -> new PublishOptions(NodeForms.values(f))).orElse(null);
        }
        PublishOptions opts = options;
        List<String> ids = requests.effect(request,
                () -> service.publish(Requests.actor(request), node, drafts, opts), parsed);
        IQ reply = Requests.result(request, PubSubNs.PUBSUB);
        // §7.1.2: the result names the node and the (possibly generated) item ids.
        Element p = reply.getChildElement().addElement("publish").addAttribute("node", node);
        ids.forEach(id -> p.addElement("item").addAttribute("id", id));
        return reply;
    }

    /** The item's payload; a single payload element is also kept in {@code parsed}, by its text, for rendering. */
    private static Payload payload(Element item, Map<String, Element> parsed) {
        List<Element> children = item.elements();
        if (children.isEmpty()) {
            return null;
        }
        StringBuilder xml = new StringBuilder();
        List<Element> copies = new ArrayList<>(children.size());
        for (Element c : children) {
            Element copy = c.createCopy();
            copies.add(copy);
            xml.append(copy.asXML());
        }
        String text = xml.toString();
        if (copies.size() == 1) {
            parsed.put(text, copies.get(0)); // exactly what the text says: it was written from this element
        }
        return new Payload(text, children.size(), children.get(0).getNamespaceURI());
    }

    // §7.2: notify="true"/"1" asks for retraction notifications.
    private IQ retract(IQ request, Element retract) {
        String node = Requests.requireNode(retract);
        boolean notify = "true".equals(retract.attributeValue("notify")) || "1".equals(retract.attributeValue("notify"));
        List<String> ids = new ArrayList<>();
        for (Element item : retract.elements("item")) {
            ids.add(item.attributeValue("id"));
        }
        requests.effect(request, () -> service.retract(Requests.actor(request), node, ids, notify));
        return IQ.createResultIQ(request);
    }

    // §6.1, §6.3.7 (subscribe and configure in one request).
    private IQ subscribe(IQ request, Element subscribe, Element options) {
        String node = Requests.requireNode(subscribe);
        String jid = Requests.jid(subscribe, "jid");
        Map<String, List<String>> fields = null;
        if (options != null) {
            fields = SubmittedForm.findIn(options, SubscriptionOptions.FORM_TYPE)
                    .filter(f -> !f.isCancel()).map(NodeForms::values).orElse(null);
        }
        Map<String, List<String>> opts = fields;
        Subscription s = requests.effect(request,
                () -> service.subscribe(Requests.actor(request), node, jid, opts));
        IQ reply = Requests.result(request, PubSubNs.PUBSUB);
        reply.getChildElement().add(subscriptionElement(s, true));
        return reply;
    }

    static Element subscriptionElement(Subscription s, boolean withNode) {
        Element e = org.dom4j.DocumentHelper.createElement(org.dom4j.QName.get("subscription", PubSubNs.PUBSUB));
        if (withNode) {
            e.addAttribute("node", s.node());
        }
        e.addAttribute("jid", s.jid());
        if (s.subid() != null) {
            e.addAttribute("subid", s.subid());
        }
        return e.addAttribute("subscription", s.state().wire());
    }

    // §6.2.
    private IQ unsubscribe(IQ request, Element unsubscribe) {
        String node = Requests.requireNode(unsubscribe);
        String jid = Requests.jid(unsubscribe, "jid");
        String subid = emptyToNull(unsubscribe.attributeValue("subid"));
        requests.effect(request, () -> service.unsubscribe(Requests.actor(request), node, jid, subid));
        return IQ.createResultIQ(request);
    }

    // §6.3.1-§6.3.2.
    private IQ getOptions(IQ request, Element options) {
        String node = Requests.requireNode(options);
        String jid = Requests.jid(options, "jid");
        String subid = emptyToNull(options.attributeValue("subid"));
        SubscriptionOptions current = Requests.call(
                () -> service.subscriptionOptions(Requests.actor(request), node, jid, subid));
        IQ reply = Requests.result(request, PubSubNs.PUBSUB);
        Element o = reply.getChildElement().addElement("options").addAttribute("node", node)
                .addAttribute("jid", jid == null ? request.getFrom().toBareJID() : jid);
        if (subid != null) {
            o.addAttribute("subid", subid);
        }
        o.add(forms.subscribeOptions(current, FormType.FORM).toElement());
        return reply;
    }

    // §6.3.5.
    private IQ setOptions(IQ request, Element options) {
        String node = Requests.requireNode(options);
        String jid = Requests.jid(options, "jid");
        String subid = emptyToNull(options.attributeValue("subid"));
        SubmittedForm form = SubmittedForm.findIn(options, SubscriptionOptions.FORM_TYPE)
                .orElseThrow(() -> Requests.badRequest("options without a data form"));
        if (!form.isCancel()) {
            requests.effect(request, () -> service.configureSubscription(Requests.actor(request), node, jid, subid,
                    NodeForms.values(form)));
        }
        return IQ.createResultIQ(request);
    }

    // §6.4: default subscription options (of a node, or of the service).
    private IQ defaultOptions(IQ request, Element def) {
        String node = Requests.node(def);
        SubscriptionOptions options = Requests.call(() -> service.defaultSubscriptionOptions(node));
        IQ reply = Requests.result(request, PubSubNs.PUBSUB);
        Element d = reply.getChildElement().addElement("default");
        if (node != null) {
            d.addAttribute("node", node);
        }
        d.add(forms.subscribeOptions(options, FormType.FORM).toElement());
        return reply;
    }

    // §6.5: all, max_items (§6.5.7), by id (§6.5.8), XEP-0059 paging (§6.5.4).
    private IQ items(IQ request, Element items, Element pubsub) {
        String node = Requests.requireNode(items);
        ItemQuery query;
        List<Element> ids = items.elements("item");
        ResultSetRequest rsm = ResultSetRequest.in(pubsub).orElse(null);
        if (!ids.isEmpty()) {
            query = ItemQuery.ids(ids.stream().map(e -> e.attributeValue("id")).toList());
        } else if (rsm != null) {
            int max = rsm.max() == null ? Integer.MAX_VALUE : rsm.max();
            query = ItemQuery.page(rsm.after(), rsm.before(), max);
        } else if (items.attributeValue("max_items") != null) {
            query = ItemQuery.latest(maxItems(items.attributeValue("max_items")));
        } else {
            query = ItemQuery.all();
        }
        ItemPage page = Requests.call(() -> service.items(Requests.actor(request), node, query));
        IQ reply = Requests.result(request, PubSubNs.PUBSUB);
        Element list = reply.getChildElement().addElement("items").addAttribute("node", node);
        for (Item item : page.items()) {
            list.add(EventRenderer.itemElement(PubSubNs.PUBSUB, item, false));
        }
        // §6.5.4: a list the service cut short (page cap, or what one stanza carries) says so with an XEP-0059 set.
        if (rsm != null || page.truncated()) {
            Element set = reply.getChildElement().addElement("set", Namespaces.RSM);
            if (!page.items().isEmpty()) {
                Element first = set.addElement("first").addText(page.firstId());
                if (page.firstIndex() != null) {
                    first.addAttribute("index", Long.toString(page.firstIndex())); // XEP-0059 §2.2
                }
                set.addElement("last").setText(page.lastId());
            }
            set.addElement("count").setText(Long.toString(page.count()));
        }
        return reply;
    }

    private static int maxItems(String value) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n < 0) {
                throw Requests.badRequest("max_items must not be negative");
            }
            return n;
        } catch (NumberFormatException e) {
            throw Requests.badRequest("max_items is not an integer");
        }
    }

    // §5.6.
    private IQ subscriptions(IQ request, Element subscriptions) {
        String node = Requests.node(subscriptions);
        List<Subscription> own = Requests.call(() -> service.ownSubscriptions(Requests.actor(request), node));
        IQ reply = Requests.result(request, PubSubNs.PUBSUB);
        Element list = reply.getChildElement().addElement("subscriptions");
        if (node != null) {
            list.addAttribute("node", node);
        }
        own.forEach(s -> list.add(subscriptionElement(s, true)));
        return reply;
    }

    // §5.7.
    private IQ affiliations(IQ request, Element affiliations) {
        String node = Requests.node(affiliations);
        List<AffiliationEntry> own = Requests.call(() -> service.ownAffiliations(Requests.actor(request), node));
        IQ reply = Requests.result(request, PubSubNs.PUBSUB);
        Element list = reply.getChildElement().addElement("affiliations");
        if (node != null) {
            list.addAttribute("node", node);
        }
        own.forEach(a -> list.addElement("affiliation").addAttribute("node", a.node())
                .addAttribute("affiliation", a.affiliation().wire()));
        return reply;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
