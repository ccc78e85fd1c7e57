package org.xcs.common.multicast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.dom4j.Element;
import org.jivesoftware.smack.StanzaCollector;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xcs.common.component.ComponentCore;
import org.xcs.common.component.ComponentRuntime;
import org.xcs.common.component.ConnectParams;
import org.xcs.common.component.PacketSender;
import org.xcs.common.component.RuntimeSettings;
import org.xcs.common.harness.HostTests;
import org.xcs.common.harness.ProsodyHost;
import org.xcs.common.harness.RealHostTest;
import org.xcs.common.harness.SmackClients;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;

/**
 * Our Prosody module, {@code scripts/hosts/prosody-plugins/mod_xcs_multicast.lua}, on a real Prosody 0.12: the
 * component finds it, probes it and delivers through it; everything else that asks it is refused with the error
 * XEP-0033 §8 names, its addresses returned.
 */
@RealHostTest
class XcsMulticastOnProsodyTest {

    private static final String HOST = "example.test";
    private static final String SERVICE = "multicast." + HOST;
    private static final String MUC = "muc." + HOST;
    private static final String RAW = "raw." + HOST;
    private static final String SECRET = "s3cret-multicast";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static ProsodyHost host;

    @BeforeAll
    static void startHost() {
        HostTests.requireProsody();
        // A cache of two prepped addresses: the tests below find some, miss others and fill it, which drops it.
        host = ProsodyHost.builder(HOST).component(MUC, SECRET).component(RAW, SECRET).xcsMulticast(SERVICE)
                .globalConfig("xcs_multicast_jid_cache = 2").build();
        host.start();
        host.addUser("alice", "alice-pw");
        host.addUser("bob", "bob-pw");
    }

    @AfterAll
    static void stopHost() {
        if (host != null) {
            host.close();
        }
    }

    @Test
    void theComponentFindsTheServiceAndItsUsersGetTheStanzaWithoutTheAddresses() throws Exception {
        Wired wired = Wired.muc();
        Recording inner = wired.inner();
        MulticastSender multicast = wired.multicast();
        ComponentRuntime runtime = wired.runtime();
        try (SmackClients clients = new SmackClients(host)) {
            XMPPConnection alice = clients.login("alice", "alice-pw", "phone");
            runtime.start();
            awaitTrue(() -> multicast.target() != null, "the service was never found and probed");
            // the module names our lines feature, so the list goes as lines of text
            assertEquals(new MulticastTarget(new JID(SERVICE), HOST, 100, true), multicast.target());

            try (StanzaCollector got = alice.createStanzaCollector(StanzaTypeFilter.MESSAGE)) {
                Message m = new Message();
                m.setFrom(new JID("room@" + MUC + "/bob"));
                m.setType(Message.Type.groupchat);
                m.setID("g1");
                m.setBody("through the service");
                multicast.sendToEach(m, List.of(new JID("alice@" + HOST + "/phone")));
                org.jivesoftware.smack.packet.Message received = got.nextResult(WAIT.toMillis());
                assertNotNull(received, "alice got nothing");
                assertEquals("through the service", received.getBody());
                assertEquals("room@" + MUC + "/bob", received.getFrom().toString());
                assertEquals("g1", received.getStanzaId());
                assertNull(received.getExtensionElement("addresses", MulticastSender.NAMESPACE));
                assertNull(received.getExtensionElement("bcc", MulticastSender.LINES));
            }
            // A room refuses a join with a presence of type error (XEP-0045 §7.2.6): it goes through the service too.
            try (StanzaCollector got = alice.createStanzaCollector(StanzaTypeFilter.PRESENCE)) {
                org.xmpp.packet.Presence refusal = new org.xmpp.packet.Presence(org.xmpp.packet.Presence.Type.error);
                refusal.setFrom(new JID("room@" + MUC + "/alice"));
                refusal.setTo(new JID("alice@" + HOST + "/phone"));
                refusal.setError(org.xmpp.packet.PacketError.Condition.registration_required);
                multicast.send(refusal);
                org.jivesoftware.smack.packet.Presence received =
                        (org.jivesoftware.smack.packet.Presence) got.nextResult(WAIT.toMillis());
                assertNotNull(received, "alice got no presence error");
                assertEquals(StanzaError.Condition.registration_required, received.getError().getCondition());
            }
            assertEquals(2, multicast.stanzas());
            assertEquals(List.of(), inner.handled, "the search's replies and the probe stayed out of the core");
        } finally {
            runtime.stop(Duration.ofMillis(200));
        }
    }

