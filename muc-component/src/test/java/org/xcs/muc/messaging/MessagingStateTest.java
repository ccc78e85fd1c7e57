package org.xcs.muc.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xcs.common.testing.XmlAssert.assertXmlMatches;
import static org.xcs.muc.messaging.MessagingWorld.CRONE;
import static org.xcs.muc.messaging.MessagingWorld.HAG;
import static org.xcs.muc.messaging.MessagingWorld.NOW;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xcs.common.testing.RecordingSender;
import org.xcs.common.testing.TestStanzas;
import org.xcs.muc.room.Affiliation;
import org.xcs.muc.room.HistoryEntry;
import org.xcs.muc.room.Room;
import org.xcs.muc.room.Subject;
import org.xmpp.packet.JID;

/** What messaging leaves behind in the room and the store, beyond the stanzas the transcripts show. */
class MessagingStateTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final RecordingSender sender = new RecordingSender();
    private MessagingWorld world = new MessagingWorld(sender);

    @AfterEach
    void stop() {
        world.router.drain(WAIT);
    }

    private void deliver(String xml) {
        world.router.handle(TestStanzas.parse(xml));
        assertTrue(world.router.awaitIdle(WAIT));
    }

    @Test
    void aGroupchatMessageWithBodyIsKeptInHistoryAsReflectedAndMadeDurableInAPersistentRoom() {
        deliver("<message type='groupchat' id='h1' from='hag66@shakespeare.lit/pda' to='coven@muc.example.test'>"
                + "<body>Double, double toil and trouble</body></message>");
        List<HistoryEntry> history = world.room("coven").history().entries();
        assertEquals(1, history.size());
        HistoryEntry entry = history.get(0);
        assertEquals(NOW, entry.at());
        assertEquals(HAG, entry.senderRealJid());
        assertXmlMatches("<message type='groupchat' id='h1' from='coven@muc.example.test/thirdwitch'>"
                + "<body>Double, double toil and trouble</body>"
                + "<stanza-id xmlns='urn:xmpp:sid:0' id='sid-1' by='coven@muc.example.test'/></message>",
                entry.message());
        assertEquals(entry.message().toXML().length(), entry.chars());
        assertEquals(List.of(entry), world.store.appended, "coven is persistent: the entry is made durable");
        assertEquals(4, sender.await(4, WAIT).size());
    }

    @Test
    void aGroupchatMessageIsReflectedToEverySessionAsOneBatch() {
        deliver("<message type='groupchat' id='b1' from='hag66@shakespeare.lit/pda' to='coven@muc.example.test'>"
                + "<body>Eye of newt</body></message>");
        List<String> to = sender.await(4, WAIT).stream().map(p -> p.getTo().toString()).toList();
        assertEquals(List.of("crone1@shakespeare.lit/desktop", "wiccarocks@shakespeare.lit/laptop",
                "wiccarocks@shakespeare.lit/phone", "hag66@shakespeare.lit/pda"), to);
        assertEquals(List.of(4), sender.batchSizes(), "the connection gets the room's reflections in one batch");
    }

    @Test
    void bodylessGroupchatMessagesAreRelayedButNotKept() {
        deliver("<message type='groupchat' id='c1' from='hag66@shakespeare.lit/pda' to='coven@muc.example.test'>"
                + "<composing xmlns='http://jabber.org/protocol/chatstates'/></message>");
        sender.await(4, WAIT);
        assertTrue(world.room("coven").history().entries().isEmpty());
        assertTrue(world.store.appended.isEmpty());
    }

    @Test
    void aTemporaryRoomKeepsHistoryInMemoryOnly() {
        deliver("<message type='groupchat' id='t1' from='crone1@shakespeare.lit/desktop' to='heath@muc.example.test'>"
                + "<body>By the pricking of my thumbs</body></message>");
        sender.await(3, WAIT);
        assertEquals(1, world.room("heath").history().entries().size());
        assertTrue(world.store.appended.isEmpty());
    }

    @Test
    void refusedMessagesLeaveNoHistory() {
        deliver("<message type='groupchat' id='r1' from='hag66@shakespeare.lit/pda' to='heath@muc.example.test'>"
                + "<body>visitor speaking</body></message>");
        deliver("<message type='groupchat' id='r2' from='hecate@shakespeare.lit/broom' to='coven@muc.example.test'>"
                + "<body>outsider speaking</body></message>");
        sender.await(2, WAIT);
        assertTrue(world.room("heath").history().entries().isEmpty());
        assertTrue(world.room("coven").history().entries().isEmpty());
        sender.assertNothingMore(Duration.ofMillis(30));
    }

    @Test
    void aSubjectChangeSetsTheSubjectWithNickAndTimeAndSavesThePersistentRoomWithoutEnteringHistory() {
        deliver("<message type='groupchat' id='s1' from='crone1@shakespeare.lit/desktop' to='coven@muc.example.test'>"
                + "<subject>Fire Burn and Cauldron Bubble!</subject></message>");
        Room coven = world.room("coven");
        assertEquals(new Subject("Fire Burn and Cauldron Bubble!", "firstwitch", NOW), coven.subject());
        assertTrue(world.store.contains(coven.jid()));
        assertTrue(coven.history().entries().isEmpty());
    }

    @Test
    void aRefusedSubjectChangeLeavesTheSubjectAlone() {
        deliver("<message type='groupchat' id='s2' from='hag66@shakespeare.lit/pda' to='coven@muc.example.test'>"
                + "<subject>Mine</subject></message>");
        assertEquals(Subject.NONE, world.room("coven").subject());
        assertEquals(0, world.store.saves.get());
    }

    @Test
    void anInvitationByTheOwnerOfAMembersOnlyRoomMakesTheInviteeAMember() {
        deliver("<message id='i1' from='crone1@shakespeare.lit/desktop' to='darkcave@muc.example.test'>"
                + "<x xmlns='http://jabber.org/protocol/muc#user'><invite to='hecate@shakespeare.lit/broom'/></x></message>");
        assertEquals(Affiliation.MEMBER, world.room("darkcave").affiliation(new JID("hecate@shakespeare.lit")));
        sender.next(WAIT);
    }

    @Test
    void anInvitationNeverChangesAnExistingAffiliation() {
        Room cauldron = world.room("cauldron");
        cauldron.affiliation(new JID("macbeth@shakespeare.lit"), Affiliation.OUTCAST, "murderer");
        deliver("<message id='i2' from='crone1@shakespeare.lit/desktop' to='cauldron@muc.example.test'>"
                + "<x xmlns='http://jabber.org/protocol/muc#user'><invite to='macbeth@shakespeare.lit'/>"
                + "<invite to='crone1@shakespeare.lit'/></x></message>");
        assertEquals(Affiliation.OUTCAST, cauldron.affiliation(new JID("macbeth@shakespeare.lit")));
        assertEquals(Affiliation.OWNER, cauldron.affiliation(CRONE));
        sender.await(2, WAIT);
    }

    @Test
    void anInvitationToAnOpenRoomGrantsNothing() {
        deliver("<message id='i3' from='crone1@shakespeare.lit/desktop' to='coven@muc.example.test'>"
                + "<x xmlns='http://jabber.org/protocol/muc#user'><invite to='hecate@shakespeare.lit'/></x></message>");
        assertEquals(Affiliation.NONE, world.room("coven").affiliation(new JID("hecate@shakespeare.lit")));
        sender.next(WAIT);
    }

    @Test
    void aRefusedInvitationGrantsNothing() {
        deliver("<message id='i4' from='wiccarocks@shakespeare.lit/laptop' to='darkcave@muc.example.test'>"
                + "<x xmlns='http://jabber.org/protocol/muc#user'><invite to='hecate@shakespeare.lit'/></x></message>");
        assertEquals(Affiliation.NONE, world.room("darkcave").affiliation(new JID("hecate@shakespeare.lit")));
        sender.next(WAIT);
    }

    @Test
    void whenTheLastOccupantOfATemporaryRoomBouncesTheRoomGoesAway() {
        Room heath = world.room("heath");
        for (String who : List.of("crone1@shakespeare.lit/desktop", "wiccarocks@shakespeare.lit/laptop",
                "hag66@shakespeare.lit/pda")) {
            deliver("<message type='error' from='" + who + "' to='heath@muc.example.test'><error type='cancel'>"
                    + "<remote-server-not-found xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></message>");
        }
        assertTrue(heath.isEmpty());
        assertFalse(world.rooms.get(heath.jid()).isPresent());
    }

    @Test
    void aBareJidBounceRemovesEverySessionOfThatAccount() {
        Room coven = world.room("coven");
        deliver("<message type='error' from='wiccarocks@shakespeare.lit' to='coven@muc.example.test'><error type='cancel'>"
                + "<gone xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></message>");
        assertTrue(coven.occupant("secondwitch").isEmpty());
        assertTrue(world.rooms.get(coven.jid()).isPresent(), "a persistent room stays");
    }

    @Test
    void anApprovedVoiceRequestMakesTheVisitorAParticipant() {
        Room heath = world.room("heath");
        deliver("<message id='a1' from='crone1@shakespeare.lit/desktop' to='heath@muc.example.test'>"
                + "<x xmlns='jabber:x:data' type='submit'><field var='FORM_TYPE'><value>"
                + "http://jabber.org/protocol/muc#request</value></field><field var='muc#jid'><value>"
                + "hag66@shakespeare.lit/pda</value></field><field var='muc#request_allow'><value>1</value></field>"
                + "</x></message>");
        assertEquals(org.xcs.muc.room.Role.PARTICIPANT, heath.occupantByRealJid(HAG).orElseThrow().role());
        sender.await(3, WAIT);
    }
}
