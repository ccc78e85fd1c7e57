package org.xcs.pubsub.protocol;

import java.util.ArrayList;
import java.util.List;

import org.dom4j.Element;
import org.xcs.common.error.ErrorReplies;
import org.xcs.common.error.XmppException;
import org.xcs.common.router.IqHandler;
import org.xcs.common.stanza.form.FormType;
import org.xcs.common.stanza.form.SubmittedForm;
import org.xcs.pubsub.service.Affiliation;
import org.xcs.pubsub.service.AffiliationEntry;
import org.xcs.pubsub.service.NodeConfig;
import org.xcs.pubsub.service.NodeConfigFields;
import org.xcs.pubsub.service.NodeType;
import org.xcs.pubsub.service.PubSubService;
import org.xcs.pubsub.service.Subscription;
import org.xcs.pubsub.service.SubscriptionChange;
import org.xcs.pubsub.service.SubscriptionState;
import org.xmpp.packet.IQ;
import org.xmpp.packet.PacketError;

/** {@code <pubsub xmlns='http://jabber.org/protocol/pubsub#owner'/>}: the owner use cases (XEP-0060 §8, XEP-0248 §7). */
final class OwnerHandler implements IqHandler {
    private final PubSubService service;
    private final Requests requests;
    private final NodeForms forms;

    OwnerHandler(PubSubService service, Requests requests, NodeForms forms) {
        this.service = service;
        this.requests = requests;
        this.forms = forms;
    }

    @Override
    public IQ handle(IQ request) {
        Element action = Requests.action(request.getChildElement(), List.of());
        boolean set = request.getType() == IQ.Type.set;
        return switch (action.getName()) {
            case "configure" -> set ? configure(request, action) : configuration(request, action);
            case "default" -> set ? unsupported() : defaults(request, action);
            case "delete" -> set ? delete(request, action) : unsupported();
            case "purge" -> set ? purge(request, action) : unsupported();
            case "subscriptions" -> set ? modifySubscriptions(request, action) : subscriptions(request, action);
            case "affiliations" -> set ? modifyAffiliations(request, action) : affiliations(request, action);
            case "collection" -> set ? association(request, action) : unsupported();
            default -> unsupported();
        };
    }

    private static IQ unsupported() {
        throw Requests.badRequest("unsupported pubsub#owner request");
    }

    // §8.2.1-§8.2.2.
    private IQ configuration(IQ request, Element configure) {
        String node = Requests.requireNode(configure);
        NodeConfig config = Requests.call(() -> service.configuration(Requests.actor(request), node));
        IQ reply = Requests.result(request, PubSubNs.OWNER);
        reply.getChildElement().addElement("configure").addAttribute("node", node)
                .add(forms.nodeConfig(config, FormType.FORM).toElement());
        return reply;
    }

    // §8.2.3-§8.2.5: submit applies, cancel (§8.2.5.1) changes nothing.
    private IQ configure(IQ request, Element configure) {
        String node = Requests.requireNode(configure);
        SubmittedForm form = SubmittedForm.findIn(configure, NodeConfigFields.FORM_TYPE)
                .orElseThrow(() -> Requests.badRequest("configure without a data form"));
        if (form.isCancel()) {
            // §8.2.5.1: still only for the owner.
            Requests.call(() -> service.configuration(Requests.actor(request), node));
        } else {
            requests.effect(request, () -> service.configure(Requests.actor(request), node, NodeForms.values(form)));
        }
        return IQ.createResultIQ(request);
    }

    // §8.3; XEP-0248 §7.3: <default><x><field var='pubsub#node_type'><value>collection</value></field></x>.
    private IQ defaults(IQ request, Element def) {
        NodeType type = NodeType.LEAF;
        SubmittedForm asked = SubmittedForm.findIn(def, null).orElse(null);
        if (asked != null && asked.values(NodeConfigFields.NODE_TYPE).contains("collection")) {
            type = NodeType.COLLECTION;
        }
        NodeConfig config = service.defaultConfig(type);
        IQ reply = Requests.result(request, PubSubNs.OWNER);
        reply.getChildElement().addElement("default").add(forms.nodeConfig(config, FormType.FORM).toElement());
        return reply;
    }

    // §8.4 with an optional redirect (§8.4.1).
    private IQ delete(IQ request, Element delete) {
        String node = Requests.requireNode(delete);
        Element redirect = delete.element("redirect");
        String uri = redirect == null ? null : redirect.attributeValue("uri");
        requests.effect(request, () -> service.deleteNode(Requests.actor(request), node, uri));
        return IQ.createResultIQ(request);
    }

    // §8.5.
    private IQ purge(IQ request, Element purge) {
        String node = Requests.requireNode(purge);
        requests.effect(request, () -> service.purge(Requests.actor(request), node));
        return IQ.createResultIQ(request);
    }

