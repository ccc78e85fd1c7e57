package org.xcs.common.stanza.delay;

import org.dom4j.DocumentHelper;
import org.junit.jupiter.api.Test;
import org.xcs.common.error.XmppException;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.PacketError;

import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DelayTest {
    @Test
    void writesTheXep0203OfflineStorageExample() {
        Delay delay = new Delay(new JID("capulet.com"), Instant.parse("2002-09-10T23:08:25Z"), "Offline Storage");
        assertEquals("<delay xmlns=\"urn:xmpp:delay\" from=\"capulet.com\" stamp=\"2002-09-10T23:08:25Z\">"
                + "Offline Storage</delay>", delay.toElement().asXML());
    }

    @Test
    void fromIsOptional() {
        assertEquals("<delay xmlns=\"urn:xmpp:delay\" stamp=\"2002-09-10T23:08:25.250Z\"/>",
                new Delay(null, Instant.parse("2002-09-10T23:08:25.250Z")).toElement().asXML());
    }

    @Test
    void readsStampsWithAndWithoutMilliseconds() throws Exception {
        Message m = new Message(DocumentHelper.parseText("<message xmlns='jabber:component:accept'><body>x</body>"
                + "<delay xmlns='urn:xmpp:delay' from='coven@chat.shakespeare.lit' stamp='2002-09-10T23:05:37.5Z'/>"
                + "</message>").getRootElement());
        Delay d = Delay.from(m).orElseThrow();
        assertEquals(Instant.parse("2002-09-10T23:05:37.500Z"), d.stamp());
        assertEquals(new JID("coven@chat.shakespeare.lit"), d.from());
        assertEquals(Instant.parse("2002-09-10T23:05:37Z"), Delay.parse(DocumentHelper.parseText(
                "<delay xmlns='urn:xmpp:delay' stamp='2002-09-10T23:05:37Z'>Reason</delay>").getRootElement()).stamp());
    }

    @Test
    void aStanzaCarriesOnlyOneDelaySoApplyingReplacesIt() {
        Message m = new Message();
        new Delay(new JID("a.example"), Instant.parse("2020-01-01T00:00:00Z")).applyTo(m);
        new Delay(new JID("b.example"), Instant.parse("2021-01-01T00:00:00Z")).applyTo(m);
        assertEquals(1, m.getElement().elements("delay").size());
        assertEquals(new JID("b.example"), Delay.from(m).orElseThrow().from());
        assertTrue(m.toXML().contains("<delay xmlns=\"urn:xmpp:delay\" from=\"b.example\""), m.toXML());
    }

    @Test
    void aMissingOrMalformedStampIsABadRequest() {
        for (String delay : new String[] {"<delay xmlns='urn:xmpp:delay'/>",
                "<delay xmlns='urn:xmpp:delay' stamp='20020910T23:08:25'/>"}) {
            XmppException e = assertThrows(XmppException.class,
                    () -> Delay.parse(DocumentHelper.parseText(delay).getRootElement()));
            assertEquals(PacketError.Condition.bad_request, e.condition());
        }
    }

    @Test
    void aStanzaWithoutDelayHasNone() {
        assertEquals(Optional.empty(), Delay.from(new Message()));
    }
}
