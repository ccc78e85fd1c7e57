package org.xcs.pubsub.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.function.Executable;
import org.xcs.common.store.InMemoryStore;
import org.xcs.common.store.Store;
import org.xcs.pubsub.store.CachingNodeStore;
import org.xcs.pubsub.store.NodeStore;
import org.xcs.pubsub.store.StoreNodeStore;

/** A service over an in-memory store (with the subscription cache the component uses), host domain example.test, counting ids, a clock tests move. */
final class Fixture {

    static final String OWNER = "owner@example.test/desk";
    static final String ALICE = "alice@example.test/phone";
    static final String BOB = "bob@example.test/laptop";
    static final String OUTSIDER = "eve@elsewhere.test/x";

    final MovableClock clock = new MovableClock();
    final Store store;
    final NodeStore nodes;
    final PubSubService service;

    Fixture() {
        this(ServiceSettings.defaults());
    }

    Fixture(ServiceSettings settings) {
        this(new InMemoryStore(), settings);
    }

    Fixture(Store store, ServiceSettings settings) {
        this.store = store;
        this.nodes = new CachingNodeStore(new StoreNodeStore(store)); // as the component wires it
        AtomicLong counter = new AtomicLong();
        this.service = new PubSubService(nodes, settings, CreationPolicy.hostUsers(Set.of("example.test")),
                () -> "id-" + counter.incrementAndGet(), clock);
    }

    /** Creates {@code node} owned by {@link #OWNER} with these config fields. */
    String leaf(String node, String... fields) {
        return service.createNode(OWNER, node, form(fields)).value();
    }

    String collection(String node, String... fields) {
        String[] all = new String[fields.length + 2];
        all[0] = "pubsub#node_type";
        all[1] = "collection";
        System.arraycopy(fields, 0, all, 2, fields.length);
        return leaf(node, all);
    }

    /** Field values from var/value pairs; a value with commas is a multi-value field. */
    static Map<String, List<String>> form(String... pairs) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put(pairs[i], pairs[i + 1].isEmpty() ? List.of() : List.of(pairs[i + 1].split(",")));
        }
        return out;
    }

    static Payload entry(String text) {
        return Payload.of("<entry xmlns='http://www.w3.org/2005/Atom'>" + text + "</entry>",
                "http://www.w3.org/2005/Atom");
    }

    static void assertError(PubSubError expected, Executable call) {
        PubSubException e = assertThrows(PubSubException.class, call);
        assertEquals(expected, e.error(), e.getMessage());
    }

    static List<String> recipients(Outcome<?> outcome) {
        return outcome.notifications().stream().map(Notification::recipient).toList();
    }

    static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2024-01-01T00:00:00Z");

        void advanceSeconds(long s) {
            now = now.plusSeconds(s);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
