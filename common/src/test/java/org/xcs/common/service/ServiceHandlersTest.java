package org.xcs.common.service;

import org.dom4j.Element;
import org.junit.jupiter.api.Test;
import org.xcs.common.disco.DiscoInfo;
import org.xcs.common.disco.DiscoQuery;
import org.xcs.common.disco.DiscoRegistry;
import org.xcs.common.disco.Identity;
import org.xcs.common.error.XmppException;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServiceHandlersTest {
    static final JID SERVICE = new JID("pubsub.example.test");

    static IQ get(String element, String namespace) {
        IQ iq = new IQ(IQ.Type.get, "c2s1");
        iq.setFrom(new JID("juliet@example.test/balcony"));
        iq.setTo(SERVICE);
        iq.setChildElement(element, namespace);
        return iq;
    }

    @Test
    void aPingGetIsAnsweredWithAnEmptyResult() {
        assertEquals("<iq type=\"result\" id=\"c2s1\" from=\"pubsub.example.test\" to=\"juliet@example.test/balcony\"/>",
                new PingHandler().handle(get("ping", "urn:xmpp:ping")).toXML());
    }

    @Test
    void aPingSetIsABadRequest() {
        IQ set = get("ping", "urn:xmpp:ping");
        set.setType(IQ.Type.set);
        assertEquals(PacketError.Condition.bad_request,
                assertThrows(XmppException.class, () -> new PingHandler().handle(set)).condition());
    }

    @Test
    void versionAnswersNameAndVersionAndNoOsUnlessGiven() {
        IQ reply = new VersionHandler("xcs-pubsub", "0.1.0").handle(get("query", "jabber:iq:version"));
        assertEquals("<query xmlns=\"jabber:iq:version\"><name>xcs-pubsub</name><version>0.1.0</version></query>",
                reply.getChildElement().asXML());
        assertEquals(IQ.Type.result, reply.getType());
        assertEquals("c2s1", reply.getID());
    }

    @Test
    void versionIncludesTheOsWhenTheOperatorOptsIn() {
        Element q = new VersionHandler("xcs-muc", "1.2", "Linux").handle(get("query", "jabber:iq:version"))
                .getChildElement();
        assertEquals("Linux", q.elementText("os"));
    }

    @Test
    void theVersionComesFromTheJarManifestOrTheFallback() {
        // JUnit's jar has an Implementation-Version; our test classes (a directory on the class path) have none.
        assertTrue(VersionHandler.implementationVersion(Test.class, "dev").matches("\\d+\\.\\d+\\.\\d+.*"));
        assertEquals("dev", VersionHandler.implementationVersion(ServiceHandlersTest.class, "dev"));
    }

    @Test
    void timeGivesTheOffsetAndUtcFromTheInjectedClock() {
        Clock clock = Clock.fixed(Instant.parse("2006-12-19T17:58:35.250Z"), ZoneOffset.UTC);
        Element time = new TimeHandler(clock, ZoneId.of("America/Chicago")).handle(get("time", "urn:xmpp:time"))
                .getChildElement();
        assertEquals("<time xmlns=\"urn:xmpp:time\"><tzo>-06:00</tzo><utc>2006-12-19T17:58:35Z</utc></time>",
                time.asXML());
    }

    @Test
    void timeUsesTheOffsetInEffectAtThatInstant() {
        Clock summer = Clock.fixed(Instant.parse("2006-07-19T17:58:35Z"), ZoneOffset.UTC);
        assertEquals("-05:00", new TimeHandler(summer, ZoneId.of("America/Chicago"))
                .handle(get("time", "urn:xmpp:time")).getChildElement().elementText("tzo"));
        assertEquals("+05:30", new TimeHandler(summer, ZoneId.of("Asia/Kolkata"))
                .handle(get("time", "urn:xmpp:time")).getChildElement().elementText("tzo"));
        assertEquals("+00:00", new TimeHandler(summer, ZoneOffset.UTC)
                .handle(get("time", "urn:xmpp:time")).getChildElement().elementText("tzo"));
    }

    @Test
    void eachServiceAnnouncesItsFeatureInDiscoInfo() {
        DiscoRegistry registry = new DiscoRegistry(SERVICE).addIdentity(new Identity("pubsub", "service", "PubSub"));
        registry.add(new PingHandler(), new VersionHandler("x", "1"),
                new TimeHandler(Clock.systemUTC(), ZoneOffset.UTC));
        DiscoInfo info = registry.info(new DiscoQuery(null, SERVICE, null)).orElseThrow();
        assertTrue(info.hasFeature("urn:xmpp:ping"));
        assertTrue(info.hasFeature("jabber:iq:version"));
        assertTrue(info.hasFeature("urn:xmpp:time"));
    }
}
