package org.xcs.common.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;

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
            String config = Files.readString(host.directory().resolve("prosody.cfg.lua"));
            assertTrue(config.contains("\"privilege\""), config);
            assertTrue(config.contains("Component \"conference.example.test\" \"muc\""), config);
            try (RawComponent pubsub = RawComponent.attach(host.componentPort(PUBSUB), PUBSUB, PUBSUB_SECRET)) {
                assertTrue(pubsub.accepted(), "component refused with extra config: " + pubsub.streamError());
            }
        }
    }
}
