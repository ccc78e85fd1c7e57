package org.xcs.pubsub.pep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.xcs.common.store.InMemoryStore;
import org.xcs.pubsub.service.AccessModel;
import org.xcs.pubsub.service.ItemQuery;
import org.xcs.pubsub.service.Payload;
import org.xcs.pubsub.service.PresenceAudience;
import org.xcs.pubsub.service.PubSubError;
import org.xcs.pubsub.service.PubSubException;
import org.xcs.pubsub.service.PubSubService;
import org.xcs.pubsub.service.ServiceSettings;
import org.xcs.pubsub.store.StoreNodeStore;

/** XEP-0060 §4.5 presence and roster access on the generic service: the node owner's roster, when lent to us. */
class GenericServiceRosterAccessTest {
    static final String OWNER = "owner@example.test";

    final World world = new World();
    final AtomicBoolean granted = new AtomicBoolean();
    final PubSubService service = new PubSubService(new StoreNodeStore(new InMemoryStore()),
            ServiceSettings.defaults().withAccessModels(EnumSet.allOf(AccessModel.class)), b -> true, () -> "id",
            Clock.systemUTC(), new RosterContacts(world, granted::get), PresenceAudience.NONE);

    static PubSubError error(Runnable call) {
        return assertThrows(PubSubException.class, call::run).error();
    }

    @Test
    void withoutTheRosterPermissionPresenceAndRosterAccessStayUnsupported() {
        assertEquals(PubSubError.UNSUPPORTED_ACCESS_PRESENCE, error(() -> service.createNode(OWNER, "n",
                Map.of("pubsub#access_model", List.of("presence")))));
        assertEquals(PubSubError.UNSUPPORTED_ACCESS_ROSTER, error(() -> service.createNode(OWNER, "n",
                Map.of("pubsub#access_model", List.of("roster")))));
    }

    @Test
    void withTheRosterTheNodeOwnersContactsGetIn() {
        granted.set(true);
        world.roster(OWNER, "bob@example.test", "from", "Team").roster(OWNER, "eve@example.test", "none");
        service.createNode(OWNER, "n", Map.of("pubsub#access_model", List.of("presence")));
        service.publish(OWNER, "n", "i1", Payload.of("<x xmlns='urn:x'/>", "urn:x"), null);
        assertEquals(1, service.items("bob@example.test/r", "n", ItemQuery.all()).items().size());
        assertEquals(PubSubError.PRESENCE_SUBSCRIPTION_REQUIRED,
                error(() -> service.items("eve@example.test/r", "n", ItemQuery.all())));

        service.configure(OWNER, "n", Map.of("pubsub#access_model", List.of("roster"),
                "pubsub#roster_groups_allowed", List.of("Team")));
        assertEquals("bob@example.test/r",
                service.subscribe("bob@example.test/r", "n", "bob@example.test/r", null).value().jid());
        assertEquals(PubSubError.NOT_IN_ROSTER_GROUP,
                error(() -> service.subscribe("eve@example.test/r", "n", "eve@example.test/r", null)));
    }
}
