package org.xcs.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xcs.bench.report.Figure;
import org.xcs.bench.report.Results;
import org.xcs.common.harness.HostTests;
import org.xcs.common.harness.RealHostTest;

/**
 * The few-second run of the whole tool (issue 6): every registered scenario, tiny loads, one step, on both hosts.
 * Figures mean nothing here; what is checked is that each scenario ran and really counted what it received: every
 * scenario reports a "deliveries counted" figure (see BENCHMARKS.md) and it is above zero. To take seconds, the smoke
 * run shares one started host per kind (with our MUC and PubSub attached) across the scenarios, runs the scenarios
 * and the hosts of a scenario at once (Main, Scenarios#smokeLanes, BenchSettings#forEachHost) and our MUC and PubSub
 * inside this JVM (InProcessComponent); every scenario still goes through real hosts (or stand-ins) and our real
 * component code on its real XEP-0114 runtime.
 */
@RealHostTest
class BenchSmokeTest {
    static final String DELIVERIES_COUNTED = "deliveries counted";

    @TempDir
    Path work;

    @BeforeAll
    static void hosts() {
        HostTests.requireProsody();
        HostTests.requireEjabberd();
    }

    @Test
    void everyScenarioRunsAndCountsDeliveriesInASmokeRun() throws Exception {
        BenchSettings smoke = new BenchSettings(true, 1, Main.SMOKE_STEP, List.of("prosody", "ejabberd"), work);
        Results results = Main.run(smoke, List.of());
        results.printTable(System.out);
        // A scenario that failed on one host may still have figures from the other: its failure is in the notes.
        List<String> failed = results.notes().keySet().stream().filter(k -> k.startsWith("FAILED ")).toList();
        assertTrue(failed.isEmpty(), "failed: " + failed + " " + results.notes());
        for (Scenario scenario : Scenarios.all()) {
            List<Figure> mine = results.all().stream()
                    .filter(f -> f.scenario().equals(scenario.id()) || f.scenario().startsWith(scenario.id() + "-"))
                    .toList(); // a scenario may split its figures by variant, e.g. pubsub-100subs-stored
            assertFalse(mine.isEmpty(), scenario.id() + " produced no figures");
            List<Figure> counted = mine.stream().filter(f -> f.metric().equals(DELIVERIES_COUNTED)).toList();
            assertFalse(counted.isEmpty(), scenario.id() + " reports no '" + DELIVERIES_COUNTED + "' figure");
            for (Figure f : counted) {
                assertTrue(f.min() > 0, scenario.id() + " " + f.host() + " " + f.system() + " counted nothing");
            }
            for (Figure f : mine) {
                assertTrue(f.samples().stream().allMatch(Double::isFinite), "not finite: " + f);
            }
        }
        Set<String> hosts = results.all().stream().map(Figure::host).collect(Collectors.toSet());
        assertTrue(hosts.contains("prosody") && hosts.contains("ejabberd"), "both hosts measured: " + hosts);
    }
}
