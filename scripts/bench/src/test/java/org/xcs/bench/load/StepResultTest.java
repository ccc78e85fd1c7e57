package org.xcs.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

class StepResultTest {

    private static StepResult step(double hostCores, double machineSpeed) {
        return new StepResult(100, 2.0, null, Map.of("host", hostCores), machineSpeed);
    }

    @Test
    void aStepOnASlowedMachineNamesItAmongWhatLimitedIt() {
        assertEquals("host CPU 95% (host 95%; machine at 58.0% of its best speed)", step(0.95, 0.58).limitedBy());
        assertEquals("no CPU at its limit (host 40%; machine at 84.0% of its best speed)",
                step(0.40, 0.84).limitedBy());
    }

    @Test
    void aSpeedJustUnderTheThresholdNeverReadsAsTheThreshold() {
        assertEquals("no CPU at its limit (host 40%; machine at 84.9% of its best speed)",
                step(0.40, 0.8497).limitedBy());
        assertEquals("the machine ran at 84.9% of its best speed: 100.0/s again",
                StepRunner.runAgain(step(0.40, 0.8497)));
    }

    @Test
    void aStepAtTheMachinesUsualSpeedOrUnmeasuredDoesNot() {
        assertEquals("host CPU 95% (host 95%)", step(0.95, 0.85).limitedBy());
        assertEquals("host CPU 95% (host 95%)", step(0.95, 1.0).limitedBy());
        assertEquals("host CPU 95% (host 95%)", step(0.95, Double.NaN).limitedBy());
    }
}
