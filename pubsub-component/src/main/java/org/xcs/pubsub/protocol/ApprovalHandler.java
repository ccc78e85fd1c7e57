package org.xcs.pubsub.protocol;

import java.util.List;

import org.dom4j.Element;
import org.xcs.common.component.PacketSender;
import org.xcs.common.router.MessageHandler;
import org.xcs.common.stanza.form.Form;
import org.xcs.common.stanza.form.SubmittedForm;
import org.xcs.pubsub.service.Outcome;
import org.xcs.pubsub.service.PubSubErrorMapping;
import org.xcs.pubsub.service.PubSubException;
import org.xcs.pubsub.service.PubSubService;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;

/**
 * XEP-0060 §8.6: an owner answers a subscribe_authorization form by message; the subscriber learns the outcome
 * (§8.6 "the service MUST notify the subscriber"). Other messages (e.g. bounced notifications) need no answer.
 */
final class ApprovalHandler implements MessageHandler {
    private final PubSubService service;
    private final EventRenderer events;
    private final PacketSender sender;

    ApprovalHandler(PubSubService service, EventRenderer events, PacketSender sender) {
        this.service = service;
        this.events = events;
        this.sender = sender;
    }

    @Override
    public void handle(Message message) {
        if (message.getType() == Message.Type.error) {
            return;
        }
        for (Element x : Form.elementsIn(message.getElement())) {
            SubmittedForm form;
            try {
                form = SubmittedForm.parse(x, PubSubNs.SUBSCRIBE_AUTHORIZATION);
            } catch (RuntimeException notASubmission) {
                continue;
            }
            if (form.isCancel() || !form.formType().map(PubSubNs.SUBSCRIBE_AUTHORIZATION::equals).orElse(false)) {
                continue;
            }
            String node = form.text("pubsub#node").orElseThrow(() -> Requests.badRequest("pubsub#node missing"));
            JID subscriber = form.jid("pubsub#subscriber_jid")
                    .orElseThrow(() -> Requests.badRequest("pubsub#subscriber_jid missing"));
            boolean allow = form.bool("pubsub#allow").orElse(false);
            String subid = form.text("pubsub#subid").orElse(null);
            Outcome<?> outcome;
            try {
                outcome = service.answerPending(message.getFrom().toString(), node, subscriber.toString(), subid,
                        allow);
            } catch (PubSubException e) {
                throw PubSubErrorMapping.toXmppException(e);
            }
            List<Message> out = events.render(outcome.notifications());
            sender.sendAll(out);
        }
    }
}
