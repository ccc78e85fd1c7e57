package org.xcs.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.xcs.bench.client.Sender;
import org.xcs.bench.client.TestCounts;

/** Plays scripted steps in turn, whatever rate it is offered, and records what it was asked. */
final class ScriptedRunner implements StepRunner {

    /** One step as the server and the machine will make it: served or not, at this share of the machine's best. */
    record Scripted(boolean served, double machineSpeed) {
    }

    final List<Scripted> script;
    final List<Double> offered = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    int settles;

    ScriptedRunner(Scripted... script) {
        this.script = List.of(script);
    }

    @Override
    public StepResult step(double rate, List<Sender> senders) {
        Scripted next = script.get(offered.size());
        offered.add(rate);
        long expected = 1000;
        return new StepResult(rate, 1.0, TestCounts.of(expected, next.served() ? expected : expected / 2, 2000),
                Map.of("host", 0.5), next.machineSpeed());
    }

    @Override
    public void settle(Duration quiet, Duration atMost) {
        settles++;
    }

    @Override
    public void note(String line) {
        notes.add(line);
    }
}
