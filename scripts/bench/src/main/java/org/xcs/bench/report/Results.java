package org.xcs.bench.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Every figure of a run; thread-safe so scenarios may add from their own threads. */
public final class Results {
    private final List<Figure> figures = new ArrayList<>();
    private final Map<String, String> machine = new TreeMap<>();

    public synchronized void add(Figure figure) {
        figures.add(figure);
    }

    public synchronized List<Figure> all() {
        return List.copyOf(figures);
    }

    /** Facts about the run (machine, versions, command) printed with the table and kept in the JSON. */
    public synchronized void note(String key, String value) {
        machine.put(key, value);
    }

    public synchronized Map<String, String> notes() {
        return Map.copyOf(machine);
    }

    /** The anchor figure a figure of ours is compared against: same scenario, host and metric. */
    public synchronized Optional<Figure> anchorOf(Figure ours) {
        if (ours.anchor() == null) {
            return Optional.empty();
        }
        return figures.stream().filter(f -> f.scenario().equals(ours.scenario()) && f.host().equals(ours.host())
                && f.metric().equals(ours.metric()) && f.system().equals(ours.anchor())).findFirst();
    }

    /**
     * Ours relative to the anchor, oriented so that above 1 is better for us: for "higher is better" metrics
     * ours/anchor, for latencies and memory anchor/ours.
     */
    public Optional<Double> advantage(Figure ours) {
        return anchorOf(ours).map(anchor -> {
            double a = anchor.median();
            double o = ours.median();
            if (ours.higherIsBetter()) {
                return a == 0 ? Double.POSITIVE_INFINITY : o / a;
            }
            return o == 0 ? Double.POSITIVE_INFINITY : a / o;
        });
    }

    public void printTable(PrintStream out) {
        List<Figure> all = all();
        out.printf(Locale.ROOT, "%-22s %-9s %-18s %-26s %14s %8s %10s  %s%n", "scenario", "host", "system", "metric",
                "median", "spread", "vs anchor", "limited by");
        for (Figure f : all) {
            String ratio = advantage(f).map(r -> String.format(Locale.ROOT, "%.2fx %s", r, r >= 1 ? "ok" : "SHORT"))
                    .orElse("");
            out.printf(Locale.ROOT, "%-22s %-9s %-18s %-26s %14s %7.1f%% %10s  %s%n", f.scenario(), f.host(),
                    f.system(), f.metric() + " (" + f.unit() + ")", number(f.median()), f.spreadPercent(), ratio,
                    f.limitedBy() == null ? "" : f.limitedBy());
        }
        out.println("vs anchor: ours relative to the anchor in the same run, above 1 = better for ours "
                + "(throughput ours/anchor, latency and memory anchor/ours)");
        notes().forEach((key, value) -> {
            if (key.startsWith("FAILED ")) {
                out.println(key + ": " + value);
            }
        });
    }

    public void writeJson(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, Json.of(this));
    }

    private static String number(double v) {
        if (Math.abs(v) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