    /**
     * The module hands one stanza object to every recipient of a headline (as of a presence or groupchat message)
     * and copies a chat or normal message for each: either way each user gets it addressed to itself.
     */
    @Test
    void eachRecipientGetsTheStanzaAddressedToItWhetherSharedOrCopied() throws Exception {
        withAliceAndBob("phone", "pc", (multicast, alice, bob) -> {
            for (Message.Type type : List.of(Message.Type.headline, Message.Type.normal, Message.Type.chat)) {
                try (StanzaCollector toAlice = alice.createStanzaCollector(StanzaTypeFilter.MESSAGE);
                        StanzaCollector toBob = bob.createStanzaCollector(StanzaTypeFilter.MESSAGE)) {
                    Message m = new Message();
                    m.setFrom(new JID(MUC));
                    m.setType(type);
                    m.setID("m-" + type);
                    m.setBody("one for each, " + type);
                    multicast.sendToEach(m, List.of(new JID("alice@" + HOST + "/phone"),
                            new JID("bob@" + HOST + "/pc")));
                    expectOne(toAlice, "alice@" + HOST + "/phone", type);
                    expectOne(toBob, "bob@" + HOST + "/pc", type);
                }
            }
            assertEquals(3, multicast.stanzas(), "each type went through the service as one stanza");
        });
    }

    /**
     * An address is delivered to as {@code util.jid.prep} makes it (RFC 7622 §3: nodeprep, nameprep, resourceprep),
     * the first time, when the service remembers it, and after the service has dropped what it remembered.
     */
    @Test
    void anAddressIsPreppedWhetherRememberedOrNot() throws Exception {
        withAliceAndBob("tablet", "desk", (multicast, alice, bob) -> {
            List<JID> unprepped = List.of(new JID("Alice", "Example.TEST", "tablet", true),
                    new JID("BOB", "example.test", "desk", true));
            // Four rounds of two addresses with a cache of two: the first misses both and fills the cache, the
            // second finds both; before the third, a third address drops it, and from then on misses keep
            // dropping and refilling it.
            for (int round = 1; round <= 4; round++) {
                if (round == 3) {
                    try (StanzaCollector toAlice = alice.createStanzaCollector(StanzaTypeFilter.MESSAGE)) {
                        multicast.sendToEach(headline("other-" + round),
                                List.of(new JID("alice@" + HOST + "/tablet")));
                        expectOne(toAlice, "alice@" + HOST + "/tablet", Message.Type.headline);
                    }
                }
                try (StanzaCollector toAlice = alice.createStanzaCollector(StanzaTypeFilter.MESSAGE);
                        StanzaCollector toBob = bob.createStanzaCollector(StanzaTypeFilter.MESSAGE)) {
                    multicast.sendToEach(headline("round-" + round), unprepped);
                    expectOne(toAlice, "alice@" + HOST + "/tablet", Message.Type.headline);
                    expectOne(toBob, "bob@" + HOST + "/desk", Message.Type.headline);
                }
            }
            assertEquals(5, multicast.stanzas(), "every round went through the service as one stanza");
        });
    }

    private interface TwoUsers {
        void run(MulticastSender multicast, XMPPConnection alice, XMPPConnection bob) throws Exception;
    }

    /** Alice and Bob logged in with the given resources, and a component that has found and probed the service. */
    private static void withAliceAndBob(String aliceResource, String bobResource, TwoUsers test) throws Exception {
        Wired wired = Wired.muc();
        ComponentRuntime runtime = wired.runtime();
        try (SmackClients clients = new SmackClients(host)) {
            XMPPConnection alice = clients.login("alice", "alice-pw", aliceResource);
            XMPPConnection bob = clients.login("bob", "bob-pw", bobResource);
            runtime.start();
            awaitTrue(() -> wired.multicast().target() != null, "the service was never found and probed");
            test.run(wired.multicast(), alice, bob);
        } finally {
            runtime.stop(Duration.ofMillis(200));
        }
    }

    private static Message headline(String id) {
        Message m = new Message();
        m.setFrom(new JID(MUC));
        m.setType(Message.Type.headline);
        m.setID(id);
        m.setBody("one for each, " + Message.Type.headline); // what expectOne looks for
        return m;
    }

