package org.xcs.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class StepRunnerTest {

    @Test
    void aLightStepOnASteadyMachineRunsOnce() throws InterruptedException {
        ScriptedRunner runner = new ScriptedRunner(new ScriptedRunner.Scripted(true, 0.9));
        StepResult light = runner.steadyStep(20, List.of());
        assertEquals(List.of(20.0), runner.offered);
        assertEquals(0.9, light.machineSpeed());
        assertTrue(runner.notes.isEmpty());
    }

    @Test
    void aLightStepOnASlowMachineRunsOnceMoreAndTheSecondCounts() throws InterruptedException {
        ScriptedRunner runner = new ScriptedRunner(new ScriptedRunner.Scripted(true, 0.7),
                new ScriptedRunner.Scripted(true, 0.6));
        StepResult light = runner.steadyStep(20, List.of());
        assertEquals(List.of(20.0, 20.0), runner.offered);
        assertEquals(0.6, light.machineSpeed(), "once more only, however slow the second");
        assertEquals(List.of("the machine ran at 70.0% of its best speed: 20.0/s again"), runner.notes);
    }
}
