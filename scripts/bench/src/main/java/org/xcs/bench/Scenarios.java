package org.xcs.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /**
     * Scenarios that create nodes on the built-in PubSub services. Not at once, even in a smoke run: ejabberd
     * 23.01's mod_pubsub answered one of two node creations by two users at the same moment with an error
     * (reproduced 3 times in 3 smoke runs that ran these two scenarios at once).
     */
    private static final Set<String> BUILTIN_PUBSUB = Set.of("pubsub-100subs", "pubsub-100k-items");

    /**
     * A smoke run's lanes, in order: each lane runs its scenarios one after the other, the lanes run at once. Every
     * scenario has a lane of its own, but those on the built-in PubSub services share one.
     */
    static List<List<Scenario>> smokeLanes(List<Scenario> scenarios) {
        Map<String, List<Scenario>> lanes = new LinkedHashMap<>();
        for (Scenario s : scenarios) {
            lanes.computeIfAbsent(BUILTIN_PUBSUB.contains(s.id()) ? "builtin-pubsub" : s.id(), k -> new ArrayList<>())
                    .add(s);
        }
        return List.copyOf(lanes.values());
    }
}
