package org.xcs.bench.load;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.xcs.bench.client.Sender;

/** What a {@link Ramp} needs of a load runner: offered-rate steps, a pause until the servers are idle, a log line. */
public interface StepRunner {

    /** One step at {@code rate} messages/s in total over {@code senders}. */
    StepResult step(double rate, List<Sender> senders) throws InterruptedException;

    /** Waits until the servers have worked off what an overloaded step left (see {@link LoadRunner#settle}). */
    void settle(Duration quiet, Duration atMost) throws InterruptedException;

    /** A line in the run's log, beside the step lines. */
    void note(String line);

    /**
     * A step whose latency is the figure (light load): when the machine ran slow during it ({@link
     * StepResult#slowMachine()}), it is run once more and the second one counts, as a {@link Ramp} does with a failed
     * step. Either system's step gets the same second chance.
     */
    default StepResult steadyStep(double rate, List<Sender> senders) throws InterruptedException {
        StepResult first = step(rate, senders);
        if (!first.slowMachine()) {
            return first;
        }
        note(runAgain(first));
        return step(rate, senders);
    }

    /** The log line for a step run again because the machine ran slow during it. */
    static String runAgain(StepResult slow) {
        return String.format(Locale.ROOT, "the machine ran at %s of its best speed: %.1f/s again",
                StepResult.speedPercent(slow.machineSpeed()), slow.offeredRate());
    }
}
