package org.xcs.common.harness.sint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.xcs.common.harness.sint.SintOutcome.Status;

/** What one {@link SintRunner#run} produced: per-test outcomes, how long it took, and how often SINT was restarted. */
public record SintReport(String specification, String target, List<SintOutcome> outcomes, Duration duration, int sintRuns, List<String> aborts) {

    public SintReport {
        outcomes = outcomes.stream()
                .sorted(Comparator.comparing(SintOutcome::test).thenComparing(SintOutcome::variant))
                .toList();
        aborts = List.copyOf(aborts);
    }

    public long count(Status status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }

    public List<SintOutcome> notPassed() {
        return outcomes.stream().filter(o -> o.status() != Status.PASSED).toList();
    }

    /** The one line the README quotes. */
    public String summaryLine() {
        long laterRun = passedWith("passed in run");
        long atRaceSite = passedWith("failed in all");
        List<String> notes = new ArrayList<>();
        if (laterRun > 0) {
            notes.add(laterRun + " in a later run, known Smack race");
        }
        if (atRaceSite > 0) {
            notes.add(atRaceSite + " stopped in every run only at its known Smack race");
        }
        return String.format("SINT %s %s tests against %s: %d run, %d passed%s, %d failed, %d impossible to run"
                        + " (%d s, %d SINT run%s)",
                SintRunner.SINT_VERSION, specification, target, outcomes.size(), count(Status.PASSED),
                notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")", count(Status.FAILED),
                count(Status.IMPOSSIBLE), duration.toSeconds(), sintRuns, sintRuns == 1 ? "" : "s");
    }

    private long passedWith(String reasonStart) {
        return outcomes.stream().filter(o -> o.status() == Status.PASSED && o.reason().startsWith(reasonStart)).count();
    }

    /** Per class: counts, then one line per test with its status and, when it did not pass, the reason. */
    public String table() {
        StringBuilder out = new StringBuilder();
        out.append(summaryLine()).append('\n');
        Map<String, List<SintOutcome>> byClass = outcomes.stream().collect(
                Collectors.groupingBy(o -> o.test().simpleClassName(), TreeMap::new, Collectors.toList()));
        int width = outcomes.stream().mapToInt(o -> o.label().length()).max().orElse(10);
        byClass.forEach((testClass, results) -> {
            out.append(String.format("%n%s: %d passed, %d failed, %d impossible%n", testClass,
                    results.stream().filter(o -> o.status() == Status.PASSED).count(),
                    results.stream().filter(o -> o.status() == Status.FAILED).count(),
                    results.stream().filter(o -> o.status() == Status.IMPOSSIBLE).count()));
            for (SintOutcome o : results) {
                out.append(String.format("  %-10s %-" + width + "s %6.1f s%s%n", o.status(), o.label(),
                        o.millis() / 1000.0, o.reason().isEmpty() ? "" : "  " + o.reason()));
            }
        });
        if (!aborts.isEmpty()) {
            out.append("\nSINT runs that ended by an exception (SINT was started again for the tests without a result):\n");
            aborts.forEach(a -> out.append("  ").append(a).append('\n'));
        }
        return out.toString();
    }

    public void writeTo(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, table());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
