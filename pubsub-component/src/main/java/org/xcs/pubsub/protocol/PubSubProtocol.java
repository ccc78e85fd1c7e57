package org.xcs.pubsub.protocol;

import java.util.Set;
import java.util.function.Function;

import org.xcs.common.component.PacketSender;
import org.xcs.common.launch.ServiceCore;
import org.xcs.common.stanza.sid.IdGenerator;
import org.xcs.common.stanza.sid.RandomIdGenerator;
import org.xcs.pubsub.service.AccessModel;
import org.xcs.pubsub.service.PubSubService;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Packet;

/**
 * Puts the service on the wire. Build it over the component's real sender, give the router {@link #sender()} and
 * {@link #routingKey()}, then {@link #install} the handlers.
 */
public final class PubSubProtocol {
    private final AfterReply after;
    private final IdGenerator ids = new RandomIdGenerator();

    public PubSubProtocol(PacketSender out) {
        this.after = new AfterReply(out);
    }

    /** The sender the router must use, so notifications follow their IQ reply. */
    public PacketSender sender() {
        return after;
    }

    /** Where the PEP handlers hold their notifications until the (delegated) reply has gone out. */
    public ReplyOrder replyOrder() {
        return after;
    }

    /** The router's entity key: the node a stanza addresses, or the shared service/tree key. */
    public Function<Packet, String> routingKey() {
        return new NodeKeys();
    }

    public void install(ServiceCore core, PubSubService service, Set<AccessModel> accessModels) {
        NodeForms forms = new NodeForms(accessModels);
        EventRenderer events = new EventRenderer(core.disco().service(), forms, ids);
        Requests requests = new Requests(after, after, events);
        EntityHandler entity = new EntityHandler(service, requests, forms);
        OwnerHandler owner = new OwnerHandler(service, requests, forms);
        PendingCommand pending = new PendingCommand(service, requests, events, ids);
        core.router()
                .onIq(IQ.Type.get, PubSubNs.PUBSUB, "pubsub", entity)
                .onIq(IQ.Type.set, PubSubNs.PUBSUB, "pubsub", entity)
                .onIq(IQ.Type.get, PubSubNs.OWNER, "pubsub", owner)
                .onIq(IQ.Type.set, PubSubNs.OWNER, "pubsub", owner)
                .onIq(IQ.Type.set, PubSubNs.COMMANDS, "command", pending)
                .onMessage(new ApprovalHandler(service, events, after))
                .onPresence(new LastItemOnPresence(service, events, after));
        new PubSubDisco(service, forms).register(core.disco());
    }
}
