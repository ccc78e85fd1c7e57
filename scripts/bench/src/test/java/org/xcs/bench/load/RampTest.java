package org.xcs.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class RampTest {

    private static ScriptedRunner.Scripted served(double speed) {
        return new ScriptedRunner.Scripted(true, speed);
    }

    private static ScriptedRunner.Scripted failed(double speed) {
        return new ScriptedRunner.Scripted(false, speed);
    }

    private static RampResult run(ScriptedRunner runner) throws InterruptedException {
        return new Ramp(100, 2, 10_000, 9, Criteria.ISSUE_6).run(runner, List.of());
    }

    @Test
    void aRampStopsAtTheFirstStepItsServerFailsOnASteadyMachine() throws InterruptedException {
        ScriptedRunner runner = new ScriptedRunner(served(1.0), served(1.0), served(1.0), failed(1.0));
        RampResult r = run(runner);
        assertEquals(List.of(100.0, 200.0, 400.0, 800.0), runner.offered);
        assertEquals(400, r.saturation());
        assertEquals(800, r.firstFailing().offeredRate());
        assertTrue(runner.notes.isEmpty());
    }

    @Test
    void aStepFailedWhileTheMachineRanSlowIsRunAgainAndTheRepeatDecides() throws InterruptedException {
        ScriptedRunner runner = new ScriptedRunner(served(1.0), served(1.0), failed(0.6), served(1.0), failed(1.0));
        RampResult r = run(runner);
        assertEquals(List.of(100.0, 200.0, 400.0, 400.0, 800.0), runner.offered);
        assertEquals(400, r.saturation());
        assertEquals(800, r.firstFailing().offeredRate());
        assertEquals(5, r.steps().size(), "the slow step stays on record");
        assertEquals(List.of("the machine ran at 60.0% of its best speed: 400.0/s again"), runner.notes);
    }

    @Test
    void aStepThatFailsAgainOnTheSlowMachineEndsTheRampAndNamesTheMachine() throws InterruptedException {
        ScriptedRunner runner = new ScriptedRunner(served(1.0), served(1.0), failed(0.6), failed(0.6), failed(0.6));
        RampResult r = run(runner);
        // Two retries at most per ramp, then the third slow failure decides.
        assertEquals(List.of(100.0, 200.0, 400.0, 400.0, 400.0), runner.offered);
        assertEquals(200, r.saturation());
        assertEquals("no CPU at its limit (host 50%; machine at 60.0% of its best speed)", r.limitedBy());
    }

    @Test
    void aPassingStepOnASlowMachineIsNotRepeated() throws InterruptedException {
        ScriptedRunner runner = new ScriptedRunner(served(0.6), served(0.6), failed(1.0));
        RampResult r = run(runner);
        assertEquals(List.of(100.0, 200.0, 400.0), runner.offered);
        assertEquals(200, r.saturation());
    }

    @Test
    void retriesDoNotCountAgainstTheRampsSteps() throws InterruptedException {
        // Cap of 2 decided steps: 100 passes, 200 fails slow, is repeated and passes; the ramp ends at its cap.
        ScriptedRunner runner = new ScriptedRunner(served(1.0), failed(0.5), served(1.0));
        RampResult r = new Ramp(100, 2, 10_000, 2, Criteria.ISSUE_6).run(runner, List.of());
        assertEquals(List.of(100.0, 200.0, 200.0), runner.offered);
        assertEquals(200, r.saturation());
        assertEquals(1, runner.settles, "one settle before the repeat, none after a ramp that ended passing");
    }
}
