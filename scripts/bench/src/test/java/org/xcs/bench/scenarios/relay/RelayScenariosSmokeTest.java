package org.xcs.bench.scenarios.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xcs.bench.BenchSettings;
import org.xcs.bench.report.Figure;
import org.xcs.bench.report.Results;
import org.xcs.common.harness.HostTests;
import org.xcs.common.harness.RealHostTest;

/**
 * The smoke runs of scenarios 8 and 9 exercise the whole path (coturn and our relay started, allocations, channel
 * round trips, activation, transfers) and must produce every figure, for every system, from measured traffic.
 * Only that the tool works is checked here: the figures of a smoke run mean nothing.
 */
@RealHostTest
class RelayScenariosSmokeTest {

    private static BenchSettings smoke(Path dir) {
        return new BenchSettings(true, 1, Duration.ofMillis(700), List.of("prosody"), dir);
    }

    private static Figure figure(Results results, String scenario, String system, String metric) {
        List<Figure> found = results.all().stream().filter(f -> f.scenario().equals(scenario)
                && f.system().equals(system) && f.metric().equals(metric)).toList();
        assertEquals(1, found.size(), scenario + "/" + system + "/" + metric + " in " + results.all());
        return found.get(0);
    }

    @Test
    void turnSmokeRunMeasuresRoundTripsAndEchoesThroughCoturnOursAndTheDirectEcho(@TempDir Path dir)
            throws Exception {
        HostTests.requireProsody();
        assertTrue(Files.isExecutable(Coturn.BINARY), "install coturn: apt-get install -y coturn");
        Results results = new Results();
        new TurnScenario().run(smoke(dir), results);
        for (String system : List.of(TurnScenario.COTURN, TurnScenario.OURS, TurnScenario.ECHO)) {
            assertTrue(figure(results, "turn", system, "rtt p50").median() > 0, system);
            assertTrue(figure(results, "turn", system, "echoes/s").median() > 0, system);
        }
        assertEquals(TurnScenario.COTURN, figure(results, "turn", TurnScenario.OURS, "echoes/s").anchor());
        assertTrue(results.advantage(figure(results, "turn", TurnScenario.OURS, "rtt p50")).isPresent());
    }

    @Test
    void socks5SmokeRunMovesOneMebibyteThroughBothProxiesAndDirect(@TempDir Path dir) throws Exception {
        HostTests.requireProsody();
        Results results = new Results();
        new Socks5Scenario().run(smoke(dir), results);
        for (String system : List.of(Socks5Scenario.PROSODY, Socks5Scenario.OURS, Socks5Scenario.DIRECT)) {
            assertTrue(figure(results, "socks5", system, "throughput").median() > 0, system);
        }
        assertEquals(Socks5Scenario.PROSODY, figure(results, "socks5", Socks5Scenario.OURS, "throughput").anchor());
    }
}
