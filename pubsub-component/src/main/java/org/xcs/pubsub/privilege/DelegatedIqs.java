package org.xcs.pubsub.privilege;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.QName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xcs.common.error.ErrorReplies;
import org.xcs.common.error.XmppException;
import org.xcs.common.router.IqHandler;
import org.xcs.common.stanza.ClientNamespace;
import org.xcs.common.stanza.Namespaces;
import org.xcs.common.stanza.forward.Forwarded;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Packet;
import org.xmpp.packet.PacketError;

/**
 * XEP-0355 §5.2: a user's IQ to a bare JID of the host, forwarded by the host as
 * {@code <iq type=set from=HOST><delegation><forwarded><iq from=user/res ...>}. The inner IQ runs through the PEP
 * handler (on the owner's queue: {@link PepKeys}) and its reply goes back wrapped the same way, in the version
 * addressed, as {@code <iq xmlns="jabber:client">} with the inner id and {@code to} = the inner sender (Prosody
 * checks both and drops a reply in another namespace). Errors of the PEP handler become inner error IQs; the outer IQ
 * is always a result then. A malformed envelope gets bad-request on the outer IQ, one from another entity than the
 * host forbidden. Registered for both versions; the router guarantees the one outer reply.
 */
public final class DelegatedIqs implements IqHandler {
    private static final Logger log = LoggerFactory.getLogger(DelegatedIqs.class);
    private static final QName FORWARDED = QName.get("forwarded", Namespaces.FORWARD);

    private final String hostDomain;
    private final IqHandler pep;
    private final ReplyFirst replyFirst;

    DelegatedIqs(String hostDomain, IqHandler pep, ReplyFirst replyFirst) {
        this.hostDomain = Objects.requireNonNull(hostDomain);
        this.pep = Objects.requireNonNull(pep);
        this.replyFirst = Objects.requireNonNull(replyFirst);
    }

    @Override
    public IQ handle(IQ outer) {
        Element delegation = outer.getChildElement();
        int version = PrivilegeNs.version(delegation.getNamespaceURI(), PrivilegeNs.DELEGATION_PREFIX);
        JID host = outer.getFrom();
        if (host == null || host.getNode() != null || host.getResource() != null
                || !hostDomain.equals(host.getDomain())) {
            // XEP-0355 §8: only the managing server may delegate requests to us.
            throw new XmppException(PacketError.Condition.forbidden, PacketError.Type.auth,
                    "delegated requests are accepted from " + hostDomain + " only", null);
        }
        if (outer.getType() != IQ.Type.set || version == 0 || !"delegation".equals(delegation.getName())) {
            throw badRequest("a delegated request is an iq set with <delegation/>");
        }
        Element forwarded = delegation.element(FORWARDED);
        if (forwarded == null) {
            throw badRequest("<delegation/> carries no <forwarded/>");
        }
        Packet stanza = Forwarded.parse(forwarded).stanza();
        if (!(stanza instanceof IQ inner) || (inner.getType() != IQ.Type.get && inner.getType() != IQ.Type.set)
                || inner.getFrom() == null || inner.getID() == null) {
            throw badRequest("the forwarded stanza must be an iq get or set with from and id");
        }
        JID requester = inner.getFrom();
        JID originalTo = inner.getTo();
        if (originalTo == null) {
            // Prosody leaves 'to' out when users address their own bare JID (RFC 6120 §10.3.3 semantics).
            inner.setTo(requester.toBareJID());
        }
        List<Packet> notifications = new ArrayList<>();
        IQ innerReply = replyFirst.capture(() -> answer(inner), notifications);
        innerReply.setTo(requester);
        innerReply.setFrom(originalTo);
        IQ reply = IQ.createResultIQ(outer);
        Element wrapper = DocumentHelper.createElement(QName.get("delegation", delegation.getNamespaceURI()));
        wrapper.addElement(FORWARDED).add(ClientNamespace.copyIntoClient(innerReply.getElement()));
        reply.setChildElement(wrapper);
        replyFirst.holdUntilReply(reply, notifications);
        return reply;
    }

    /** The inner reply, whatever the PEP handler does (RFC 6120 §8.2.3, as the router does for outer IQs). */
    private IQ answer(IQ inner) {
        JID owner = inner.getTo();
        if (owner.getNode() == null || owner.getResource() != null || !hostDomain.equals(owner.getDomain())) {
            // A delegated namespace addressed to the server itself (XEP-0355 '::'): no such service here.
            return ErrorReplies.iqError(inner, PacketError.Condition.service_unavailable);
        }
        try {
            IQ reply = pep.handle(inner);
            if (reply == null) {
                return ErrorReplies.iqError(inner, new XmppException(
                        PacketError.Condition.feature_not_implemented, PacketError.Type.cancel));
            }
            if (!reply.isResponse() || !Objects.equals(reply.getID(), inner.getID())) {
                log.error("PEP handler returned a reply that does not answer {}: {}", inner.getID(), reply.toXML());
                return internalError(inner);
            }
            return reply;
        } catch (XmppException e) {
            return ErrorReplies.iqError(inner, e);
        } catch (RuntimeException e) {
            log.error("PEP handler failed on {} from {} to {}", inner.getID(), inner.getFrom(), owner, e);
            return internalError(inner);
        }
    }

    /** The owner (bare JID) whose queue a delegated request runs on; null when the envelope names none. */
    static String ownerOf(Element delegation) {
        Element forwarded = delegation.element(FORWARDED);
        Element inner = forwarded == null ? null : forwarded.element("iq");
        if (inner == null) {
            return null;
        }
        String to = inner.attributeValue("to", inner.attributeValue("from"));
        try {
            return to == null ? null : new JID(to).toBareJID();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static IQ internalError(IQ inner) {
        return ErrorReplies.iqError(inner,
                new XmppException(PacketError.Condition.internal_server_error, PacketError.Type.wait));
    }

    private static XmppException badRequest(String text) {
        return new XmppException(PacketError.Condition.bad_request, PacketError.Type.modify, text, null);
    }
}
