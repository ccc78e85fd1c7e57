package org.xcs.bench.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.xcs.bench.proc.MachineSpeed.Sample;

class MachineSpeedTest {

    private static final List<Sample> RUN = List.of(new Sample(10, 100), new Sample(20, 200), new Sample(30, 200),
            new Sample(40, 300), new Sample(50, 100));

    @Test
    void anIntervalsSpeedIsItsMedianTimingAgainstTheFastestOfTheRun() {
        assertEquals(0.5, MachineSpeed.relativeSpeed(RUN, 15, 45), 1e-9); // 200 of [200, 200, 300] against 100
        assertEquals(1 / 3.0, MachineSpeed.relativeSpeed(RUN, 35, 45), 1e-9);
        assertEquals(1.0, MachineSpeed.relativeSpeed(RUN, 50, 50), 1e-9);
        assertEquals(100 / 150.0, MachineSpeed.relativeSpeed(RUN, 0, 25), 1e-9); // an even count: the middle two
    }

    @Test
    void anIntervalWithoutATimingHasNoSpeed() {
        assertTrue(Double.isNaN(MachineSpeed.relativeSpeed(RUN, 11, 19)));
        assertTrue(Double.isNaN(MachineSpeed.relativeSpeed(List.of(), 0, Long.MAX_VALUE)));
    }

    @Test
    void aStartedProbeTimesTheMachineEveryPeriod() throws InterruptedException {
        long from = System.nanoTime();
        MachineSpeed speed = MachineSpeed.started();
        long deadline = from + 10_000_000_000L;
        double measured = Double.NaN;
        while (Double.isNaN(measured) && System.nanoTime() < deadline) {
            Thread.sleep(MachineSpeed.PERIOD_MS);
            measured = speed.relativeSpeed(from, System.nanoTime());
        }
        assertTrue(measured > 0 && measured <= 1.0, "speed " + measured);
    }
}
