package org.xcs.pubsub.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.xcs.pubsub.service.Fixture.ALICE;
import static org.xcs.pubsub.service.Fixture.OWNER;
import static org.xcs.pubsub.service.Fixture.entry;
import static org.xcs.pubsub.service.Fixture.form;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xcs.common.store.FileStore;

/** The service over the file store: what a call committed is there after a restart, what it refused is not. */
class PersistenceTest {

    @TempDir
    Path dir;

    @Test
    void nodesConfigurationAffiliationsSubscriptionsAndItemsSurviveARestart() {
        Fixture before = new Fixture(FileStore.open(dir, "pubsub", 1), ServiceSettings.defaults());
        before.leaf("n", "pubsub#title", "Persistent", "pubsub#access_model", "authorize");
        before.service.publish(OWNER, "n", "i1", entry("one"), null);
        before.service.subscribe(ALICE, "n", ALICE, null);
        Fixture.assertError(PubSubError.INVALID_CONFIG,
                () -> before.service.configure(OWNER, "n", form("pubsub#title", "lost", "pubsub#max_items", "x")));
        before.store.close();

        Fixture after = new Fixture(FileStore.open(dir, "pubsub", 1), ServiceSettings.defaults());
        try {
            assertEquals("Persistent", after.service.configuration(OWNER, "n").title());
            assertEquals(List.of("i1"), after.service.items(OWNER, "n", ItemQuery.all()).items().stream()
                    .map(Item::id).toList());
            assertEquals(1, after.service.pending(OWNER, "n").size());
            assertEquals(Affiliation.OWNER, after.service.ownAffiliations(OWNER, "n").get(0).affiliation());
        } finally {
            after.store.close();
        }
    }
}
