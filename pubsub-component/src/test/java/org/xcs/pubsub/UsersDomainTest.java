package org.xcs.pubsub;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** XEP-0033 §2.2: the domain the launcher searches for the host's multicast service, from the PubSub options. */
class UsersDomainTest {

    private static String usersDomain(String componentDomain, String... args) {
        PubSubOptions options = new PubSubOptions();
        new CommandLine(options).parseArgs(args);
        return new PubSubModule(options).usersDomain(componentDomain);
    }

    @Test
    void theParentOfTheComponentsDomainByDefault() {
        assertEquals("example.org", usersDomain("pubsub.example.org"));
        assertEquals("localhost", usersDomain("localhost"));
    }

    @Test
    void theHostDomainWhenOneIsGiven() {
        assertEquals("example.org", usersDomain("pubsub.chat.example.net", "--host-domain", "example.org"));
    }
}
