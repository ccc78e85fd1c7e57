package org.xcs.common.disco;

import org.dom4j.Element;
import org.junit.jupiter.api.Test;
import org.xcs.common.error.XmppException;
import org.xcs.common.stanza.rsm.NavigableMapSource;
import org.xcs.common.stanza.rsm.PageSource;
import org.xcs.common.stanza.rsm.Pager;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiscoItemsHandlerTest {
    static final JID SERVICE = new JID("muc.example.test");
    private final DiscoRegistry registry = new DiscoRegistry(SERVICE)
            .addIdentity(new Identity("conference", "text", "Chatrooms"));
    private final DiscoItemsHandler handler = new DiscoItemsHandler(registry, new Pager(2), 3);

    static IQ itemsGet(JID to, String node, String set) throws Exception {
        IQ iq = new IQ(IQ.Type.get, "items1");
        iq.setFrom(new JID("alice@example.test/phone"));
        iq.setTo(to);
        Element q = iq.setChildElement("query", "http://jabber.org/protocol/disco#items");
        if (node != null) {
            q.addAttribute("node", node);
        }
        if (set != null) {
            q.add(org.dom4j.DocumentHelper.parseText(set).getRootElement());
        }
        return iq;
    }

    private void roomsListed(String... locals) {
        ConcurrentSkipListMap<String, String> rooms = new ConcurrentSkipListMap<>();
        for (String l : locals) {
            rooms.put(l + "@muc.example.test", l.toUpperCase());
        }
        NavigableMapSource<String, String> source = NavigableMapSource.of(rooms);
        registry.addItemsProvider(q -> registry.isService(q.target()) && q.node() == null
                ? Optional.of(new MappedSource(source)) : Optional.empty());
    }

    /** Rooms keyed by JID, shown as items named after the room. */
    private record MappedSource(NavigableMapSource<String, String> rooms) implements PageSource<DiscoItem> {
        public long count() { return rooms.count(); }
        public boolean contains(String id) { return rooms.contains(id); }
        public long indexOf(String id) { return rooms.indexOf(id); }
        public List<DiscoItem> after(String id, int limit) { return map(rooms.after(id, limit)); }
        public List<DiscoItem> before(String id, int limit) { return map(rooms.before(id, limit)); }
        public List<DiscoItem> fromIndex(long index, int limit) { return map(rooms.fromIndex(index, limit)); }
        public String idOf(DiscoItem item) { return item.rsmId(); }
        private static List<DiscoItem> map(List<Map.Entry<String, String>> page) {
            return page.stream().map(e -> new DiscoItem(new JID(e.getKey()), e.getValue())).toList();
        }
    }

    @Test
    void withoutItemsTheServiceAnswersAnEmptyQueryNotAnError() throws Exception {
        assertEquals("<iq type=\"result\" id=\"items1\" from=\"muc.example.test\" to=\"alice@example.test/phone\">"
                + "<query xmlns=\"http://jabber.org/protocol/disco#items\"/></iq>",
                handler.handle(itemsGet(SERVICE, null, null)).toXML());
    }

    @Test
    void withoutASetAllItemsAreListedEvenBeyondThePageCap() throws Exception {
        roomsListed("a", "b", "c");
        IQ reply = handler.handle(itemsGet(SERVICE, null, null));
        assertNull(reply.getChildElement().element("set"));
        assertEquals("<iq type=\"result\" id=\"items1\" from=\"muc.example.test\" to=\"alice@example.test/phone\">"
                + "<query xmlns=\"http://jabber.org/protocol/disco#items\">"
                + "<item jid=\"a@muc.example.test\" name=\"A\"/><item jid=\"b@muc.example.test\" name=\"B\"/>"
                + "<item jid=\"c@muc.example.test\" name=\"C\"/></query></iq>", reply.toXML());
    }

    // XEP-0045 §6.3: a large list may be partial, with a result set saying it is.
    @Test
    void withoutASetAListLongerThanTheUnrequestedLimitIsCutThereAndSaysSoInAResultSet() throws Exception {
        roomsListed("a", "b", "c", "d", "e");
        Element query = handler.handle(itemsGet(SERVICE, null, null)).getChildElement();
        assertEquals(List.of("a@muc.example.test", "b@muc.example.test", "c@muc.example.test"),
                query.elements("item").stream().map(i -> i.attributeValue("jid")).toList());
        Element set = query.element("set");
        assertEquals("http://jabber.org/protocol/rsm", set.getNamespaceURI());
        assertEquals("a@muc.example.test", set.elementText("first"));
        assertEquals("0", set.element("first").attributeValue("index"));
        assertEquals("c@muc.example.test", set.elementText("last"));
        assertEquals("5", set.elementText("count"));
        // The requester can go on from there with a request <set/> (XEP-0059 §2.2).
        Element next = handler.handle(itemsGet(SERVICE, null,
                "<set xmlns='http://jabber.org/protocol/rsm'><after>c@muc.example.test</after></set>"))
                .getChildElement();
        assertEquals(List.of("d@muc.example.test", "e@muc.example.test"),
                next.elements("item").stream().map(i -> i.attributeValue("jid")).toList());
    }

    @Test
    void withASetItemsArePagedAndTheResultSetDescribesThePage() throws Exception {
        roomsListed("a", "b", "c");
        Element query = handler.handle(itemsGet(SERVICE, null,
                "<set xmlns='http://jabber.org/protocol/rsm'><max>10</max><after>a@muc.example.test</after></set>"))
                .getChildElement();
        assertEquals(List.of("b@muc.example.test", "c@muc.example.test"),
                query.elements("item").stream().map(i -> i.attributeValue("jid")).toList());
        Element set = query.element("set");
        assertEquals("http://jabber.org/protocol/rsm", set.getNamespaceURI());
        assertEquals("b@muc.example.test", set.elementText("first"));
        assertEquals("1", set.element("first").attributeValue("index"));
        assertEquals("c@muc.example.test", set.elementText("last"));
        assertEquals("3", set.elementText("count"));
    }

    @Test
    void pagingAfterAnUnknownItemIsItemNotFound() throws Exception {
        roomsListed("a");
        IQ request = itemsGet(SERVICE, null,
                "<set xmlns='http://jabber.org/protocol/rsm'><after>gone@muc.example.test</after></set>");
        assertEquals(PacketError.Condition.item_not_found,
                assertThrows(XmppException.class, () -> handler.handle(request)).condition());
    }

    @Test
    void nodeItemsCarryTheirNodeAndTheRequestNodeIsEchoed() throws Exception {
        registry.addItemsProvider(q -> "princely_musings".equals(q.node())
                ? Optional.of(PageSource.ofList(List.of(new DiscoItem(SERVICE, "368866411b877c30064a5f62b917cffe", null)),
                        DiscoItem::rsmId))
                : Optional.empty());
        IQ reply = handler.handle(itemsGet(SERVICE, "princely_musings", null));
        assertTrue(reply.toXML().contains("<query xmlns=\"http://jabber.org/protocol/disco#items\" "
                + "node=\"princely_musings\"><item jid=\"muc.example.test\" node=\"368866411b877c30064a5f62b917cffe\"/>"
                + "</query>"), reply.toXML());
    }

    @Test
    void aKnownEntityWithoutItemsProviderHasNoItemsAndAnUnknownOneIsItemNotFound() throws Exception {
        JID room = new JID("room@muc.example.test");
        registry.addInfoProvider(q -> q.target().equals(room)
                ? Optional.of(DiscoInfo.builder().identity("conference", "text", "Room").build()) : Optional.empty());
        assertTrue(handler.handle(itemsGet(room, null, null)).getChildElement().elements().isEmpty());
        IQ unknown = itemsGet(new JID("nosuch@muc.example.test"), null, null);
        assertEquals(PacketError.Condition.item_not_found,
                assertThrows(XmppException.class, () -> handler.handle(unknown)).condition());
    }

    @Test
    void theItemsHandlerAnnouncesDiscoItemsAndRsm() {
        registry.add(handler);
        DiscoInfo info = registry.info(new DiscoQuery(null, SERVICE, null)).orElseThrow();
        assertTrue(info.hasFeature("http://jabber.org/protocol/disco#items"));
        assertTrue(info.hasFeature("http://jabber.org/protocol/rsm"));
    }

    @Test
    void anEmptyNodeIsAnInvalidItem() {
        assertThrows(IllegalArgumentException.class, () -> new DiscoItem(SERVICE, "", null));
    }

    @Test
    void itemIdsStayUniqueAcrossNodesOfOneJid() {
        TreeMap<String, DiscoItem> byId = new TreeMap<>();
        for (DiscoItem i : List.of(new DiscoItem(SERVICE, "a", null), new DiscoItem(SERVICE, "b", null),
                new DiscoItem(SERVICE, null, null))) {
            byId.put(i.rsmId(), i);
        }
        assertEquals(3, byId.size());
    }
}
