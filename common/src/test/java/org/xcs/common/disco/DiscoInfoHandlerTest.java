package org.xcs.common.disco;

import org.dom4j.Element;
import org.junit.jupiter.api.Test;
import org.xcs.common.error.XmppException;
import org.xcs.common.stanza.form.Field;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DiscoInfoHandlerTest {
    static final JID SERVICE = new JID("muc.example.test");
    static final JID ALICE = new JID("alice@example.test/phone");
    static final String ROOMINFO = "http://jabber.org/protocol/muc#roominfo";

    private final DiscoRegistry registry = new DiscoRegistry(SERVICE)
            .addIdentity(new Identity("conference", "text", "Chatrooms"))
            .addFeature("http://jabber.org/protocol/muc");
    private final DiscoInfoHandler handler = new DiscoInfoHandler(registry);

    static IQ infoGet(JID to, String node) {
        IQ iq = new IQ(IQ.Type.get, "info1");
        iq.setFrom(ALICE);
        iq.setTo(to);
        Element q = iq.setChildElement("query", "http://jabber.org/protocol/disco#info");
        if (node != null) {
            q.addAttribute("node", node);
        }
        return iq;
    }

    static List<String> features(IQ reply) {
        return reply.getChildElement().elements("feature").stream().map(f -> f.attributeValue("var")).toList();
    }

    @Test
    void theServiceAnswersWithItsIdentityAndFeaturesAlwaysIncludingDiscoInfo() {
        IQ reply = handler.handle(infoGet(SERVICE, null));
        assertEquals("<iq type=\"result\" id=\"info1\" from=\"muc.example.test\" to=\"alice@example.test/phone\">"
                + "<query xmlns=\"http://jabber.org/protocol/disco#info\">"
                + "<identity category=\"conference\" type=\"text\" name=\"Chatrooms\"/>"
                + "<feature var=\"http://jabber.org/protocol/disco#info\"/>"
                + "<feature var=\"http://jabber.org/protocol/muc\"/></query></iq>", reply.toXML());
    }

    @Test
    void aFeatureAddedTwiceIsListedOnce() {
        registry.addFeature("http://jabber.org/protocol/muc").addFeature("http://jabber.org/protocol/disco#info");
        assertEquals(List.of("http://jabber.org/protocol/disco#info", "http://jabber.org/protocol/muc"),
                features(handler.handle(infoGet(SERVICE, null))));
    }

    @Test
    void fieldsContributedToOneFormTypeAreMergedIntoOneForm() {
        registry.addExtendedInfo(ROOMINFO, Field.textSingle("muc#roominfo_description", "Rooms"));
        registry.addExtendedInfo("urn:xmpp:other", Field.textSingle("o", "1"));
        registry.addInfoContributor((q, info) -> info.extend(ROOMINFO, Field.textSingle("muc#roominfo_occupants", "3")));

        List<Element> forms = handler.handle(infoGet(SERVICE, null)).getChildElement().elements("x");
        assertEquals(2, forms.size());
        assertEquals(List.of("FORM_TYPE", "muc#roominfo_description", "muc#roominfo_occupants"),
                forms.get(0).elements("field").stream().map(f -> f.attributeValue("var")).toList());
        assertEquals("result", forms.get(0).attributeValue("type"));
        assertEquals(ROOMINFO, forms.get(0).element("field").elementText("value"));
    }

    @Test
    void identitiesMayCarryXmlLang() {
        registry.addIdentity(new Identity("conference", "text", "Salons", "fr"));
        String xml = handler.handle(infoGet(SERVICE, null)).toXML();
        assertEquals(true, xml.contains("<identity category=\"conference\" type=\"text\" name=\"Salons\" xml:lang=\"fr\"/>"),
                xml);
    }

    @Test
    void twoNamesForOneIdentityAreRejectedWhenWiring() {
        assertThrows(IllegalArgumentException.class,
                () -> registry.addIdentity(new Identity("conference", "text", "Other name")));
    }

    @Test
    void contributorsSeeWhoIsAsking() {
        registry.addInfoContributor((q, info) -> {
            if (q.requester().getDomain().equals("example.test")) {
                info.feature("urn:example:local-only");
            }
        });
        assertEquals(true, features(handler.handle(infoGet(SERVICE, null))).contains("urn:example:local-only"));
    }

    @Test
    void aRoomJidAnswersItsOwnInfoThroughAProvider() {
        JID room = new JID("room@muc.example.test");
        registry.addInfoProvider(q -> q.target().equals(room) && q.node() == null
                ? Optional.of(DiscoInfo.builder().identity("conference", "text", "Room")
                        .feature("muc_public").build())
                : Optional.empty());

        IQ reply = handler.handle(infoGet(room, null));
        assertEquals(room, reply.getFrom());
        assertEquals("Room", reply.getChildElement().element("identity").attributeValue("name"));
        assertEquals(List.of("http://jabber.org/protocol/disco#info", "muc_public"), features(reply));
    }

    @Test
    void theNodeOfTheRequestIsEchoedInTheReply() {
        String node = "urn:xmpp:delegation:2::http://jabber.org/protocol/pubsub";
        registry.addInfoProvider(q -> node.equals(q.node())
                ? Optional.of(DiscoInfo.builder().identity("pubsub", "service", null)
                        .feature("http://jabber.org/protocol/pubsub#publish").build())
                : Optional.empty());
        assertEquals(node, handler.handle(infoGet(SERVICE, node)).getChildElement().attributeValue("node"));
    }

    @Test
    void anUnknownEntityOrNodeIsItemNotFound() {
        for (IQ request : List.of(infoGet(new JID("nosuchroom@muc.example.test"), null), infoGet(SERVICE, "nosuchnode"))) {
            XmppException e = assertThrows(XmppException.class, () -> handler.handle(request));
            assertEquals(PacketError.Condition.item_not_found, e.condition());
        }
    }

    @Test
    void aSetIsABadRequest() {
        IQ set = infoGet(SERVICE, null);
        set.setType(IQ.Type.set);
        assertEquals(PacketError.Condition.bad_request,
                assertThrows(XmppException.class, () -> handler.handle(set)).condition());
    }

    @Test
    void anEntityWithoutIdentityIsAWiringError() {
        assertThrows(IllegalStateException.class, () -> DiscoInfo.builder().feature("x").build());
        DiscoInfoHandler bare = new DiscoInfoHandler(new DiscoRegistry(SERVICE));
        assertThrows(IllegalStateException.class, () -> bare.handle(infoGet(SERVICE, null)));
    }
}
