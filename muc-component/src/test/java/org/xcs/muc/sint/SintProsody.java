package org.xcs.muc.sint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.jivesoftware.smackx.disco.packet.DiscoverItems;
import org.xcs.common.harness.ProsodyHost;
import org.xcs.common.harness.SmackClients;
import org.xcs.common.harness.TestHost;

/** The Prosody a SINT run needs, and the checks that it is set up the way SINT expects. */
final class SintProsody {
    static final String DOMAIN = "example.test";

    private SintProsody() {
    }

    /**
     * SINT registers three throw-away accounts per run in-band (XEP-0077) and deletes them afterwards: open
     * registration, and no throttle (Prosody already exempts 127.0.0.1 from it; the option says so explicitly).
     * mod_private serves the XEP-0049 storage some MUC-adjacent tests touch.
     */
    static ProsodyHost.Builder builder() {
        return ProsodyHost.builder(DOMAIN)
                .enableModule("register")
                .enableModule("private")
                .globalConfig("""
                        allow_registration = true
                        min_seconds_between_registrations = 0
                        """);
    }

    /**
     * SINT takes the first MUC service in the host's disco#items that lets its users create a room: exactly one
     * conference service must be listed, the one under test.
     */
    static void assertTheOnlyConferenceServiceIs(TestHost host, String service) throws Exception {
        host.addUser("sint-check", "sint-check-pw");
        try (SmackClients clients = new SmackClients(host)) {
            XMPPConnection client = clients.login("sint-check", "sint-check-pw");
            DiscoverItems items = SmackClients.discoItems(client, host.domain());
            List<String> conferences = new ArrayList<>();
            for (DiscoverItems.Item item : items.getItems()) {
                DiscoverInfo info = SmackClients.discoInfo(client, item.getEntityID().toString());
                if (info.getIdentities().stream().anyMatch(i -> i.getCategory().equals("conference"))) {
                    conferences.add(item.getEntityID().toString());
                }
            }
            assertEquals(List.of(service), conferences, "conference services in disco#items of " + host.domain()
                    + ": " + items.toXML());
        }
    }

    static Path buildDirectory() {
        return Path.of(System.getProperty("basedir", "."), "target");
    }
}
