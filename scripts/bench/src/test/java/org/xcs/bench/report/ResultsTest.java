package org.xcs.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsTest {

    @Test
    void medianAndSpreadComeFromTheRepetitions() {
        Figure f = new Figure("muc-10x20", "prosody", "prosody xcs", "prosody built-in", "saturation", "msgs/s",
                true, List.of(300.0, 500.0, 400.0), null);
        assertEquals(400.0, f.median());
        assertEquals(25.0, f.spreadPercent(), 1e-9);
        assertEquals(450.0, new Figure("s", "h", "x", null, "m", "u", true, List.of(400.0, 500.0), null).median());
    }

    @Test
    void throughputRatioIsOursOverAnchorAndLatencyRatioIsAnchorOverOurs() {
        Results r = new Results();
        r.add(new Figure("s", "prosody", "prosody built-in", null, "saturation", "msgs/s", true, List.of(400.0), null));
        Figure ours = new Figure("s", "prosody", "prosody xcs", "prosody built-in", "saturation", "msgs/s", true,
                List.of(600.0), null);
        r.add(ours);
        r.add(new Figure("s", "prosody", "prosody built-in", null, "p99", "ms", false, List.of(20.0), null));
        Figure oursP99 = new Figure("s", "prosody", "prosody xcs", "prosody built-in", "p99", "ms", false,
                List.of(40.0), null);
        r.add(oursP99);
        assertEquals(1.5, r.advantage(ours).orElseThrow(), 1e-9);
        assertEquals(0.5, r.advantage(oursP99).orElseThrow(), 1e-9);
    }

    @Test
    void ourFigureWithoutItsAnchorInTheRunHasNoRatio() {
        Results r = new Results();
        Figure ours = new Figure("s", "ejabberd", "ejabberd xcs", "ejabberd built-in", "saturation", "msgs/s", true,
                List.of(600.0), null);
        r.add(ours);
        assertTrue(r.advantage(ours).isEmpty());
    }

    @Test
    void jsonKeepsEveryFigureWithItsSamplesAndRatio(@TempDir Path dir) throws Exception {
        Results r = new Results();
        r.note("machine", "2 cores \"loopback\"");
        r.add(new Figure("s", "prosody", "prosody built-in", null, "saturation", "msgs/s", true, List.of(400.0), null));
        r.add(new Figure("s", "prosody", "prosody xcs", "prosody built-in", "saturation", "msgs/s", true,
                List.of(600.0, 800.0), "host CPU 99%"));
        Path file = dir.resolve("r.json");
        r.writeJson(file);
        String json = Files.readString(file);
        assertTrue(json.contains("\"machine\": \"2 cores \\\"loopback\\\"\""), json);
        assertTrue(json.contains("\"samples\": [600.0, 800.0], \"advantage\": 1.75, \"limitedBy\": \"host CPU 99%\""),
                json);
        assertTrue(json.contains("\"anchor\": null"), json);
    }
}
