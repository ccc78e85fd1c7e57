package org.xcs.bench.testbed;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import org.xcs.common.cli.Cli;
import org.xcs.common.cli.CommonOptions;
import org.xcs.common.component.ComponentCore;
import org.xcs.common.component.ComponentRuntime;
import org.xcs.common.component.ConnectParams;
import org.xcs.common.component.PacketSender;
import org.xcs.common.component.RuntimeSettings;
import org.xcs.common.component.StartupFailure;
import org.xcs.common.launch.ClosingStore;
import org.xcs.common.launch.ComponentContext;
import org.xcs.common.launch.ComponentModule;
import org.xcs.common.store.FileStore;
import org.xcs.common.store.Store;
import org.xcs.muc.MucModule;
import org.xcs.muc.MucOptions;
import org.xcs.pubsub.PubSubModule;
import org.xcs.pubsub.PubSubOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Our MUC or PubSub inside the bench's own JVM, for smoke runs only: the component's own command-line options
 * (its picocli mixins, through {@link Cli} as its Main does) build its real module, which runs on the real
 * XEP-0114 runtime over Whack, attached to a real host or stand-in, as {@code ComponentLauncher} does it, minus the
 * signal handlers (the bench's JVM is not the component's to exit) and with a stop the bench can call. What it does
 * not give is the component's own CPU and RSS: {@link #pid()} is the bench's JVM.
 */
public final class InProcessComponent implements RunningComponent {
    public static final String MUC_MAIN = "org.xcs.muc.Main";
    public static final String PUBSUB_MAIN = "org.xcs.pubsub.Main";
    private static final Duration ATTACH_TIMEOUT = Duration.ofSeconds(60);

    private final String domain;
    private final ComponentRuntime runtime;
    private volatile boolean stopped;

    private InProcessComponent(String domain, ComponentRuntime runtime) {
        this.domain = domain;
        this.runtime = runtime;
    }

    /** Whether {@code mainClass} is one this class can run in-process (the relay is not: see OurRelay). */
    public static boolean supports(String mainClass) {
        return mainClass.equals(MUC_MAIN) || mainClass.equals(PUBSUB_MAIN);
    }

    /** Starts the component of {@code mainClass} with its command-line {@code args}; returns once attached. */
    public static InProcessComponent start(String mainClass, List<String> args) {
        Launch launch = switch (mainClass) {
            case MUC_MAIN -> new MucLaunch();
            case PUBSUB_MAIN -> new PubSubLaunch();
            default -> throw new IllegalArgumentException("no in-process start for " + mainClass);
        };
        List<String> all = new ArrayList<>(args);
        if (!all.contains("--wait-for-host")) {
            // A host reports "started" once its c2s port answers; its component port may open a moment later,
            // which a component JVM's start used to hide (a smoke run once lost a bed to "connection refused").
            all.add("--wait-for-host");
        }
        if (!all.contains("--log-level")) {
            all.addAll(List.of("--log-level", "warn")); // its log lines would be the bench's own output
        }
        StringWriter out = new StringWriter();
        int exit = new Cli(Map.of(), new PrintWriter(out, true), new PrintWriter(out, true))
                .execute(launch, all.toArray(String[]::new));
        InProcessComponent started = launch.started.get();
        if (exit != 0 || started == null) {
            throw new IllegalStateException(mainClass + " did not start in-process (exit " + exit + "): " + out);
        }
        return started;
    }

    /** What {@code ComponentLauncher#run} does up to "attached", returning the running component instead. */
    private static InProcessComponent launch(CommonOptions options, ComponentModule module) {
        Store store = FileStore.open(options.dataDir(), module.name(), module.schemaVersion());
        AtomicReference<PacketSender> sender = new AtomicReference<>();
        ComponentCore core;
        try {
            core = module.create(new ComponentContext(new org.xmpp.packet.JID(options.domain()),
                    packet -> sender.get().send(packet), store, Clock.systemUTC(), "bench-in-process"));
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        ComponentRuntime runtime = ComponentRuntime.overWhack(new ConnectParams(options.host(), options.port(),
                        options.domain(), options.secret(), options.handshakeTimeout(),
                        ConnectParams.DEFAULT_CONNECT_TIMEOUT), new ClosingStore(core, store),
                RuntimeSettings.defaults().withWaitForHost(options.waitForHost())
                        .withPing(options.pingInterval(), options.pingTimeout()));
        sender.set(runtime.sender());
        // --wait-for-host retries until the host answers: bounded here, as a process start is by its caller.
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(ATTACH_TIMEOUT.toMillis());
                runtime.stop(Duration.ofSeconds(1));
            } catch (InterruptedException attached) {
                // attached (or failed) in time
            }
        }, "xcs-bench-attach-watchdog-" + options.domain());
        watchdog.setDaemon(true);
        watchdog.start();
        try {
            runtime.start();
        } catch (StartupFailure failure) {
            runtime.stop(Duration.ofSeconds(1));
            store.close();
            throw new IllegalStateException(options.domain() + " never attached: " + failure.getMessage(), failure);
        } finally {
            watchdog.interrupt();
        }
        return new InProcessComponent(options.domain(), runtime);
    }

    @Override
    public long pid() {
        return ProcessHandle.current().pid();
    }

    @Override
    public boolean isAlive() {
        return !stopped;
    }

    @Override
    public String output() {
        return "(" + domain + " runs inside the bench's JVM: its log lines are in the bench's output)";
    }

    /** As SIGTERM would: the core drains, the store commits and closes, the stream ends. */
    @Override
    public void stop(Duration grace) {
        if (!stopped) {
            stopped = true;
            runtime.stop(grace);
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(1));
    }

    /** The component's command line, parsed and validated by {@link Cli} with the component's own mixins. */
    private abstract static class Launch implements Callable<Integer> {
        final AtomicReference<InProcessComponent> started = new AtomicReference<>();
    }

    @Command(name = "xcs-muc")
    private static final class MucLaunch extends Launch {
        @Mixin
        CommonOptions common;

        @Mixin
        MucOptions muc;

        @Override
        public Integer call() {
            started.set(launch(common, new MucModule(muc.settings(common.domain()))));
            return 0;
        }
    }

    @Command(name = "xcs-pubsub")
    private static final class PubSubLaunch extends Launch {
        @Mixin
        CommonOptions common;

        @Mixin
        PubSubOptions pubsub;

        @Override
        public Integer call() {
            started.set(launch(common, new PubSubModule(pubsub)));
            return 0;
        }
    }
}
