package org.xcs.bench.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One measured quantity of one system in one scenario, with a sample per repetition (the issue asks for three ramps:
 * we report the median and the spread). {@code system} is what was measured ("prosody built-in", "prosody xcs",
 * "coturn", "xcs relay", "udp echo"...); {@code anchor} names the system ours is compared against in the same run
 * (null for an anchor itself). {@code limitedBy} says what capped the figure (e.g. "host CPU 100%", "driver CPU").
 */
public record Figure(String scenario, String host, String system, String anchor, String metric, String unit,
                     boolean higherIsBetter, List<Double> samples, String limitedBy) {

    public Figure {
        samples = List.copyOf(samples);
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("a figure needs at least one sample: " + scenario + " " + metric);
        }
    }

    public double median() {
        List<Double> sorted = sorted();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    public double min() {
        return sorted().get(0);
    }

    public double max() {
        List<Double> sorted = sorted();
        return sorted.get(sorted.size() - 1);
    }

    /** Half the range relative to the median, in percent: how far the repetitions disagree. */
    public double spreadPercent() {
        double m = median();
        return m == 0 ? 0 : 100 * (max() - min()) / 2 / Math.abs(m);
    }

    private List<Double> sorted() {
        List<Double> copy = new ArrayList<>(samples);
        Collections.sort(copy);
        return copy;
    }
}
