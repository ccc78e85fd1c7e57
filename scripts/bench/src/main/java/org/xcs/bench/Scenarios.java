package org.xcs.bench;

import java.util.ArrayList;
import java.util.List;
import org.xcs.bench.scenarios.relay.Socks5Scenario;
import org.xcs.bench.scenarios.relay.TurnScenario;

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
        all.add(new TurnScenario());
        all.add(new Socks5Scenario());
        return all;
    }
}
