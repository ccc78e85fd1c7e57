package org.xcs.bench.load;

import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.xcs.bench.client.ClientEngine;
import org.xcs.bench.client.Sender;
import org.xcs.bench.client.StepCounts;
import org.xcs.bench.proc.MachineSpeed;

/**
 * Runs offered-rate steps on an engine: sends for {@code stepDuration}, then waits up to {@code grace} for the
 * stragglers, meters CPU (cores: CPU seconds per wall second) and the machine's speed over the send window, and
 * gives each step a fresh tag so late stamps of an earlier step never count as deliveries of a later one.
 */
public final class LoadRunner implements StepRunner {
    private final ClientEngine engine;
    private final Map<String, CpuSource> meters;
    private final Duration stepDuration;
    private final Duration grace;
    private final PrintStream log;
    private final MachineSpeed speed;
    private long nextTag = 1;

    public LoadRunner(ClientEngine engine, Map<String, CpuSource> meters, Duration stepDuration, Duration grace,
                      MachineSpeed speed, PrintStream log) {
        this.engine = engine;
        this.speed = speed;
        this.meters = new LinkedHashMap<>(meters);
        this.stepDuration = stepDuration;
        this.grace = grace;
        this.log = log;
    }

    public ClientEngine engine() {
        return engine;
    }

    public Duration stepDuration() {
        return stepDuration;
    }

    @Override
    public StepResult step(double rate, List<Sender> senders) throws InterruptedException {
        long tag = nextTag++;
        Map<String, Double> cpuAtStart = new LinkedHashMap<>();
        meters.forEach((name, meter) -> cpuAtStart.put(name, meter.cpuSeconds()));
        long t0 = System.nanoTime();
        engine.begin(tag, rate, senders);
        Thread.sleep(stepDuration.toMillis());
        engine.stopSending();
        long t1 = System.nanoTime();
        double seconds = (t1 - t0) / 1e9;
        Map<String, Double> cores = new LinkedHashMap<>();
        meters.forEach((name, meter) -> cores.put(name, (meter.cpuSeconds() - cpuAtStart.get(name)) / seconds));
        engine.awaitDeliveries(grace);
        StepCounts counts = engine.end();
        StepResult result = new StepResult(rate, seconds, counts, cores, speed.relativeSpeed(t0, t1));
        if (log != null) {
            log.println("    " + result);
        }
        return result;
    }

    /**
     * Waits until no stamps of earlier steps arrive for {@code quiet} and the metered servers are idle (less than a
     * tenth of a core over 300 ms), bounded by {@code atMost}: an overloaded server may still be working off a
     * backlog, even one it is not delivering yet, which would weigh on the next measurement.
     */
    @Override
    public void settle(Duration quiet, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        long lastLate = -1;
        long quietSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            double before = serverCpuSeconds();
            Thread.sleep(300);
            boolean serversIdle = serverCpuSeconds() - before < 0.03;
            long late = engine.snapshot().late();
            if (late != lastLate || !serversIdle) {
                lastLate = late;
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince >= quiet.toNanos()) {
                break;
            }
        }
        engine.end();
    }

    @Override
    public void note(String line) {
        if (log != null) {
            log.println("    " + line);
        }
    }

    /** CPU of what is measured: every meter but the driver's own (however named) and the whole machine's. */
    private double serverCpuSeconds() {
        double sum = 0;
        for (Map.Entry<String, CpuSource> e : meters.entrySet()) {
            if (!e.getKey().startsWith("driver") && !e.getKey().equals(CpuSource.MACHINE)
                    && !e.getValue().isDriverItself()) {
                sum += e.getValue().cpuSeconds();
            }
        }
        return sum;
    }
}
