package org.xcs.pubsub.protocol;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.xcs.common.stanza.delay.Delay;
import org.xcs.common.stanza.sid.IdGenerator;
import org.xcs.common.stanza.wire.FanoutMessage;
import org.xcs.common.stanza.wire.SharedContent;
import org.xcs.pubsub.service.Event;
import org.xcs.pubsub.service.Item;
import org.xcs.pubsub.service.Notification;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;

/** Turns the core's notifications into event messages (XEP-0060 §7-§8, §12.11; XEP-0248 §5). */
final class EventRenderer {
    /** Bound of {@link #recipients}; emptied when full. */
    private static final int MAX_RECIPIENTS = 65_536;

    private final JID service;
    private final NodeForms forms;
    private final IdGenerator ids;
    /**
     * Recipients' JIDs, parsed once: Tinder's {@code setTo(String)} parses and stringpreps the address again for every
     * message, and the same subscribers are notified publish after publish. JIDs are immutable; the node queues
     * render concurrently.
     */
    private final Map<String, JID> recipients = new ConcurrentHashMap<>();

    EventRenderer(JID service, NodeForms forms, IdGenerator ids) {
        this.service = service;
        this.forms = forms;
        this.ids = ids;
    }

    List<Message> render(List<Notification> notifications) {
        return render(notifications, Map.of());
    }

    /**
     * {@code parsed}: payloads the request carried, by their serialised form (as the core saw them), so a publish
     * is not parsed back from the text it was serialised to a moment ago.
     */
    List<Message> render(List<Notification> notifications, Map<String, Element> parsed) {
        // One event often goes to thousands of subscribers: build and render its element once per call, copy it
        // per message, and let the transport write the text rendered once (FanoutMessage).
        Map<Event, SharedContent> built = new IdentityHashMap<>();
        // One id per event, as a room gives one to all reflections of a message: the messages of one event then
        // differ only in 'to', and a host's multicast service (XEP-0033) takes them as one stanza.
        Map<Event, String> eventIds = new IdentityHashMap<>();
        List<Message> out = new ArrayList<>(notifications.size());
        for (Notification n : notifications) {
            out.add(message(n, built.computeIfAbsent(n.event(), e -> SharedContent.of(content(e, parsed))),
                    eventIds.computeIfAbsent(n.event(), e -> ids.next())));
        }
        return out;
    }

    private Message message(Notification n, SharedContent content, String id) {
        Message m = new FanoutMessage(content);
        m.setFrom(service);
        m.setTo(recipient(n.recipient()));
        m.setID(id);
        m.setType(n.type() == org.xcs.pubsub.service.NotificationType.NORMAL ? Message.Type.normal
                : Message.Type.headline);
        if (!(n.event() instanceof Event.ApprovalRequest)) {
            addHeaders(m, n);
        }
        if (n.delay() != null) {
            // XEP-0060 §6.1.7, XEP-0203: a last published item re-sent later carries its publication time.
            new Delay(service, n.delay()).applyTo(m);
        }
        return m;
    }

    private JID recipient(String jid) {
        JID parsed = recipients.get(jid);
        if (parsed == null) {
            parsed = new JID(jid);
            if (recipients.size() >= MAX_RECIPIENTS) {
                recipients.clear();
            }
            recipients.put(jid, parsed);
        }
        return parsed;
    }

    // XEP-0060 §7.1.2.4 (SubID for an entity with several subscriptions), XEP-0248 §5.1 (Collection).
    private static void addHeaders(Message m, Notification n) {
        boolean subids = n.subids().size() > 1;
        if (!subids && n.collection() == null) {
            return;
        }
        Element headers = m.getElement().addElement("headers", PubSubNs.SHIM);
        if (subids) {
            n.subids().forEach(id -> headers.addElement("header").addAttribute("name", "SubID").setText(id));
        }
        if (n.collection() != null) {
            headers.addElement("header").addAttribute("name", "Collection").setText(n.collection());
        }
    }

    private Element content(Event event, Map<String, Element> parsed) {
        if (event instanceof Event.ApprovalRequest a) {
            // §8.6: not an event but a form the owner answers.
            return forms.approvalRequest(a.node(), a.subscriber(), a.subid()).toElement();
        }
        Element e = DocumentHelper.createElement(org.dom4j.QName.get("event", PubSubNs.EVENT));
        if (event instanceof Event.Items items) {
            Element list = e.addElement("items").addAttribute("node", items.node());
            for (Item item : items.items()) {
                list.add(itemElement(PubSubNs.EVENT, item, true, parsed));
            }
        } else if (event instanceof Event.Retracts r) {
            Element list = e.addElement("items").addAttribute("node", r.node());
            r.itemIds().forEach(id -> list.addElement("retract").addAttribute("id", id));
        } else if (event instanceof Event.Purge p) {
            e.addElement("purge").addAttribute("node", p.node());
        } else if (event instanceof Event.Delete d) {
            Element delete = e.addElement("delete").addAttribute("node", d.node());
            if (d.redirect() != null) {
                delete.addElement("redirect").addAttribute("uri", d.redirect());
            }
        } else if (event instanceof Event.Configuration c) {
            Element conf = e.addElement("configuration").addAttribute("node", c.node());
            if (c.fields() != null) {
                conf.add(forms.configurationResult(c.fields()).toElement());
            }
        } else if (event instanceof Event.SubscriptionChanged s) {
            Element sub = e.addElement("subscription").addAttribute("node", s.node()).addAttribute("jid", s.jid())
                    .addAttribute("subscription", s.state().wire());
            if (s.subid() != null) {
                sub.addAttribute("subid", s.subid());
            }
        } else if (event instanceof Event.Created c) {
            e.addElement("create").addAttribute("node", c.node());
        } else if (event instanceof Event.Association a) {
            e.addElement("collection").addAttribute("node", a.node())
                    .addElement(a.associated() ? "associate" : "dissociate").addAttribute("node", a.child());
        }
        return e;
    }

    /** An {@code <item/>} with its payload parsed back from the stored text (in the namespace of its parent). */
    static Element itemElement(String namespace, Item item, boolean withPublisher) {
        return itemElement(namespace, item, withPublisher, Map.of());
    }

    private static Element itemElement(String namespace, Item item, boolean withPublisher,
                                       Map<String, Element> parsed) {
        Element e = DocumentHelper.createElement(org.dom4j.QName.get("item", namespace)).addAttribute("id", item.id());
        if (withPublisher && item.publisher() != null) {
            e.addAttribute("publisher", item.publisher());
        }
        if (item.payload() != null && !item.payload().isEmpty()) {
            Element known = parsed.get(item.payload());
            e.add(known != null ? known.createCopy() : StoredPayloads.parse(item.payload()));
        }
        return e;
    }
}
