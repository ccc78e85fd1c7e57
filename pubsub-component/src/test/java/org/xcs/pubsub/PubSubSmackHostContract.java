package org.xcs.pubsub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smackx.pubsub.Item;
import org.jivesoftware.smackx.pubsub.ItemPublishEvent;
import org.jivesoftware.smackx.pubsub.LeafNode;
import org.jivesoftware.smackx.pubsub.PayloadItem;
import org.jivesoftware.smackx.pubsub.PubSubManager;
import org.jivesoftware.smackx.pubsub.SimplePayload;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.xcs.common.harness.ComponentProcess;
import org.xcs.common.harness.SmackClients;
import org.xcs.common.harness.TestHost;

/** XEP-0060 through a real host: Smack's PubSubManager creates, subscribes, publishes and gets the event. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PubSubSmackHostContract {
    static final String DOMAIN = "example.test";
    static final String COMPONENT = "pubsub." + DOMAIN;
    private static final String SECRET = "s3cret-pubsub";

    private TestHost host;
    private ComponentProcess component;

    protected abstract void requireInstalled();

    protected abstract TestHost newHost(String component, String secret);

    @BeforeAll
    void start() throws Exception {
        requireInstalled();
        host = newHost(COMPONENT, SECRET);
        host.start();
        host.addUser("alice", "alice-pw");
        host.addUser("bob", "bob-pw");
        Path work = Files.createTempDirectory("xcs-pubsub-host");
        Path secret = work.resolve("secret");
        Files.writeString(secret, SECRET + "\n");
        component = ComponentProcess.start(Main.class.getName(), work.resolve("component.log"), List.of(
                "--host", "127.0.0.1", "--port", String.valueOf(host.componentPort(COMPONENT)),
                "--domain", COMPONENT, "--secret-file", secret.toString(),
                "--data-dir", work.resolve("data").toString(), "--ping-interval", "2"));
        assertTrue(component.awaitOutput(": connected to ", Duration.ofSeconds(30)),
                "never attached:\n" + component.output());
    }

    @AfterAll
    void stop() {
        if (component != null) {
            component.close();
        }
        if (host != null) {
            host.close();
        }
    }

    @Test
    void aSubscriberReceivesTheItemPublishedThroughTheHost() throws Exception {
        try (SmackClients clients = new SmackClients(host)) {
            XMPPConnection alice = clients.login("alice", "alice-pw");
            XMPPConnection bob = clients.login("bob", "bob-pw");
            PubSubManager alicePubSub = PubSubManager.getInstanceFor(alice, SmackClients.jid(COMPONENT).asDomainBareJid());
            PubSubManager bobPubSub = PubSubManager.getInstanceFor(bob, SmackClients.jid(COMPONENT).asDomainBareJid());

            LeafNode created = alicePubSub.createNode("news");
            LeafNode subscribed = bobPubSub.getLeafNode("news");
            BlockingQueue<ItemPublishEvent<Item>> events = new ArrayBlockingQueue<>(4);
            subscribed.addItemEventListener(events::offer);
            subscribed.subscribe(bob.getUser().asEntityBareJid());

            created.publish(new PayloadItem<>("first",
                    new SimplePayload("<entry xmlns='http://www.w3.org/2005/Atom'><title>Hello</title></entry>")));

            ItemPublishEvent<Item> event = events.poll(15, TimeUnit.SECONDS);
            assertTrue(event != null, "no event reached bob; component log:\n" + component.output());
            assertEquals("news", event.getNodeId());
            assertEquals("first", event.getItems().get(0).getId());
            assertTrue(event.getItems().get(0).toXML().toString().contains(">Hello</title>"),
                    event.getItems().get(0).toXML().toString());
            assertEquals(1, subscribed.getItems().size());
        }
    }
}
