package org.xcs.bench.load;

/** When a step counts as served: enough of the expected deliveries arrived, fast enough. */
public record Criteria(double minDeliveredRatio, double maxP99Millis) {

    /** Issue 6: at least 98% delivered and p99 within 250 ms. */
    public static final Criteria ISSUE_6 = new Criteria(0.98, 250);

    public boolean passes(StepResult step) {
        double p99 = step.p99Millis();
        return step.counts().expected() > 0 && step.counts().deliveredRatio() >= minDeliveredRatio
                && !Double.isNaN(p99) && p99 <= maxP99Millis;
    }
}
