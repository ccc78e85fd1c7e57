package org.xcs.common.multicast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.xcs.common.testing.TestStanzas.element;
import static org.xcs.common.testing.TestStanzas.parse;
import static org.xcs.common.testing.XmlAssert.assertXmlMatches;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xcs.common.component.ComponentCore;
import org.xcs.common.component.PacketSender;
import org.xcs.common.testing.RecordingSender;
import org.xmpp.packet.JID;
import org.xmpp.packet.Packet;

/**
 * The search for the host's multicast service (XEP-0033 §2) as a transcript: what the component asks the host on
 * connect, what it makes of the answers, and that the core never sees any of it.
 */
class MulticastCoreTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String INFO = "http://jabber.org/protocol/disco#info";
    private static final String ITEMS = "http://jabber.org/protocol/disco#items";

    private final RecordingSender wire = new RecordingSender();
    private final MulticastSender multicast = new MulticastSender(wire);
    private final FakeCore inner = new FakeCore();
    private final java.util.concurrent.atomic.AtomicLong now = new java.util.concurrent.atomic.AtomicLong();
    private final MulticastCore core = new MulticastCore(inner, multicast, new JID("muc.example.org"),
            new JID("example.org"), now::get);

    /** ejabberd 23.01 with mod_multicast: the service is an item of the host, with the identity and a limits form. */
    private static final String EJABBERD_SERVICE_INFO = "<query xmlns='" + INFO + "'>"
            + "<identity category='service' type='multicast' name='Multicast'/>"
            + "<feature var='http://jabber.org/protocol/disco#info'/>"
            + "<feature var='http://jabber.org/protocol/address'/>"
            + "<x xmlns='jabber:x:data' type='result'>"
            + "<field var='FORM_TYPE' type='hidden'><value>http://jabber.org/protocol/address</value></field>"
            + "<field var='message'><value>50</value></field><field var='presence'><value>infinite</value></field>"
            + "</x></query>";

    @Test
    void findsTheServiceAmongTheHostsItemsProbesItAndOnlyThenSendsThroughIt() {
        core.onConnected(wire);
        assertSame(multicast, inner.connectedWith, "the core sends through the multicast sender");
        List<Packet> asked = wire.await(2, WAIT);
        assertXmlMatches("<iq type='get' from='muc.example.org' to='example.org' id='{$i1}'>"
                + "<query xmlns='" + INFO + "'/></iq>", asked.get(0));
        assertXmlMatches("<iq type='get' from='muc.example.org' to='example.org' id='{$i2}'>"
                + "<query xmlns='" + ITEMS + "'/></iq>", asked.get(1));

        answer(asked.get(0), "<query xmlns='" + INFO + "'><identity category='server' type='im'/>"
                + "<feature var='" + INFO + "'/></query>");
        answer(asked.get(1), "<query xmlns='" + ITEMS + "'><item jid='conference.example.org'/>"
                + "<item jid='muc.example.org'/><item jid='multicast.example.org'/>"
                + "<item jid='example.org' node='announce'/></query>");
        List<Packet> items = wire.await(2, WAIT); // not our own domain, not a node
        assertEquals("conference.example.org", items.get(0).getTo().toString());
        assertEquals("multicast.example.org", items.get(1).getTo().toString());

        answer(items.get(0), "<query xmlns='" + INFO + "'><identity category='conference' type='text'/>"
                + "<feature var='http://jabber.org/protocol/muc'/></query>");
        answer(items.get(1), EJABBERD_SERVICE_INFO);
        Packet probe = wire.next(WAIT);
        assertXmlMatches("<message type='headline' id='{$p}' from='muc.example.org' to='multicast.example.org'>"
                + "<addresses xmlns='http://jabber.org/protocol/address'>"
                + "<address type='bcc' jid='muc.example.org'/></addresses></message>", probe);
        assertNull(multicast.target(), "not before the probe came back");

        core.handle(parse("<message type='headline' id='" + probe.getID()
                + "' from='muc.example.org' to='muc.example.org'/>"));
        assertEquals(new MulticastTarget(new JID("multicast.example.org"), "example.org", 50), multicast.target());
        assertEquals(false, multicast.target().lines(), "ejabberd names no lines feature: XEP-0033's list");
        assertEquals(List.of(), inner.handled, "the core saw none of the search");

        multicast.sendAll(List.of(
                parse("<message from='r@muc.example.org/a' to='a@example.org/1' type='groupchat'><body>x</body>"
                        + "</message>"),
                parse("<message from='r@muc.example.org/a' to='b@example.org/1' type='groupchat'><body>x</body>"
                        + "</message>")));
        assertEquals(List.of("a@example.org/1", "b@example.org/1"), MulticastSenderTest.bcc(wire.next(WAIT)));
    }

    @Test
    void aServiceThatNamesTheLinesFeatureIsProbedAndUsedWithTheListAsLines() {
        Packet probe = probeOf(EJABBERD_SERVICE_INFO.replace("</query>",
                "<feature var='urn:xcs:multicast:lines:0'/></query>"));
        assertNull(probe.getElement().element("addresses"));
        assertEquals(List.of("muc.example.org"), MulticastSender.bccOf(probe.getElement()));
        core.handle(parse("<message type='headline' id='" + probe.getID()
                + "' from='muc.example.org' to='muc.example.org'/>"));
        assertEquals(new MulticastTarget(new JID("multicast.example.org"), "example.org", 50, true),
                multicast.target());
    }

    @Test
    void aHostWithoutServiceKeepsOneStanzaPerRecipient() {
        core.onConnected(wire);
        List<Packet> asked = wire.await(2, WAIT);
        answer(asked.get(0), "<query xmlns='" + INFO + "'><identity category='server' type='im'/></query>");
        answer(asked.get(1), "<query xmlns='" + ITEMS + "'><item jid='conference.example.org'/></query>");
        answer(wire.next(WAIT), "<query xmlns='" + INFO + "'><identity category='conference' type='text'/>"
                + "</query>");
        assertNull(multicast.target());
        wire.assertNothingMore(Duration.ofMillis(100));

        // A host still starting its modules, or an admin loading one later: the search is made again, not at once.
        Packet chat = parse("<message from='a@example.org/1' to='r@muc.example.org' type='groupchat'/>");
        now.addAndGet(MulticastDiscovery.FIRST_RETRY.toNanos() - 1);
        core.handle(chat);
        wire.assertNothingMore(Duration.ofMillis(50));
        now.addAndGet(1);
        core.handle(chat);
        List<Packet> again = wire.await(2, WAIT);
        assertEquals("example.org", again.get(0).getTo().toString());
        assertEquals(2, inner.handled.size(), "the core still got both stanzas");
    }

    @Test
    void theServerItselfServesWhenItHasTheFeature() {
        core.onConnected(wire);
        List<Packet> asked = wire.await(2, WAIT);
        answer(asked.get(0), "<query xmlns='" + INFO + "'><identity category='server' type='im'/>"
                + "<feature var='http://jabber.org/protocol/address'/></query>"); // XEP-0033 §2.1
        Packet probe = wire.next(WAIT);
        assertEquals("example.org", probe.getTo().toString());
        core.handle(parse("<message type='headline' id='" + probe.getID()
                + "' from='muc.example.org' to='muc.example.org'/>"));
        assertEquals(new MulticastTarget(new JID("example.org"), "example.org", MulticastDiscovery.DEFAULT_LIMIT),
                multicast.target());
    }

    @Test
    void aRefusedProbeKeepsOneStanzaPerRecipient() {
        Packet probe = probeOf(EJABBERD_SERVICE_INFO);
        core.handle(parse("<message type='error' id='" + probe.getID() + "' from='multicast.example.org'"
                + " to='muc.example.org'><addresses xmlns='http://jabber.org/protocol/address'>"
                + "<address type='bcc' jid='muc.example.org'/></addresses><error type='auth'>"
                + "<forbidden xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></message>"));
        assertNull(multicast.target());
        assertEquals(List.of(), inner.handled);
    }

    @Test
    void aProbeThatDidNotComeFromUsEnablesNothing() {
        Packet probe = probeOf(EJABBERD_SERVICE_INFO);
        core.handle(parse("<message type='headline' id='" + probe.getID()
                + "' from='mallory@example.org/x' to='muc.example.org'/>"));
        assertNull(multicast.target());
    }

    @Test
    void aStanzaTheServiceRefusesLaterIsSentAgainOnePerRecipientAndMulticastStopsUntilTheNextConnect() {
        enable();
        multicast.sendAll(List.of(
                parse("<message id='m1' from='r@muc.example.org/a' to='a@example.org/1' type='groupchat'>"
                        + "<body>x</body></message>"),
                parse("<message id='m1' from='r@muc.example.org/a' to='b@example.org/1' type='groupchat'>"
                        + "<body>x</body></message>")));
        core.handle(MulticastSenderTest.refusalOf(wire.next(WAIT)));

        List<Packet> again = wire.await(2, WAIT);
        assertXmlMatches("<message id='m1' from='r@muc.example.org/a' to='a@example.org/1' type='groupchat'>"
                + "<body>x</body></message>", again.get(0));
        assertXmlMatches("<message id='m1' from='r@muc.example.org/a' to='b@example.org/1' type='groupchat'>"
                + "<body>x</body></message>", again.get(1));
        assertNull(multicast.target());
        assertEquals(1, core.refused());
        assertEquals(List.of(), inner.handled);
    }

    @Test
    void aRefusalOfAStanzaNoLongerKeptStillStopsMulticastAndAnErrorFromAnyoneElseIsTheCores() {
        enable();
        core.handle(parse("<message type='error' id='m1' from='multicast.example.org' to='r@muc.example.org/a'>"
                + "<body>x</body><error type='modify'><not-acceptable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"
                + "</error></message>"));
        assertNull(multicast.target());
        assertEquals(1, core.refused());
        assertEquals(List.of(), inner.handled);
        wire.assertNothingMore(Duration.ofMillis(50));
        Packet other = parse("<message type='error' id='m2' from='a@example.org/1' to='r@muc.example.org/a'>"
                + "<error type='cancel'><gone xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></message>");
        core.handle(other);
        assertEquals(1, inner.handled.size());
    }

    private void enable() {
        Packet probe = probeOf(EJABBERD_SERVICE_INFO);
        core.handle(parse("<message type='headline' id='" + probe.getID()
                + "' from='muc.example.org' to='muc.example.org'/>"));
        assertEquals("multicast.example.org", multicast.target().service().toString());
    }

    @Test
    void everyConnectSearchesAgainAndAnswersOfTheLastOneNoLongerCount() {
        Packet first = probeOf(EJABBERD_SERVICE_INFO);
        core.onConnected(wire); // the host restarted, perhaps without the module
        wire.await(2, WAIT);
        core.handle(parse("<message type='headline' id='" + first.getID()
                + "' from='muc.example.org' to='muc.example.org'/>"));
        assertNull(multicast.target());
        assertEquals(List.of(), inner.handled);
    }

    @Test
    void limits() {
        assertEquals(MulticastDiscovery.DEFAULT_LIMIT, MulticastDiscovery.limitOf(element(
                "<query xmlns='" + INFO + "'><identity category='service' type='multicast'/>"
                        + "<feature var='http://jabber.org/protocol/address'/></query>"), false).getAsInt());
        assertEquals(MulticastDiscovery.MAX_LIMIT, MulticastDiscovery.limitOf(element(
                "<query xmlns='" + INFO + "'><identity category='service' type='multicast'/>"
                        + "<feature var='http://jabber.org/protocol/address'/><x xmlns='jabber:x:data' type='result'>"
                        + "<field var='FORM_TYPE' type='hidden'><value>http://jabber.org/protocol/address</value>"
                        + "</field><field var='message'><value>infinite</value></field></x></query>"), false)
                .getAsInt());
        // an identity without the feature, or the feature on an item without the identity, is no service
        assertEquals(false, MulticastDiscovery.limitOf(element("<query xmlns='" + INFO + "'>"
                + "<identity category='service' type='multicast'/></query>"), false).isPresent());
        assertEquals(false, MulticastDiscovery.limitOf(element("<query xmlns='" + INFO + "'>"
                + "<feature var='http://jabber.org/protocol/address'/></query>"), false).isPresent());
    }

    /** Connects, answers the search with {@code serviceInfo} for multicast.example.org, returns the probe. */
    private Packet probeOf(String serviceInfo) {
        core.onConnected(wire);
        List<Packet> asked = wire.await(2, WAIT);
        answer(asked.get(0), "<query xmlns='" + INFO + "'/>");
        answer(asked.get(1), "<query xmlns='" + ITEMS + "'><item jid='multicast.example.org'/></query>");
        answer(wire.next(WAIT), serviceInfo);
        return wire.next(WAIT);
    }

    private void answer(Packet request, String query) {
        Packet result = parse("<iq type='result' id='" + request.getID() + "' from='" + request.getTo()
                + "' to='" + request.getFrom() + "'>" + query + "</iq>");
        core.handle(result);
    }

    private static final class FakeCore implements ComponentCore {
        final List<Packet> handled = new ArrayList<>();
        PacketSender connectedWith;

        @Override
        public void handle(Packet packet) {
            handled.add(packet);
        }

        @Override
        public void onConnected(PacketSender sender) {
            connectedWith = sender;
        }

        @Override
        public void drain(Duration timeout) {
        }
    }
}
