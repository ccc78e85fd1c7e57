package org.xcs.muc.messaging;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xcs.common.testing.XmlAssert.assertXmlMatches;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.xcs.common.testing.RecordingSender;
import org.xcs.common.testing.TestStanzas;

class OccupantIqTimeoutTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void anOccupantThatNeverAnswersAForwardedIqGivesTheRequesterRemoteServerTimeout() {
        RecordingSender sender = new RecordingSender();
        MessagingWorld world = new MessagingWorld(sender, Duration.ofMillis(50));
        world.router.handle(TestStanzas.parse("<iq type='get' id='v1' from='hag66@shakespeare.lit/pda'"
                + " to='coven@muc.example.test/firstwitch'><query xmlns='jabber:iq:version'/></iq>"));
        assertXmlMatches("<iq type='get' id='{any}' from='coven@muc.example.test/thirdwitch'"
                + " to='crone1@shakespeare.lit/desktop'><query xmlns='jabber:iq:version'/></iq>", sender.next(WAIT));
        assertXmlMatches("<iq type='error' id='v1' from='coven@muc.example.test/firstwitch'"
                + " to='hag66@shakespeare.lit/pda'><query xmlns='jabber:iq:version'/><error type='wait'>"
                + "<remote-server-timeout xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>",
                sender.next(WAIT));
        assertTrue(world.router.drain(WAIT));
        sender.assertNothingMore(Duration.ofMillis(30));
    }
}
