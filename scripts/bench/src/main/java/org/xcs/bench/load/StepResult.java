package org.xcs.bench.load;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.xcs.bench.client.StepCounts;
import org.xcs.bench.proc.MachineSpeed;

/**
 * One offered-rate step as measured: the engine's counts, the send window in seconds, the CPU (in cores, 1.0 =
 * one core busy) of each metered process tree over that window, keyed by its name ("host", "component", "driver"),
 * and the machine's speed over the window as a share of its best in the run ({@link MachineSpeed}; NaN unmeasured).
 */
public record StepResult(double offeredRate, double seconds, StepCounts counts, Map<String, Double> cores,
                         double machineSpeed) {

    /** Below this share of its best speed, the machine is named among what limited a step. */
    static final double SLOW_MACHINE = 0.85;

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

    /** Whether the machine ran below {@link #SLOW_MACHINE} of its best speed during this step (false unmeasured). */
    public boolean slowMachine() {
        return machineSpeed < SLOW_MACHINE;
    }

    public double coresOf(String name) {
        return cores.getOrDefault(name, 0.0);
    }

    /** CPU seconds a process tree spent per 1,000 deliveries in this step (NaN without deliveries). */
    public double cpuMillisPerThousandDeliveries(String name) {
        return counts.delivered() == 0 ? Double.NaN : coresOf(name) * seconds / counts.delivered() * 1e6;
    }

    /**
     * What most likely capped this step, from the CPU figures: the machine when all its cores were >= 90% busy
     * (ours, or ours plus other processes when {@link CpuSource#MACHINE} was metered), else the busiest of ours when
     * it used >= 90% of a core.
     */
    public String limitedBy() {
        double ours = cores.entrySet().stream().filter(e -> !e.getKey().equals(CpuSource.MACHINE))
                .mapToDouble(Map.Entry::getValue).sum();
        double total = Math.max(ours, coresOf(CpuSource.MACHINE));
        String busiest = null;
        double most = -1;
        for (Map.Entry<String, Double> e : cores.entrySet()) {
            if (e.getKey().equals(CpuSource.MACHINE)) {
                continue;
            }
            if (e.getValue() > most) {
                busiest = e.getKey();
                most = e.getValue();
            }
        }
        String detail = cpuText() + slowMachineText();
        int cpus = Runtime.getRuntime().availableProcessors();
        if (total >= 0.9 * cpus) {
            String others = total - ours >= 0.2 ? ", other processes " + Math.round(100 * (total - ours)) + "%" : "";
            return "machine (" + cpus + " cores) full: " + detail + others;
        }
        if (busiest != null && most >= 0.9) {
            return busiest + " CPU " + Math.round(100 * most) + "% (" + detail + ")";
        }
        return "no CPU at its limit (" + detail + ")";
    }

    /** "; machine at 58.0% of its best speed" when it ran slower than {@link #SLOW_MACHINE}, else nothing. */
    private String slowMachineText() {
        return slowMachine() ? "; machine at " + speedPercent(machineSpeed) + " of its best speed" : "";
    }

    /**
     * A speed below {@link #SLOW_MACHINE} as a percentage, cut (not rounded) to one decimal: 0.8497 reads "84.9%",
     * never "85%" or "85.0%" beside a threshold of 85%.
     */
    static String speedPercent(double speed) {
        return String.format(Locale.ROOT, "%.1f%%", Math.floor(1000 * speed + 1e-9) / 10); // 0.58 is 579.99...
    }

    public String cpuText() {
        StringBuilder b = new StringBuilder();
        cores.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append(' ')
                .append(Math.round(100 * v)).append('%'));
        return b.toString();
    }

    @Override
    public String toString() {
        String speed = Double.isNaN(machineSpeed) ? ""
                : String.format(Locale.ROOT, " | machine at %.0f%%", 100 * machineSpeed);
        return String.format(Locale.ROOT, "%8.1f/s offered: %s | %.0f deliveries/s | CPU %s%s", offeredRate, counts,
                deliveriesPerSecond(), cpuText(), speed);
    }
}