    @Test
    void itIsAServiceWithItsLimitAndRefusesAUser() throws Exception {
        try (SmackClients clients = new SmackClients(host)) {
            XMPPConnection alice = clients.login("alice", "alice-pw", "laptop");
            DiscoverInfo info = SmackClients.discoInfo(alice, SERVICE);
            assertTrue(info.hasIdentity("service", "multicast"), info.toXML().toString());
            assertTrue(info.containsFeature(MulticastSender.NAMESPACE));
            assertTrue(info.containsFeature(MulticastSender.LINES));
            assertTrue(info.toXML().toString().contains("<value>100</value>"), info.toXML().toString());

            try (StanzaCollector errors = alice.createStanzaCollector(StanzaTypeFilter.MESSAGE)) {
                alice.sendStanza(alice.getStanzaFactory().buildMessageStanza().to(SERVICE).setBody("spam")
                        .addExtension(org.jivesoftware.smack.packet.StandardExtensionElement.builder(
                                "addresses", MulticastSender.NAMESPACE).addElement(
                                        org.jivesoftware.smack.packet.StandardExtensionElement.builder("address",
                                                MulticastSender.NAMESPACE).addAttribute("type", "bcc")
                                                .addAttribute("jid", "alice@" + HOST).build()).build())
                        .build());
                org.jivesoftware.smack.packet.Message error = errors.nextResult(WAIT.toMillis());
                assertNotNull(error);
                assertEquals(StanzaError.Condition.forbidden, error.getError().getCondition());
            }
        }
    }

    @Test
    void aComponentIsRefusedWhatTheServiceDoesNotTakeAndGetsTheAddressesBack() throws Exception {
        withRawComponent((out, raw) -> {
            // XEP-0033 §8; the module's own rules: no relay, bcc only, 100 at most, valid JIDs
            out.send(multicast("r1", "bcc", List.of("someone@elsewhere.example")));
            out.send(multicast("r2", "cc", List.of("alice@" + HOST)));
            List<String> many = new ArrayList<>();
            for (int i = 0; i < 101; i++) {
                many.add("u" + i + "@" + HOST);
            }
            out.send(multicast("r3", "bcc", many));
            out.send(multicast("r4", "bcc", List.of(RAW))); // the probe's shape: it comes back
            out.send(multicast("r5", "bcc", List.of("a@b@" + HOST)));
            assertEquals("forbidden", condition(raw.await(p -> "r1".equals(p.getID()))));
            assertEquals("bad-request", condition(raw.await(p -> "r2".equals(p.getID()))));
            Packet tooMany = raw.await(p -> "r3".equals(p.getID()));
            assertEquals("not-acceptable", condition(tooMany));
            assertEquals(101, tooMany.getElement().element("addresses").elements().size(), "the addresses came back");
            assertEquals("jid-malformed", condition(raw.await(p -> "r5".equals(p.getID()))));
            Packet back = raw.await(p -> "r4".equals(p.getID()));
            assertEquals(RAW, back.getFrom().toString());
            assertEquals(RAW, back.getTo().toString());
            assertNull(back.getElement().element("addresses"));
        });
    }

    /**
     * XEP-0033's list (as ejabberd's mod_multicast takes it) and our lines reach each user alike, also one whose
     * resource holds what XML must escape (RFC 7622 §3.4 allows it; only control characters such as a line feed
     * are forbidden).
     */
    @Test
    void eitherFormOfTheListReachesEachUser() throws Exception {
        String bobResource = "form & <\"lines\">";
        withAliceAndBob("form", bobResource, (multicast, alice, bob) -> {
            for (boolean lines : new boolean[] {false, true}) {
                multicast.use(new MulticastTarget(new JID(SERVICE), HOST, 100, lines));
                try (StanzaCollector toAlice = alice.createStanzaCollector(StanzaTypeFilter.MESSAGE);
                        StanzaCollector toBob = bob.createStanzaCollector(StanzaTypeFilter.MESSAGE)) {
                    multicast.sendToEach(headline("form-" + lines), List.of(new JID("alice@" + HOST + "/form"),
                            new JID("bob@" + HOST + "/" + bobResource)));
                    expectOne(toAlice, "alice@" + HOST + "/form", Message.Type.headline);
                    expectOne(toBob, "bob@" + HOST + "/" + bobResource, Message.Type.headline);
                }
            }
            assertEquals(2, multicast.stanzas(), "each form went through the service as one stanza");
        });
    }

    @Test
    void aListOfLinesIsRefusedForWhatXep0033IsAndForWhatOnlyItCanGetWrong() throws Exception {
        withRawComponent((out, raw) -> {
            out.send(lines("l1", "someone@elsewhere.example\n"));
            List<String> many = new ArrayList<>();
            for (int i = 0; i < 101; i++) {
                many.add("u" + i + "@" + HOST);
            }
            out.send(lines("l2", String.join("\n", many)));
            out.send(lines("l3", "a@b@" + HOST + "\n"));
            out.send(lines("l4", "\n\n"));
            Message both = multicast("l5", "bcc", List.of("alice@" + HOST));
            both.getElement().addElement("bcc", MulticastSender.LINES).setText("alice@" + HOST);
            out.send(both);
            Message child = lines("l6", "alice@" + HOST);
            child.getElement().element("bcc").addElement("address");
            out.send(child);
            out.send(lines("l7", RAW + "\n")); // the probe's shape: it comes back

            assertEquals("forbidden", condition(raw.await(p -> "l1".equals(p.getID()))));
            Packet tooMany = raw.await(p -> "l2".equals(p.getID()));
            assertEquals("not-acceptable", condition(tooMany));
            assertEquals(many, MulticastSender.bccOf(tooMany.getElement()), "the list came back");
            assertEquals("jid-malformed", condition(raw.await(p -> "l3".equals(p.getID()))));
            assertEquals("not-acceptable", condition(raw.await(p -> "l4".equals(p.getID()))), "no address");
            assertEquals("bad-request", condition(raw.await(p -> "l5".equals(p.getID()))));
            assertEquals("bad-request", condition(raw.await(p -> "l6".equals(p.getID()))));
            Packet back = raw.await(p -> "l7".equals(p.getID()));
            assertEquals(RAW, back.getFrom().toString());
            assertEquals("headline", back.getElement().attributeValue("type"), back.toXML());
            assertNull(back.getElement().element("bcc"));
        });
    }