    // §8.8.1.
    private IQ subscriptions(IQ request, Element subscriptions) {
        String node = Requests.requireNode(subscriptions);
        List<Subscription> all = Requests.call(() -> service.subscriptions(Requests.actor(request), node));
        IQ reply = Requests.result(request, PubSubNs.OWNER);
        Element list = reply.getChildElement().addElement("subscriptions").addAttribute("node", node);
        for (Subscription s : all) {
            Element e = list.addElement("subscription").addAttribute("jid", s.jid());
            if (s.subid() != null) {
                e.addAttribute("subid", s.subid());
            }
            e.addAttribute("subscription", s.state().wire());
        }
        return reply;
    }

    // §8.8.2; §8.8.2.4: refused entries are listed back in a not-acceptable error, the others stand.
    private IQ modifySubscriptions(IQ request, Element subscriptions) {
        String node = Requests.requireNode(subscriptions);
        List<SubscriptionChange> changes = new ArrayList<>();
        for (Element e : subscriptions.elements("subscription")) {
            SubscriptionState state = SubscriptionState.fromWire(e.attributeValue("subscription"));
            String jid = Requests.jid(e, "jid");
            if (state == null || jid == null) {
                throw Requests.badRequest("subscription needs a jid and a known state");
            }
            changes.add(new SubscriptionChange(jid, emptyToNull(e.attributeValue("subid")), state));
        }
        List<SubscriptionChange> refused = requests.effect(request,
                () -> service.modifySubscriptions(Requests.actor(request), node, changes));
        if (!refused.isEmpty()) {
            // §8.8.2.4: the error lists each refused entry with its existing, unaltered subscription state.
            IQ error = refusal(request, "subscriptions", node, "refused: "
                    + refused.stream().map(SubscriptionChange::jid).toList());
            for (SubscriptionChange r : refused) {
                Element e = error.getChildElement().element("subscriptions").addElement("subscription")
                        .addAttribute("jid", r.jid());
                if (r.subid() != null) {
                    e.addAttribute("subid", r.subid());
                }
                e.addAttribute("subscription", r.state().wire());
            }
            return error;
        }
        return IQ.createResultIQ(request);
    }

    // §8.9.1.
    private IQ affiliations(IQ request, Element affiliations) {
        String node = Requests.requireNode(affiliations);
        List<AffiliationEntry> all = Requests.call(() -> service.affiliations(Requests.actor(request), node));
        IQ reply = Requests.result(request, PubSubNs.OWNER);
        Element list = reply.getChildElement().addElement("affiliations").addAttribute("node", node);
        all.forEach(a -> list.addElement("affiliation").addAttribute("jid", a.jid())
                .addAttribute("affiliation", a.affiliation().wire()));
        return reply;
    }

    // §8.9.2; §8.9.2.4 as for subscriptions.
    private IQ modifyAffiliations(IQ request, Element affiliations) {
        String node = Requests.requireNode(affiliations);
        List<AffiliationEntry> changes = new ArrayList<>();
        for (Element e : affiliations.elements("affiliation")) {
            Affiliation a = Affiliation.fromWire(e.attributeValue("affiliation"));
            String jid = Requests.jid(e, "jid");
            if (a == null || jid == null) {
                throw Requests.badRequest("affiliation needs a jid and a known affiliation");
            }
            changes.add(new AffiliationEntry(node, jid, a));
        }
        List<AffiliationEntry> refused = requests.effect(request,
                () -> service.modifyAffiliations(Requests.actor(request), node, changes));
        if (!refused.isEmpty()) {
            // §8.9.2.4: the error lists each refused entry with its existing, unaltered affiliation.
            IQ error = refusal(request, "affiliations", node, "refused: "
                    + refused.stream().map(AffiliationEntry::jid).toList());
            refused.forEach(r -> error.getChildElement().element("affiliations").addElement("affiliation")
                    .addAttribute("jid", r.jid()).addAttribute("affiliation", r.affiliation().wire()));
            return error;
        }
        return IQ.createResultIQ(request);
    }

    // XEP-0248 §7.4-§7.5: <collection node='c'><associate|dissociate node='child'/></collection>.
    private IQ association(IQ request, Element collection) {
        String parent = Requests.requireNode(collection);
        Element associate = collection.element("associate");
        Element dissociate = collection.element("dissociate");
        Element which = associate != null ? associate : dissociate;
        if (which == null) {
            throw Requests.badRequest("collection without associate or dissociate");
        }
        String child = Requests.requireNode(which);
        String actor = Requests.actor(request);
        requests.effect(request, () -> associate != null ? service.associate(actor, parent, child)
                : service.dissociate(actor, parent, child));
        return IQ.createResultIQ(request);
    }

    /**
     * A not-acceptable error whose payload is {@code <list node=.../>} to be filled with the refused entries, in place
     * of the request's own payload (the owner must see what stands, not what it asked for).
     */
    private static IQ refusal(IQ request, String list, String node, String text) {
        IQ error = IQ.createResultIQ(request);
        error.setType(IQ.Type.error);
        error.setChildElement("pubsub", PubSubNs.OWNER).addElement(list).addAttribute("node", node);
        error.getElement().add(ErrorReplies.errorElement(new XmppException(PacketError.Condition.not_acceptable,
                PacketError.Type.modify, text, null)));
        return error;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
