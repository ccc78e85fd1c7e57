package org.xcs.bench.selftest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.xcs.bench.BenchSettings;
import org.xcs.bench.Scenario;
import org.xcs.bench.client.ClientEngine;
import org.xcs.bench.client.Login;
import org.xcs.bench.client.Sender;
import org.xcs.bench.client.XmppClient;
import org.xcs.bench.load.CpuSource;
import org.xcs.bench.load.Criteria;
import org.xcs.bench.load.LoadRunner;
import org.xcs.bench.load.Ramp;
import org.xcs.bench.load.RampResult;
import org.xcs.bench.load.StepResult;
import org.xcs.bench.report.Figure;
import org.xcs.bench.report.Results;

/**
 * The driver's own ceiling: 200 clients in groups of 20 (the shape of MUC 10x20) against {@link FanoutServer}, one
 * selector thread, ramped until the criteria fail. Reports deliveries/s served and deliveries per second of driver
 * loop CPU (the per-core ceiling; issue 6 asks for at least 50,000).
 */
public final class DriverSelfScenario implements Scenario {
    static final String ID = "driver-self";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean usesTestbeds() {
        return false;
    }

    @Override
    public String title() {
        return "Driver ceiling: deliveries/s one driver thread produces and counts (in-process fan-out stand-in)";
    }

    @Override
    public void run(BenchSettings settings, Results results) throws Exception {
        int clients = settings.smoke() ? 20 : 200;
        int group = settings.smoke() ? 10 : 20;
        Duration step = settings.smoke() ? settings.stepDuration() : Duration.ofMillis(
                Math.min(settings.stepDuration().toMillis(), 2000));
        Ramp ramp = settings.smoke() ? new Ramp(100, 1.5, 100, 1, Criteria.ISSUE_6)
                : new Ramp(2500, 1.5, 20_000, 7, Criteria.ISSUE_6);
        try (FanoutServer server = new FanoutServer(group); ClientEngine engine = new ClientEngine(1)) {
            List<XmppClient> all = engine.loginAll(Login.anonymous("127.0.0.1", server.port(), "self.test"), clients,
                    64, Duration.ofSeconds(60));
            List<Sender> senders = new ArrayList<>();
            for (XmppClient c : all) {
                senders.add(Sender.groupchat(c, "g" + c.index() / group + "@self.test", group));
            }
            Map<String, CpuSource> cpu = new LinkedHashMap<>();
            cpu.put("driver loop", CpuSource.driverLoops(engine));
            cpu.put("driver", CpuSource.driverProcess());
            LoadRunner runner = new LoadRunner(engine, cpu, step, Duration.ofSeconds(1), settings.machineSpeed(),
                    System.out);
            RampResult r = ramp.run(runner, senders);
            StepResult best = r.lastPassing() != null ? r.lastPassing() : r.steps().get(r.steps().size() - 1);
            String limit = r.limitedBy();
            results.add(new Figure(ID, "loopback", "driver", null, "deliveries/s served", "1/s", true,
                    List.of(best.deliveriesPerSecond()), limit));
            double loopCores = best.coresOf("driver loop");
            results.add(new Figure(ID, "loopback", "driver", null, "deliveries per loop CPU-second", "1/s", true,
                    List.of(loopCores > 0 ? best.deliveriesPerSecond() / loopCores : 0.0), limit));
            results.add(new Figure(ID, "loopback", "driver", null, "delivered at ceiling", "ratio", true,
                    List.of(best.counts().deliveredRatio()), limit));
            results.add(new Figure(ID, "loopback", "driver", null, "deliveries counted", "count", true,
                    List.of((double) r.steps().stream().mapToLong(x -> x.counts().delivered()).sum()), null));
        }
    }
}
