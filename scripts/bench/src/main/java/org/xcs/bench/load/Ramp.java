package org.xcs.bench.load;

import java.util.ArrayList;
import java.util.List;

import org.xcs.bench.client.Sender;

/**
 * An ascending ramp of offered rates {@code start, start*factor, ...} up to {@code maxRate} and {@code maxSteps}
 * steps; it stops at the first step that fails the criteria. When the very first step already fails, it steps DOWN
 * (bounded by {@code maxSteps} too) so that a ramp started from an earlier estimate still finds a served rate.
 */
public record Ramp(double start, double factor, double maxRate, int maxSteps, Criteria criteria) {

    public Ramp {
        if (start <= 0 || factor <= 1 || maxSteps < 1) {
            throw new IllegalArgumentException("ramp needs start > 0, factor > 1, maxSteps >= 1");
        }
    }

    public RampResult run(LoadRunner runner, List<Sender> senders) throws InterruptedException {
        List<StepResult> steps = new ArrayList<>();
        StepResult lastPassing = null;
        StepResult firstFailing = null;
        double rate = Math.min(start, maxRate);
        boolean descending = false;
        while (steps.size() < maxSteps) {
            StepResult step = runner.step(rate, senders);
            steps.add(step);
            boolean passes = criteria.passes(step);
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
                runner.settle(java.time.Duration.ofMillis(500), java.time.Duration.ofSeconds(10));
            }
        }
        if (firstFailing != null) {
            runner.settle(java.time.Duration.ofMillis(500), java.time.Duration.ofSeconds(10));
        }
        return new RampResult(steps, lastPassing, firstFailing, maxRate);
    }
}
