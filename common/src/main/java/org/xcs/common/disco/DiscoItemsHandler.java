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
 * Answers disco#items gets. With a request {@code <set/>} the items are paged (XEP-0059). Without one the whole list
 * is returned up to {@code unrequestedLimit} items; a longer list is cut there and the reply carries a result set
 * (first, last, count) saying so, as XEP-0045 §6.3 describes for large room lists. Unbounded, 100,000 public rooms
 * made one reply of several MiB: Prosody closes a component stream whose stanza exceeds 512 KiB
 * (component_stanza_size_limit), so one disco#items request would have cut the whole component off its host.
 */
public final class DiscoItemsHandler implements IqHandler, DiscoFeature {
    private final DiscoRegistry registry;
    private final Pager pager;
    private final int unrequestedLimit;

    public DiscoItemsHandler(DiscoRegistry registry, Pager pager, int unrequestedLimit) {
        if (unrequestedLimit < 1) {
            throw new IllegalArgumentException("unrequestedLimit must be positive");
        }
        this.registry = registry;
        this.pager = pager;
        this.unrequestedLimit = unrequestedLimit;
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
            List<DiscoItem> listed = items.after(null, unrequestedLimit + 1);
            if (listed.size() <= unrequestedLimit) {
                listed.forEach(i -> query.add(i.toElement()));
            } else {
                List<DiscoItem> partial = listed.subList(0, unrequestedLimit); // XEP-0045 §6.3: a partial list
                partial.forEach(i -> query.add(i.toElement()));
                new Page<>(partial, items.idOf(partial.get(0)), 0, items.idOf(partial.get(unrequestedLimit - 1)),
                        items.count()).appendTo(query);
            }
        }
        return reply;
    }

    static String nodeOf(IQ request) {
        Element query = request.getChildElement();
        String node = query == null ? null : query.attributeValue("node");
        return node == null || node.isEmpty() ? null : node;
    }
}
