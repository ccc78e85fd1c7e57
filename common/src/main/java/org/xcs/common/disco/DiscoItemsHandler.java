package org.xcs.common.disco;

import org.dom4j.Element;
import org.xcs.common.error.XmppException;
import org.xcs.common.router.IqHandler;
import org.xcs.common.stanza.Namespaces;
import org.xcs.common.stanza.rsm.Page;
import org.xcs.common.stanza.rsm.PageSource;
import org.xcs.common.stanza.rsm.Pager;
import org.xcs.common.stanza.rsm.ResultSetRequest;
import org.xmpp.packet.IQ;
import org.xmpp.packet.PacketError;

import java.util.List;
import java.util.Optional;

/**
 * Answers disco#items gets. With a request {@code <set/>} the items are paged (XEP-0059); without one the whole
 * list is returned, since a requester that did not ask for RSM cannot follow a page (XEP-0059 §4).
 */
public final class DiscoItemsHandler implements IqHandler, DiscoFeature {
    private final DiscoRegistry registry;
    private final Pager pager;

    public DiscoItemsHandler(DiscoRegistry registry, Pager pager) {
        this.registry = registry;
        this.pager = pager;
    }

    @Override
    public void contributeTo(DiscoRegistry target) {
        target.addFeature(Namespaces.DISCO_ITEMS);
        target.addFeature(Namespaces.RSM); // XEP-0059 §4
    }

    @Override
    public IQ handle(IQ request) {
        if (request.getType() != IQ.Type.get) {
            throw new XmppException(PacketError.Condition.bad_request, "disco#items is only defined for get");
        }
        String node = nodeOf(request);
        PageSource<DiscoItem> items = registry.items(new DiscoQuery(request.getFrom(), request.getTo(), node))
                .orElseThrow(() -> new XmppException(PacketError.Condition.item_not_found));
        Optional<ResultSetRequest> rsm = Optional.ofNullable(request.getChildElement())
                .flatMap(ResultSetRequest::in);

        IQ reply = IQ.createResultIQ(request);
        Element query = reply.setChildElement("query", Namespaces.DISCO_ITEMS);
        if (node != null) {
            query.addAttribute("node", node); // XEP-0030 §4.2: mirror the node
        }
        if (rsm.isPresent()) {
            Page<DiscoItem> page = pager.page(items, rsm.get());
            page.items().forEach(i -> query.add(i.toElement()));
            page.appendTo(query);
        } else {
            List<DiscoItem> all = items.after(null, Integer.MAX_VALUE);
            all.forEach(i -> query.add(i.toElement()));
        }
        return reply;
    }

    static String nodeOf(IQ request) {
        Element query = request.getChildElement();
        String node = query == null ? null : query.attributeValue("node");
        return node == null || node.isEmpty() ? null : node;
    }
}
