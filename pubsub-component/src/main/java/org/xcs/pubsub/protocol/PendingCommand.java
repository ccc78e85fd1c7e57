package org.xcs.pubsub.protocol;

import java.util.List;

import org.dom4j.Element;
import org.xcs.common.error.XmppException;
import org.xcs.common.router.IqHandler;
import org.xcs.common.stanza.form.Field;
import org.xcs.common.stanza.form.FieldType;
import org.xcs.common.stanza.form.Form;
import org.xcs.common.stanza.form.FormType;
import org.xcs.common.stanza.form.SubmittedForm;
import org.xcs.common.stanza.sid.IdGenerator;
import org.xcs.pubsub.service.Event;
import org.xcs.pubsub.service.Notification;
import org.xcs.pubsub.service.NotificationType;
import org.xcs.pubsub.service.PubSubService;
import org.xcs.pubsub.service.Subscription;
import org.xmpp.packet.IQ;
import org.xmpp.packet.PacketError;

/**
 * XEP-0060 §8.7 via XEP-0050: {@code execute} answers a form listing the owner's nodes with pending subscriptions;
 * submitting a node completes the command and re-sends one approval form (§8.6) per pending subscription. Stateless:
 * the session id only echoes (XEP-0050 §3.4 lets the responder choose).
 */
final class PendingCommand implements IqHandler {
    private final PubSubService service;
    private final Requests requests;
    private final EventRenderer events;
    private final IdGenerator ids;

    PendingCommand(PubSubService service, Requests requests, EventRenderer events, IdGenerator ids) {
        this.service = service;
        this.requests = requests;
        this.events = events;
        this.ids = ids;
    }

    @Override
    public IQ handle(IQ request) {
        Element command = request.getChildElement();
        if (!PubSubNs.GET_PENDING.equals(command.attributeValue("node"))) {
            throw new XmppException(PacketError.Condition.item_not_found, PacketError.Type.cancel,
                    "unknown command", null);
        }
        String action = command.attributeValue("action", "execute");
        String session = command.attributeValue("sessionid");
        SubmittedForm form = "cancel".equals(action) ? null : SubmittedForm.findIn(command, null).orElse(null);
        if ("cancel".equals(action)) {
            return reply(request, session, "canceled");
        }
        String actor = Requests.actor(request);
        if (form == null || form.isCancel()) {
            // §8.7.1: the nodes with pending subscriptions this owner manages.
            List<String> nodes = Requests.call(() -> service.nodesWithPending(actor));
            if (nodes.isEmpty()) {
                throw new XmppException(PacketError.Condition.item_not_found, PacketError.Type.cancel,
                        "no pending subscriptions", null);
            }
            IQ reply = reply(request, session == null ? ids.next() : session, "executing");
            Field.Builder node = Field.builder("pubsub#node", FieldType.LIST_SINGLE).label("Node ID");
            nodes.forEach(node::option);
            reply.getChildElement().addElement("actions").addAttribute("execute", "complete")
                    .addElement("complete");
            reply.getChildElement().add(Form.builder(FormType.FORM).formType(PubSubNs.SUBSCRIBE_AUTHORIZATION)
                    .field(node.build()).build().toElement());
            return reply;
        }
        // §8.7.2: one approval form per pending subscription of the chosen node.
        String node = form.text("pubsub#node").orElseThrow(() -> Requests.badRequest("pubsub#node missing"));
        List<Subscription> pending = Requests.call(() -> service.pending(actor, node));
        List<Notification> forms = pending.stream().map(s -> new Notification(request.getFrom().toString(),
                List.of(), null, NotificationType.NORMAL, new Event.ApprovalRequest(node, s.jid(), s.subid()),
                null)).toList();
        requests.sendAfter(request, events.render(forms));
        return reply(request, session, "completed");
    }

    private static IQ reply(IQ request, String session, String status) {
        IQ reply = IQ.createResultIQ(request);
        Element c = reply.setChildElement("command", PubSubNs.COMMANDS);
        c.addAttribute("node", PubSubNs.GET_PENDING).addAttribute("status", status);
        if (session != null) {
            c.addAttribute("sessionid", session);
        }
        return reply;
    }
}
