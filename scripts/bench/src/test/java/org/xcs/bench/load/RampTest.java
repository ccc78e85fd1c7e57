package org.xcs.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoublePredicate;

import org.junit.jupiter.api.Test;
import org.xcs.bench.client.Sender;
import org.xcs.bench.client.TestCounts;

class RampTest {

    /** Serves every rate {@code serves} accepts; the machine's speed of each step comes from {@code speeds} in turn. */
    private static final class ScriptedRunner implements StepRunner {
        final DoublePredicate serves;
        final List<Double> speeds;
        final List<Double> offered = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        int settles;

        ScriptedRunner(DoublePredicate serves, Double... speeds) {
            this.serves = serves;
            this.speeds = List.of(speeds);
        }

        @Override
        public StepResult step(double rate, List<Sender> senders) {
            double speed = offered.size() < speeds.size() ? speeds.get(offered.size()) : 1.0;
            offered.add(rate);
            long expected = 1000;
            return new StepResult(rate, 1.0, TestCounts.of(expected, serves.test(rate) ? expected : expected / 2, 2000),
                    Map.of("host", 0.5), speed);
        }

        @Override
        public void settle(Duration quiet, Duration atMost) {
            settles++;
        }

        @Override
        public void note(String line) {
            notes.add(line);
        }
    }

    private static RampResult run(ScriptedRunner runner) throws InterruptedException {
        return new Ramp(100, 2, 10_000, 9, Criteria.ISSUE_6).run(runner, List.of());
    }

    @Test
    void aRampStopsAtTheFirstStepItsServerFailsOnASteadyMachine() throws InterruptedException {
        ScriptedRunner runner = new ScriptedRunner(rate -> rate <= 400, 1.0, 1.0, 1.0, 1.0);
        RampResult r = run(runner);
        assertEquals(List.of(100.0, 200.0, 400.0, 800.0), runner.offered);
        assertEquals(400, r.saturation());
        assertEquals(800, r.firstFailing().offeredRate());
        assertTrue(runner.notes.isEmpty());
    }

    @Test
    void aStepFailedWhileTheMachineRanSlowIsRunAgainAndTheRepeatDecides() throws InterruptedException {
        // 400/s fails at 60% of the machine's speed, then passes at its usual speed; 800/s fails on a steady machine.
        ScriptedRunner runner = new ScriptedRunner(new DoublePredicate() {
            int calls;

            @Override
            public boolean test(double rate) {
                calls++;
                return rate < 400 || (rate == 400 && calls > 3);
            }
        }, 1.0, 1.0, 0.6, 1.0, 1.0);
        RampResult r = run(runner);
        assertEquals(List.of(100.0, 200.0, 400.0, 400.0, 800.0), runner.offered);
        assertEquals(400, r.saturation());
        assertEquals(800, r.firstFailing().offeredRate());
        assertEquals(5, r.steps().size(), "the slow step stays on record");
        assertEquals(List.of("the machine ran at 60.0% of its best speed: 400.0/s again"), runner.notes);
    }

    @Test
    void aStepThatFailsAgainOnTheSlowMachineEndsTheRampAndNamesTheMachine() throws InterruptedException {
        ScriptedRunner runner = new ScriptedRunner(rate -> rate < 400, 1.0, 1.0, 0.6, 0.6, 0.6, 0.6);
        RampResult r = run(runner);
        // Two retries at most per ramp, then the third slow failure decides.
        assertEquals(List.of(100.0, 200.0, 400.0, 400.0, 400.0), runner.offered);
        assertEquals(200, r.saturation());
        assertEquals("no CPU at its limit (host 50%; machine at 60% of its best speed)", r.limitedBy());
    }

    @Test
    void aPassingStepOnASlowMachineIsNotRepeated() throws InterruptedException {
        ScriptedRunner runner = new ScriptedRunner(rate -> rate <= 200, 0.6, 0.6, 1.0);
        RampResult r = run(runner);
        assertEquals(List.of(100.0, 200.0, 400.0), runner.offered);
        assertEquals(200, r.saturation());
    }

    @Test
    void retriesDoNotCountAgainstTheRampsSteps() throws InterruptedException {
        // Cap of 2 decided steps: 100 passes, 200 fails slow, is repeated and passes; the ramp ends at its cap.
        ScriptedRunner runner = new ScriptedRunner(new DoublePredicate() {
            int calls;

            @Override
            public boolean test(double rate) {
                return ++calls != 2;
            }
        }, 1.0, 0.5, 1.0);
        RampResult r = new Ramp(100, 2, 10_000, 2, Criteria.ISSUE_6).run(runner, List.of());
        assertEquals(List.of(100.0, 200.0, 200.0), runner.offered);
        assertEquals(200, r.saturation());
        assertEquals(1, runner.settles, "one settle before the repeat, none after a ramp that ended passing");
    }
}
