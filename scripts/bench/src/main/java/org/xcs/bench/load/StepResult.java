package org.xcs.bench.load;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.xcs.bench.client.StepCounts;

/**
 * One offered-rate step as measured: the engine's counts, the send window in seconds, and the CPU (in cores, 1.0 =
 * one core busy) of each metered process tree over that window, keyed by its name ("host", "component", "driver").
 */
public record StepResult(double offeredRate, double seconds, StepCounts counts, Map<String, Double> cores) {

    public StepResult {
        cores = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(cores));
    }

    public double sentPerSecond() {
        return counts.sent() / seconds;
    }

    public double deliveriesPerSecond() {
        return counts.delivered() / seconds;
    }

    public double p50Millis() {
        return counts.latencyMillis(50);
    }

    public double p99Millis() {
        return counts.latencyMillis(99);
    }

    public double coresOf(String name) {
        return cores.getOrDefault(name, 0.0);
    }

    /** CPU seconds a process tree spent per 1,000 deliveries in this step (NaN without deliveries). */
    public double cpuMillisPerThousandDeliveries(String name) {
        return counts.delivered() == 0 ? Double.NaN : coresOf(name) * seconds / counts.delivered() * 1e6;
    }

    /** What most likely capped this step, from the CPU figures (2 cores: the machine is full near 1.8 cores). */
    public String limitedBy() {
        double total = cores.values().stream().mapToDouble(Double::doubleValue).sum();
        String busiest = null;
        double most = -1;
        for (Map.Entry<String, Double> e : cores.entrySet()) {
            if (e.getValue() > most) {
                busiest = e.getKey();
                most = e.getValue();
            }
        }
        String detail = cpuText();
        int cpus = Runtime.getRuntime().availableProcessors();
        if (total >= 0.9 * cpus) {
            return "machine (" + cpus + " cores) full: " + detail;
        }
        if (busiest != null && most >= 0.9) {
            return busiest + " CPU " + Math.round(100 * most) + "% (" + detail + ")";
        }
        return "no CPU at its limit (" + detail + ")";
    }

    public String cpuText() {
        StringBuilder b = new StringBuilder();
        cores.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append(' ')
                .append(Math.round(100 * v)).append('%'));
        return b.toString();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%8.1f/s offered: %s | %.0f deliveries/s | CPU %s", offeredRate, counts,
                deliveriesPerSecond(), cpuText());
    }
}
