package org.xcs.common.launch;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xcs.common.cli.CommonOptions;
import org.xcs.common.component.ComponentCore;
import org.xcs.common.component.ComponentRuntime;
import org.xcs.common.component.ConnectParams;
import org.xcs.common.component.ExitCode;
import org.xcs.common.component.PacketSender;
import org.xcs.common.component.RuntimeSettings;
import org.xcs.common.component.StartupFailure;
import org.xcs.common.multicast.MulticastCore;
import org.xcs.common.multicast.MulticastSender;
import org.xcs.common.service.VersionHandler;
import org.xcs.common.store.Codec;
import org.xcs.common.store.FileStore;
import org.xcs.common.store.Store;
import org.xcs.common.store.StoreException;
import org.xcs.common.store.StoreLockedException;
import org.xcs.common.store.StoreMap;
import org.xmpp.packet.JID;
import org.xmpp.packet.Packet;

/**
 * Runs one component process from its parsed options: opens the data dir (refusing a second process), builds the
 * component's core, attaches to the host and serves until SIGTERM. Every way start-up can fail ends here with one
 * line on stderr naming the cause and the fix, and the {@link ExitCode} for it.
 */
public final class ComponentLauncher {

    private static final Logger log = LoggerFactory.getLogger(ComponentLauncher.class);

    private final CommonOptions options;
    private final ComponentModule module;
    private final PrintStream err;

    public ComponentLauncher(CommonOptions options, ComponentModule module, PrintStream err) {
        this.options = options;
        this.module = module;
        this.err = err;
    }

    /** Blocks until the component is stopped; returns the process exit code. */
    public int run() {
        FileStore store;
        try {
            store = FileStore.open(options.dataDir(), module.name(), module.schemaVersion());
        } catch (StoreLockedException e) {
            return fail(ExitCode.DATA_DIR_LOCKED, e.getMessage());
        } catch (StoreException e) {
            return fail(ExitCode.STORAGE, "cannot open data dir " + options.dataDir() + ": " + e.getMessage());
        }
        store.compaction().ifPresent(c -> {
            if (c.failed()) {
                log.warn("{}: {}", options.dataDir(), c.describe());
            } else {
                log.info("{}: {}", options.dataDir(), c.describe());
            }
        });
        long starts = countStart(store);
        String version = VersionHandler.implementationVersion(module.getClass(), "dev");
        log.info("{} {} starting (start #{}), data dir {}", module.name(), version, starts, options.dataDir());

        // The core sends through the multicast sender, which sends through the runtime built after the core.
        DeferredSender toRuntime = new DeferredSender();
        MulticastSender multicast = new MulticastSender(toRuntime);
        ComponentCore core;
        try {
            core = module.create(new ComponentContext(new JID(options.domain()), multicast, store, Clock.systemUTC(),
                    version));
        } catch (RuntimeException e) {
            store.close();
            log.error("{} could not be built", module.name(), e);
            return fail(ExitCode.FAILURE, module.name() + " could not be built: " + e);
        }
        ComponentCore hosted = new ClosingStore(core, store);
        String users = module.usersDomain(options.domain());
        // A dotless domain with no users' domain set has no host above it to search for a multicast service.
        if (options.multicast() && !users.equals(options.domain())) {
            hosted = new MulticastCore(hosted, multicast, new JID(options.domain()), new JID(users));
        }
        ComponentRuntime runtime = ComponentRuntime.overWhack(connectParams(), hosted, settings());
        toRuntime.target.set(runtime.sender());
        runtime.installShutdownHook();
        try {
            runtime.start();
        } catch (StartupFailure failure) {
            runtime.stop(Duration.ofSeconds(1));
            store.close();
            if (failure.exitCode() == ExitCode.OK) {
                return ExitCode.OK.code(); // stopped by SIGTERM while waiting for the host
            }
            return fail(failure.exitCode(), failure.getMessage());
        }
        try {
            runtime.awaitStop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        store.close();
        return ExitCode.OK.code();
    }

    private ConnectParams connectParams() {
        return new ConnectParams(options.host(), options.port(), options.domain(), options.secret(),
                options.handshakeTimeout(), ConnectParams.DEFAULT_CONNECT_TIMEOUT);
    }

    private RuntimeSettings settings() {
        return RuntimeSettings.defaults().withWaitForHost(options.waitForHost())
                .withPing(options.pingInterval(), options.pingTimeout())
                .withMaxStanzaBytes(options.maxStanzaSize());
    }

    private int fail(ExitCode code, String message) {
        err.println(module.name() + ": " + message);
        err.flush();
        return code.code();
    }

    /** Counts starts in the store: proof in the data dir that the previous run's commits survived its stop. */
    private static long countStart(Store store) {
        StoreMap<String, Long> meta = store.map("launcher", Codec.STRING, Codec.LONG);
        return store.transaction(() -> {
            Long previous = meta.get("starts");
            long starts = previous == null ? 1 : previous + 1;
            meta.put("starts", starts);
            return starts;
        });
    }

    /** The core is built before the runtime that sends for it: this closes the loop. */
    private static final class DeferredSender implements PacketSender {
        final AtomicReference<PacketSender> target = new AtomicReference<>();

        @Override
        public void send(Packet packet) {
            PacketSender to = target.get();
            if (to == null) {
                throw new IllegalStateException("sending before the runtime exists");
            }
            to.send(packet);
        }

        @Override
        public void sendAll(List<? extends Packet> packets) {
            PacketSender to = target.get();
            if (to == null) {
                throw new IllegalStateException("sending before the runtime exists");
            }
            to.sendAll(packets);
        }
    }
}
