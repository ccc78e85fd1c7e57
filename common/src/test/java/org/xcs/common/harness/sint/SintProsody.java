package org.xcs.common.harness.sint;

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
public final class SintProsody {
    public static final String DOMAIN = "example.test";

    private SintProsody() {
    }

    /**
     * SINT registers three throw-away accounts per run in-band (XEP-0077) and deletes them afterwards: open
     * registration, and no throttle (Prosody already exempts 127.0.0.1 from it; the option says so explicitly).
     * mod_private serves the XEP-0049 storage some MUC-adjacent tests touch.
     */
    public static ProsodyHost.Builder builder() {
        return ProsodyHost.builder(DOMAIN)
                .enableModule("register")
                .enableModule("private")
                .globalConfig("""
                        allow_registration = true
                        min_seconds_between_registrations = 0
                        """);
    }

    /**
     * SINT takes the first service of the suite's kind in the host's disco#items (the first MUC service that lets its
     * users create a room, the first PubSub service): exactly one service of that identity category must be listed,
     * the one under test.
     */
    public static void assertTheOnlyServiceIs(SintSuite suite, TestHost host, String service) throws Exception {
        host.addUser("sint-check", "sint-check-pw");
        try (SmackClients clients = new SmackClients(host)) {
            XMPPConnection client = clients.login("sint-check", "sint-check-pw");
            DiscoverItems items = SmackClients.discoItems(client, host.domain());
            List<String> services = new ArrayList<>();
            for (DiscoverItems.Item item : items.getItems()) {
                DiscoverInfo info = SmackClients.discoInfo(client, item.getEntityID().toString());
                if (info.getIdentities().stream().anyMatch(i -> i.getCategory().equals(suite.serviceCategory()))) {
                    services.add(item.getEntityID().toString());
                }
            }
            assertEquals(List.of(service), services, suite.serviceCategory() + " services in disco#items of " + host.domain()
                    + ": " + items.toXML());
        }
    }

    public static Path buildDirectory() {
        return Path.of(System.getProperty("basedir", "."), "target");
    }
}