    private interface RawComponent {
        void run(PacketSender out, Recording back) throws Exception;
    }

    /** A bare component on {@code RAW}: what it sends reaches the service as it is; what comes back is recorded. */
    private static void withRawComponent(RawComponent test) throws Exception {
        Recording raw = new Recording();
        ComponentRuntime runtime = runtime(RAW, raw);
        try {
            runtime.start();
            test.run(runtime.sender(), raw);
        } finally {
            runtime.stop(Duration.ofMillis(200));
        }
    }

    private static Message lines(String id, String text) {
        Message m = new Message();
        m.setID(id);
        m.setFrom(new JID(RAW));
        m.setTo(new JID(SERVICE));
        m.setType(Message.Type.headline);
        m.getElement().addElement("bcc", MulticastSender.LINES).setText(text);
        return m;
    }

    private static Message multicast(String id, String type, List<String> jids) {
        Message m = new Message();
        m.setID(id);
        m.setFrom(new JID(RAW));
        m.setTo(new JID(SERVICE));
        m.setType(Message.Type.headline);
        Element list = m.getElement().addElement("addresses", MulticastSender.NAMESPACE);
        for (String jid : jids) {
            list.addElement("address").addAttribute("type", type).addAttribute("jid", jid);
        }
        return m;
    }

    private static String condition(Packet error) {
        assertEquals("error", error.getElement().attributeValue("type"), error.toXML());
        return error.getElement().element("error").elements().get(0).getName();
    }

    private static ComponentRuntime runtime(String domain, ComponentCore core) {
        ConnectParams params = new ConnectParams("127.0.0.1", host.componentPort(domain), domain, SECRET,
                Duration.ofSeconds(5), Duration.ofSeconds(5));
        return ComponentRuntime.overWhack(params, core, RuntimeSettings.defaults());
    }

    private static void expectOne(StanzaCollector collector, String to, Message.Type type)
            throws InterruptedException {
        org.jivesoftware.smack.packet.Message received = collector.nextResult(WAIT.toMillis());
        assertNotNull(received, to + " got no " + type);
        assertEquals(to, received.getTo().toString(), type + " addressed to another user");
        assertEquals("one for each, " + type, received.getBody());
        assertNull(received.getExtensionElement("addresses", MulticastSender.NAMESPACE));
        assertNull(received.getExtensionElement("bcc", MulticastSender.LINES));
        assertNull(collector.pollResult(), to + " got a second " + type);
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String message)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, message);
            Thread.sleep(20);
        }
    }

    /** A component on {@code MUC} that searches the host for the service, its own core a recording. */
    private record Wired(Recording inner, MulticastSender multicast, ComponentRuntime runtime) {
        static Wired muc() {
            Recording inner = new Recording();
            // As the launcher wires it: the multicast sender sends through the runtime built after it.
            MulticastSender multicast = new MulticastSender(inner.sender());
            ComponentRuntime runtime = XcsMulticastOnProsodyTest.runtime(MUC,
                    new MulticastCore(inner, multicast, new JID(MUC), new JID(HOST)));
            inner.next = runtime.sender();
            return new Wired(inner, multicast, runtime);
        }
    }

    /** A core that records what reaches it; its sender goes wherever {@link #next} points. */
    private static final class Recording implements ComponentCore {
        final List<Packet> handled = new CopyOnWriteArrayList<>();
        volatile PacketSender next;

        PacketSender sender() {
            return packet -> next.send(packet);
        }

        @Override
        public void handle(Packet packet) {
            handled.add(packet);
        }

        @Override
        public void drain(Duration timeout) {
        }

        Packet await(Predicate<Packet> which) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                for (Packet p : handled) {
                    if (which.test(p)) {
                        return p;
                    }
                }
                Thread.sleep(20);
            }
            throw new AssertionError("nothing matching arrived; got " + handled);
        }
    }
}
