package org.xcs.bench.load;

import java.util.List;

/**
 * The steps of one ramp. Saturation is the highest served offered rate (0 when none was served); what limited it
 * is read from the first failed step (the cap when no step failed).
 */
public record RampResult(List<StepResult> steps, StepResult lastPassing, StepResult firstFailing, double maxRate) {

    public RampResult {
        steps = List.copyOf(steps);
    }

    public double saturation() {
        return lastPassing == null ? 0 : lastPassing.offeredRate();
    }

    public boolean reachedCap() {
        return firstFailing == null && lastPassing != null && lastPassing.offeredRate() >= maxRate;
    }

    public String limitedBy() {
        if (firstFailing != null) {
            return firstFailing.limitedBy();
        }
        if (lastPassing != null) {
            return "ramp cap " + Math.round(maxRate) + "/s reached (" + lastPassing.cpuText() + ")";
        }
        return "no step served";
    }
}
