package org.xcs.bench.load;

import java.time.Duration;
import java.util.List;

import org.xcs.bench.client.Sender;

/** What a {@link Ramp} needs of a load runner: offered-rate steps, a pause until the servers are idle, a log line. */
public interface StepRunner {

    /** One step at {@code rate} messages/s in total over {@code senders}. */
    StepResult step(double rate, List<Sender> senders) throws InterruptedException;

    /** Waits until the servers have worked off what an overloaded step left (see {@link LoadRunner#settle}). */
    void settle(Duration quiet, Duration atMost) throws InterruptedException;

    /** A line in the run's log, beside the step lines. */
    void note(String line);
}
