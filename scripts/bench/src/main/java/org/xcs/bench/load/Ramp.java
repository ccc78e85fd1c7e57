package org.xcs.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.xcs.bench.client.Sender;

/**
 * An ascending ramp of offered rates {@code start, start*factor, ...} up to {@code maxRate} and {@code maxSteps}
 * steps; it stops at the first step that fails the criteria. When the very first step already fails, it steps DOWN
 * (bounded by {@code maxSteps} too) so that a ramp started from an earlier estimate still finds a served rate.
 *
 * <p>A step that fails while the machine ran slower than usual ({@link StepResult#slowMachine()}) is run again at
 * the same rate, at most {@link #MAX_RETRIES} times per ramp: this VM's CPUs slow down by up to 1.8x for seconds at
 * a time, and such a stretch would otherwise end a ramp one step early for reasons of the machine, on either system's
 * ramp. The repeated step decides; both stay in {@link RampResult#steps()}.
 */
public record Ramp(double start, double factor, double maxRate, int maxSteps, Criteria criteria) {

    /** Retries per ramp: a machine that stays slow is reported as such (in "limited by"), not waited out. */
    static final int MAX_RETRIES = 2;

    private static final Duration SETTLE_QUIET = Duration.ofMillis(500);
    private static final Duration SETTLE_AT_MOST = Duration.ofSeconds(10);

    public Ramp {
        if (start <= 0 || factor <= 1 || maxSteps < 1) {
            throw new IllegalArgumentException("ramp needs start > 0, factor > 1, maxSteps >= 1");
        }
    }

    public RampResult run(StepRunner runner, List<Sender> senders) throws InterruptedException {
        List<StepResult> steps = new ArrayList<>();
        StepResult lastPassing = null;
        StepResult firstFailing = null;
        double rate = Math.min(start, maxRate);
        boolean descending = false;
        int retries = 0;
        int decided = 0;
        while (decided < maxSteps) {
            StepResult step = runner.step(rate, senders);
            steps.add(step);
            boolean passes = criteria.passes(step);
            if (!passes && step.slowMachine() && retries < MAX_RETRIES) {
                retries++;
                runner.note(StepRunner.runAgain(step));
                runner.settle(SETTLE_QUIET, SETTLE_AT_MOST);
                continue;
            }
            decided++;
            if (passes) {
                if (lastPassing == null || step.offeredRate() > lastPassing.offeredRate()) {
                    lastPassing = step;
                }
                if (descending || rate >= maxRate) {
                    break;
                }
                rate = Math.min(rate * factor, maxRate);
            } else {
                if (firstFailing == null || step.offeredRate() < firstFailing.offeredRate()) {
                    firstFailing = step;
                }
                if (lastPassing != null) {
                    break;
                }
                descending = true;
                rate = rate / factor;
            }
            // A failed step may leave a backlog in the server: let it drain before measuring again.
            if (!passes) {
                runner.settle(SETTLE_QUIET, SETTLE_AT_MOST);
            }
        }
        if (firstFailing != null) {
            runner.settle(SETTLE_QUIET, SETTLE_AT_MOST);
        }
        return new RampResult(steps, lastPassing, firstFailing, maxRate);
    }
}
