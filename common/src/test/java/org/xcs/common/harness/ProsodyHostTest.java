package org.xcs.common.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;

import org.dom4j.Element;
import org.junit.jupiter.api.Test;

@RealHostTest
class ProsodyHostTest extends HostHarnessContract {

    @Override
    void requireInstalled() {
        HostTests.requireProsody();
    }

    @Override
    TestHost newHost() {
        return ProsodyHost.builder(DOMAIN)
                .component(MUC, MUC_SECRET)
                .component(PUBSUB, PUBSUB_SECRET)
                .build();
    }

    @Test
    void allComponentsShareTheOneComponentPort() {
        assertEquals(host().componentPort(MUC), host().componentPort(PUBSUB));
        assertEquals(host().componentPort(MUC), ((ProsodyHost) host()).sharedComponentPort());
    }

    // Prosody opens no component port without a Component section: the harness must not wait for one.
    @Test
    void startsWithoutAnyDeclaredComponent() {
        try (ProsodyHost bare = ProsodyHost.builder(DOMAIN).startTimeout(Duration.ofSeconds(10)).build();
             SmackClients clients = new SmackClients(bare)) {
            bare.start();
            bare.addUser("carol", "carol-pw");
            assertTrue(clients.login("carol", "carol-pw").isAuthenticated());
        }
    }

    @Test
    void extraConfigLandsInTheGeneratedConfig() throws Exception {
        try (ProsodyHost host = ProsodyHost.builder(DOMAIN)
                .component(PUBSUB, PUBSUB_SECRET)
                .enableModule("privilege")
                .hostConfig("privileged_entities = { [\"" + PUBSUB + "\"] = { roster = \"get\" } }")
                .componentConfig(PUBSUB, "modules_enabled = { \"privilege\" }")
                .trailingConfig("Component \"conference." + DOMAIN + "\" \"muc\"")
                .build()) {
            host.start();
            String config = Files.readString(host.configFile());
            assertTrue(config.contains("\"privilege\""), config);
            assertTrue(config.contains("Component \"conference.example.test\" \"muc\""), config);
            try (RawComponent pubsub = RawComponent.attach(host.componentPort(PUBSUB), PUBSUB, PUBSUB_SECRET)) {
                assertTrue(pubsub.accepted(), "component refused with extra config: " + pubsub.streamError());
            }
        }
    }

    // Why org.xcs.common.component.StanzaSizeGuard exists: mod_component's component_stanza_size_limit, 512 KiB.
    @Test
    void aComponentStanzaAbove512KiBClosesTheComponentStreamWhileOneBelowIsRouted() throws Exception {
        try (RawComponent muc = RawComponent.attach(host().componentPort(MUC), MUC, MUC_SECRET)) {
            assertTrue(muc.accepted(), "component refused: " + muc.streamError());
            muc.send(bigMessage("below", 400 * 1024));
            Element bounce = muc.nextStanza(Duration.ofSeconds(10));
            assertEquals("message", bounce == null ? null : bounce.getName(), "the 400 KiB message came back as an"
                    + " error from the nonexistent user, the stream alive");
            assertEquals("error", bounce.attributeValue("type"));
            muc.send(bigMessage("above", 600 * 1024));
            Element next = muc.nextStanza(Duration.ofSeconds(10));
            assertEquals("error", next == null ? null : next.getName(), "a stream error, not a routed stanza");
            assertEquals("http://etherx.jabber.org/streams", next.getNamespaceURI());
        }
    }

    private static String bigMessage(String id, int bytes) {
        return "<message id='" + id + "' from='" + MUC + "' to='nobody@" + DOMAIN + "' type='chat'><body>"
                + "x".repeat(bytes) + "</body></message>";
    }
}
