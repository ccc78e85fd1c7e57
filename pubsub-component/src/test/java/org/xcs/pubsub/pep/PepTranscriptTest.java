package org.xcs.pubsub.pep;

import java.time.Clock;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.xcs.common.component.PacketHandler;
import org.xcs.common.component.PacketSender;
import org.xcs.common.store.InMemoryStore;
import org.xcs.common.testing.TranscriptRunner;
import org.xcs.pubsub.protocol.PubSubProtocol;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Presence;

/**
 * XEP-0163 transcripts with the payloads people use. The IQs are the unwrapped delegated ones (XEP-0355 §5: from the
 * user's full JID, to the owner's bare JID); messages are the ones handed to the privileged sender, unwrapped. A
 * presence sent in a transcript is a resource coming online with the capabilities listed in {@link #CAPS}.
 *
 * <p>The host: alice and bob are mutual contacts (alice files bob under "Friends"); alice has carol with
 * subscription "to" (carol does not receive alice's presence); eve is a stranger. alice/phone and bob/laptop are
 * online from the start.
 */
class PepTranscriptTest {
    static final String AVATAR_META = "urn:xmpp:avatar:metadata";
    static final String DEVICELIST = "eu.siacs.conversations.axolotl.devicelist";
    static final String BOOKMARKS = "urn:xmpp:bookmarks:1";
    static final String TUNE = "http://jabber.org/protocol/tune";
    static final String MOOD = "http://jabber.org/protocol/mood";
    static final String GEOLOC = "http://jabber.org/protocol/geoloc";

    /** XEP-0115 +notify interests of each resource (the nodes named, with "+notify" left implicit). */
    static final Map<String, String[]> CAPS = Map.of(
            "alice@example.test/phone", new String[] {AVATAR_META, DEVICELIST, BOOKMARKS, TUNE, MOOD, GEOLOC},
            "bob@example.test/laptop", new String[] {AVATAR_META, DEVICELIST, BOOKMARKS, TUNE, MOOD, GEOLOC},
            "bob@example.test/tablet", new String[] {TUNE, MOOD},
            "carol@example.test/pc", new String[] {AVATAR_META, TUNE, MOOD});

    @TestFactory
    Stream<DynamicTest> transcripts() {
        return TranscriptRunner.dynamicTests("transcripts/pep", PepTranscriptTest::host);
    }

    private static PacketHandler host(PacketSender sender) {
        World world = new World().friends("alice@example.test", "bob@example.test", "Friends")
                .roster("alice@example.test", "carol@example.test", "to")
                .roster("carol@example.test", "alice@example.test", "from");
        world.online("alice@example.test/phone", CAPS.get("alice@example.test/phone"));
        world.online("bob@example.test/laptop", CAPS.get("bob@example.test/laptop"));
        PubSubProtocol protocol = new PubSubProtocol(sender);
        Pep pep = new Pep(new InMemoryStore(), world, world, protocol.sender(), protocol.replyOrder(),
                Clock.systemUTC());
        return packet -> {
            if (packet instanceof IQ iq) {
                protocol.sender().send(pep.iqHandler().handle(iq));
            } else if (packet instanceof Presence p && p.getType() == null) {
                String from = p.getFrom().toString();
                world.online(from, CAPS.getOrDefault(from, new String[0]));
                pep.events().resourceAvailable(from);
            }
        };
    }
}
