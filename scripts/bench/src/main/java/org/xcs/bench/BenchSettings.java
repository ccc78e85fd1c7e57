package org.xcs.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How long and how often to measure. {@code smoke} is the few-second run of the tests: each scenario runs one short,
 * small step per system so the whole tool is exercised, and its figures mean nothing. {@code hosts} lists the host
 * servers to measure through ("prosody", "ejabberd"). {@code workDir} receives host/component data and logs.
 */
public record BenchSettings(boolean smoke, int repeats, Duration stepDuration, List<String> hosts, Path workDir) {

    public BenchSettings {
        hosts = List.copyOf(hosts);
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be at least 1");
        }
    }

    public boolean measures(String host) {
        return hosts.contains(host);
    }
}
