package org.xcs.bench;

import java.util.ArrayList;
import java.util.List;

/** Every scenario the tool knows, in the order of issue 6. */
final class Scenarios {
    private Scenarios() {
    }

    static List<Scenario> all() {
        List<Scenario> all = new ArrayList<>();
        all.add(new org.xcs.bench.selftest.DriverSelfScenario());
        all.add(org.xcs.bench.muc.MucThroughputScenario.tenRoomsOfTwenty());
        all.add(org.xcs.bench.muc.MucThroughputScenario.oneRoomOfTwoHundred());
        all.add(new org.xcs.bench.muc.MucMemoryScenario());
        all.add(new org.xcs.bench.scenarios.rooms.PersistentRoomsStartup());
        all.add(new org.xcs.bench.scenarios.pubsub.PubSubFanout());
        all.add(new org.xcs.bench.scenarios.pubsub.ItemPages());
        all.add(new org.xcs.bench.scenarios.componentonly.ComponentOnlyCapacity());
        return all;
    }
}
