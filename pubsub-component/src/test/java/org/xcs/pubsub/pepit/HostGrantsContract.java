package org.xcs.pubsub.pepit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.dom4j.Element;
import org.jivesoftware.smack.StanzaCollector;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smackx.pubsub.PayloadItem;
import org.jivesoftware.smackx.pubsub.PublishItem;
import org.jivesoftware.smackx.pubsub.SimplePayload;
import org.jivesoftware.smackx.pubsub.packet.PubSub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.xcs.common.harness.RawComponent;
import org.xcs.common.harness.SmackClients;
import org.xcs.common.harness.TestHost;

/**
 * What a host configured with {@code scripts/xcs-pep-config} grants the PEP component, seen by a bare XEP-0114
 * client (no code of ours): the XEP-0356 {@code <privilege/>} message with the permissions, the XEP-0355
 * {@code <delegation/>} message(s) with both pubsub namespaces, and a user's publish to their own bare JID arriving
 * as a delegated IQ, whose wrapped result reaches the user. Proves the printed snippets, independently of the
 * component.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HostGrantsContract {
    static final String DOMAIN = "example.test";
    static final String COMPONENT = "pubsub." + DOMAIN;
    static final String SECRET = "s3cret-pep-grants";
    static final String PUBSUB = "http://jabber.org/protocol/pubsub";
    static final String PUBSUB_OWNER = "http://jabber.org/protocol/pubsub#owner";
    static final String FORWARD = "urn:xmpp:forward:0";
    private static final Duration QUIET = Duration.ofSeconds(2);

    private TestHost host;

    protected abstract void requireInstalled();

    protected abstract TestHost newHost();

    /** {@code urn:xmpp:privilege:N}: 2 for Prosody's modules, 1 for ejabberd 23.01. */
    protected abstract String privilegeNs();

    protected abstract String delegationNs();

    /** access -> type as configured by the script for this host. */
    protected abstract Map<String, String> expectedPermissions();

    @BeforeAll
    void start() {
        requireInstalled();
        host = newHost();
        host.start();
        host.addUser("alice", "alice-pw");
    }

    @AfterAll
    void stop() {
        if (host != null) {
            host.close();
        }
    }

    @Test
    void onConnectTheHostGrantsThePrivilegesAndDelegatesBothPubSubNamespaces() throws Exception {
        try (RawComponent component = RawComponent.attach(host.componentPort(COMPONENT), COMPONENT, SECRET)) {
            assertTrue(component.accepted(), "handshake refused: " + component.streamError());
            List<Element> stanzas = takeGrants(component);
            String dump = dump(stanzas);

            // XEP-0356 §4 (v1 §5): one <privilege/> message from the host with one <perm/> per access.
            List<Element> privileges = children(stanzas, "message", "privilege", privilegeNs());
            assertEquals(1, privileges.size(), "privilege messages:\n" + dump);
            assertEquals(DOMAIN, privileges.get(0).getParent().attributeValue("from"), dump);
            Map<String, String> perms = new TreeMap<>();
            privileges.get(0).elements("perm").forEach(p -> perms.put(p.attributeValue("access"),
                    p.attributeValue("type")));
            assertEquals(new TreeMap<>(expectedPermissions()), perms, dump);

            // XEP-0355 §4.2: the delegated namespaces, in one or more <delegation/> messages (ejabberd repeats them).
            Set<String> delegated = new TreeSet<>();
            for (Element delegation : children(stanzas, "message", "delegation", delegationNs())) {
                assertEquals(DOMAIN, delegation.getParent().attributeValue("from"), dump);
                delegation.elements("delegated").forEach(d -> delegated.add(d.attributeValue("namespace")));
            }
            assertEquals(Set.of(PUBSUB, PUBSUB_OWNER), delegated, dump);
        }
    }

    // XEP-0355 §5 (admin mode): a user's IQ to their own bare JID in a delegated namespace is forwarded to the
    // managing entity, and the result it wraps goes back to the user (XEP-0163 §3: the bare JID is the PEP service).
    @Test
    void aUsersPublishToTheirOwnBareJidIsDelegatedAndTheWrappedResultReachesThem() throws Exception {
        try (RawComponent component = RawComponent.attach(host.componentPort(COMPONENT), COMPONENT, SECRET);
             SmackClients clients = new SmackClients(host)) {
            takeGrants(component); // checked above
            XMPPConnection alice = clients.login("alice", "alice-pw", "phone");
            PubSub publish = PubSub.createPubsubPacket(alice.getUser().asBareJid(), IQ.Type.set,
                    new PublishItem<>("http://jabber.org/protocol/tune",
                            new PayloadItem<>("current", new SimplePayload(
                                    "<tune xmlns='http://jabber.org/protocol/tune'><title>Yesterday</title></tune>"))));
            StanzaCollector reply = alice.createStanzaCollectorAndSend(publish);

            Element forwarded = awaitDelegatedIq(component);
            Element outer = forwarded.getParent().getParent();
            Element inner = forwarded.element("iq");
            assertEquals("set", outer.attributeValue("type"), outer.asXML());
            assertEquals(DOMAIN, outer.attributeValue("from"), outer.asXML());
            assertEquals(alice.getUser().toString(), inner.attributeValue("from"), inner.asXML());
            assertEquals(publish.getStanzaId(), inner.attributeValue("id"), inner.asXML());
            Element pubsub = inner.element("pubsub");
            assertNotNull(pubsub, inner.asXML());
            assertEquals("http://jabber.org/protocol/tune", pubsub.element("publish").attributeValue("node"));

            // The reply shape hosts.md records: the inner iq in jabber:client, its id and to kept.
            component.send("<iq type='result' from='" + COMPONENT + "' to='" + DOMAIN + "' id='"
                    + outer.attributeValue("id") + "'><delegation xmlns='" + delegationNs() + "'><forwarded xmlns='"
                    + FORWARD + "'><iq xmlns='jabber:client' type='result' id='" + inner.attributeValue("id")
                    + "' from='" + alice.getUser().asBareJid() + "' to='" + alice.getUser() + "'><pubsub xmlns='"
                    + PUBSUB + "'><publish node='http://jabber.org/protocol/tune'><item id='current'/></publish>"
                    + "</pubsub></iq></forwarded></delegation></iq>");
            IQ result = reply.nextResult(SmackClients.REPLY_TIMEOUT.toMillis());
            reply.cancel();
            assertNotNull(result, "the wrapped result never reached alice; the component then got:\n"
                    + dump(component.stanzasUntilQuiet(QUIET, QUIET)) + host.logTail(30));
            assertEquals(IQ.Type.result, result.getType(), result.toXML().toString());
        }
    }

    /**
     * Everything the host sends on connect until it falls quiet, answering its XEP-0355 §7.2 disco#info queries on
     * the {@code urn:xmpp:delegation:N::NS} / {@code :bare:NS} nodes as a managing entity does (the node echoed, as
     * Prosody requires): ejabberd sends the {@code <delegation/>} message only after these answers.
     */
    private List<Element> takeGrants(RawComponent component) throws InterruptedException {
        List<Element> stanzas = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Element stanza;
        while (System.nanoTime() < deadline && (stanza = component.nextStanza(QUIET)) != null) {
            stanzas.add(stanza);
            Element query = stanza.getName().equals("iq") && "get".equals(stanza.attributeValue("type"))
                    ? stanza.element("query") : null;
            if (query != null && "http://jabber.org/protocol/disco#info".equals(query.getNamespaceURI())) {
                String node = query.attributeValue("node");
                String namespace = node == null ? PUBSUB : node.substring(node.indexOf("http"));
                component.send("<iq type='result' from='" + COMPONENT + "' to='" + stanza.attributeValue("from")
                        + "' id='" + stanza.attributeValue("id") + "'><query xmlns='http://jabber.org/protocol/disco#info'"
                        + (node == null ? "" : " node='" + node + "'") + "><identity category='pubsub' type='pep'/>"
                        + "<feature var='" + namespace + "'/></query></iq>");
            }
        }
        return stanzas;
    }

    private Element awaitDelegatedIq(RawComponent component) throws InterruptedException {
        List<Element> seen = new ArrayList<>();
        long deadline = System.nanoTime() + SmackClients.REPLY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Element stanza = component.nextStanza(Duration.ofMillis(500));
            if (stanza == null) {
                continue;
            }
            seen.add(stanza);
            Element delegation = stanza.getName().equals("iq") ? stanza.element("delegation") : null;
            if (delegation != null && delegationNs().equals(delegation.getNamespaceURI())
                    && delegation.element("forwarded") != null) {
                return delegation.element("forwarded");
            }
        }
        throw new AssertionError("no delegated IQ reached the component; it got:\n" + dump(seen) + "\n"
                + host.logTail(30));
    }

    private static List<Element> children(List<Element> stanzas, String stanza, String child, String ns) {
        List<Element> found = new ArrayList<>();
        for (Element s : stanzas) {
            if (s.getName().equals(stanza)) {
                s.elements().stream()
                        .filter(e -> e.getName().equals(child) && ns.equals(e.getNamespaceURI()))
                        .forEach(found::add);
            }
        }
        return found;
    }

    static String dump(List<Element> stanzas) {
        StringBuilder out = new StringBuilder();
        stanzas.forEach(s -> out.append("  ").append(s.asXML()).append('\n'));
        return out.toString();
    }
}
