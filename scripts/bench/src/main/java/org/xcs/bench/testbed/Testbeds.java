package org.xcs.bench.testbed;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;


/**
 * Where scenarios get their hosts. A full run gets a fresh testbed per lease and a fresh component process per call,
 * as each scenario's measurement wants (e.g. muc-rss's fresh processes). A smoke run checks the tool, not the
 * servers: there one started testbed per host kind, with our MUC and PubSub attached once (in-process, see
 * {@link InProcessComponent}), serves every scenario, because starting and stopping ejabberd costs ~5 s and each
 * component JVM ~1-1.5 s, which made the smoke run take minutes. The shared beds start in the background as soon as
 * they are created, in parallel.
 * <pre>{@code
 * try (Testbeds.Lease lease = testbeds.lease("prosody", dir, b -> b)) {
 *     RunningComponent ours = lease.ourMuc();   // fresh, or the shared bed's
 *     ... lease.bed().login() ...
 *     lease.release(ours);                      // stops it unless shared
 * }                                             // stops the bed unless shared
 * }</pre>
 */
public final class Testbeds implements AutoCloseable {
    private final Map<String, CompletableFuture<Shared>> shared;
    private final ExecutorService starts;
    private final UnaryOperator<Testbed.Builder> hostOptions;

    private Testbeds(Map<String, CompletableFuture<Shared>> shared, ExecutorService starts,
                     UnaryOperator<Testbed.Builder> hostOptions) {
        this.shared = shared;
        this.starts = starts;
        this.hostOptions = hostOptions;
    }

    /** Every lease a fresh testbed (a full run). */
    public static Testbeds fresh() {
        return fresh(UnaryOperator.identity());
    }

    /** Every lease a fresh testbed with {@code hostOptions} (the run's, e.g. {@code --prosody-nagle}) under its own. */
    public static Testbeds fresh(UnaryOperator<Testbed.Builder> hostOptions) {
        return new Testbeds(Map.of(), null, hostOptions);
    }

    /** The options every testbed of this run gets before a scenario's own (see {@link #fresh(UnaryOperator)}). */
    public UnaryOperator<Testbed.Builder> hostOptions() {
        return hostOptions;
    }

    /**
     * One shared testbed per kind in {@code kinds}, built with {@code hostOptions} and then {@code options}: these
     * must include every option any scenario asks for (a lease whose options the shared bed lacks fails rather than
     * measuring on the wrong host). For smoke runs: our components run in the bench's JVM.
     */
    public static Testbeds shared(Path workDir, List<String> kinds, UnaryOperator<Testbed.Builder> hostOptions,
                                  UnaryOperator<Testbed.Builder> options) {
        // Own threads: the starts block for seconds, which the common pool (one thread on 2 cores) must not carry.
        ExecutorService starts = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "xcs-bench-testbed-start");
            t.setDaemon(true);
            return t;
        });
        Map<String, CompletableFuture<Shared>> beds = new LinkedHashMap<>();
        for (String kind : kinds) {
            beds.put(kind, CompletableFuture.supplyAsync(() -> Shared.start(kind, workDir.resolve("shared-" + kind),
                    b -> options.apply(hostOptions.apply(b)), starts), starts));
        }
        return new Testbeds(beds, starts, hostOptions);
    }

    /**
     * A started testbed of {@code kind} with this run's host options and then {@code options} (fresh under
     * {@code workDir}, or the shared one).
     */
    public Lease lease(String kind, Path workDir, UnaryOperator<Testbed.Builder> options) throws Exception {
        Testbed.Builder wanted = options.apply(hostOptions.apply(Testbed.builder(kind, workDir)));
        CompletableFuture<Shared> bed = shared.get(kind);
        if (bed == null) {
            return new Lease(wanted.build().start(), null, null);
        }
        Shared s = join(bed);
        if (!s.options.covers(wanted)) {
            throw new IllegalStateException("the shared " + kind + " testbed lacks options this scenario needs: "
                    + "add them to the shared testbed's options (Main)");
        }
        return new Lease(s.bed, join(s.muc), join(s.pubsub));
    }

    /** Stops the shared beds (in parallel: ejabberd alone takes seconds to stop). */
    @Override
    public void close() {
        List<CompletableFuture<Void>> stops = new ArrayList<>();
        for (CompletableFuture<Shared> bed : shared.values()) {
            stops.add(bed.thenAcceptAsync(s -> {
                // A component still attaching would otherwise escape the bed's close.
                CompletableFuture.allOf(s.muc, s.pubsub).exceptionally(e -> null).join();
                s.bed.stopComponents();
                terminateHost(s.bed);
                s.bed.close();
            }, starts).exceptionally(e -> null));
        }
        stops.forEach(CompletableFuture::join);
        if (starts != null) {
            starts.shutdown();
        }
    }

    /**
     * SIGTERM to the shared host's own processes, by PID: a smoke run's host holds nothing worth a graceful stop,
     * and {@code ejabberdctl stop} (a second Erlang node that asks the first to stop) takes 2.5-3.5 s where the
     * signal takes a fraction of a second. The bed's close then finds them gone (and still kills what lingers).
     */
    private static void terminateHost(Testbed bed) {
        List<ProcessHandle> processes = bed.host().processes();
        processes.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(3).toNanos();
        for (ProcessHandle p : processes) {
            while (p.isAlive() && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static <T> T join(CompletableFuture<T> future) throws Exception {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** A shared bed and our two components, all started in parallel. */
    private record Shared(Testbed bed, Testbed.Builder options, CompletableFuture<RunningComponent> muc,
                          CompletableFuture<RunningComponent> pubsub) {
        static Shared start(String kind, Path dir, UnaryOperator<Testbed.Builder> options, ExecutorService starts) {
            try {
                Testbed.Builder builder = options.apply(Testbed.builder(kind, dir));
                Testbed bed = builder.componentsInProcess().build().start();
                return new Shared(bed, builder, CompletableFuture.supplyAsync(() -> attach(kind, "MUC", bed::startOurMuc), starts),
                        CompletableFuture.supplyAsync(() -> attach(kind, "PubSub", bed::startOurPubSub), starts));
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }

        private interface Starter {
            RunningComponent start(List<String> extraArgs) throws IOException, InterruptedException;
        }

        private static RunningComponent attach(String kind, String what, Starter starter) {
            long t0 = System.nanoTime();
            try {
                RunningComponent process = starter.start(List.of());
                System.out.printf("[testbeds] our %s attached to the shared %s in %d ms%n", what, kind,
                        (System.nanoTime() - t0) / 1_000_000);
                return process;
            } catch (IOException e) {
                throw new CompletionException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompletionException(e);
            }
        }
    }

    /** One scenario's use of a testbed; closing it stops what this scenario alone started. */
    public static final class Lease implements AutoCloseable {
        private final Testbed bed;
        private final RunningComponent sharedMuc;
        private final RunningComponent sharedPubSub;

        private Lease(Testbed bed, RunningComponent sharedMuc, RunningComponent sharedPubSub) {
            this.bed = bed;
            this.sharedMuc = sharedMuc;
            this.sharedPubSub = sharedPubSub;
        }

        public Testbed bed() {
            return bed;
        }

        private boolean shared() {
            return sharedMuc != null;
        }

        /** Our MUC with default options ({@link Testbed#startOurMuc}): a fresh process, or the shared bed's. */
        public RunningComponent ourMuc() throws IOException, InterruptedException {
            return shared() ? sharedMuc : bed.startOurMuc(List.of());
        }

        /** Our PubSub with default options ({@link Testbed#startOurPubSub}): a fresh process, or the shared bed's. */
        public RunningComponent ourPubSub() throws IOException, InterruptedException {
            return shared() ? sharedPubSub : bed.startOurPubSub(List.of());
        }

        /** Stops a component this lease started; a shared one runs on for the next scenario. */
        public void release(RunningComponent process) throws InterruptedException {
            if (!shared()) {
                bed.stop(process);
            }
        }

        @Override
        public void close() {
            if (!shared()) {
                bed.close();
            }
        }
    }
}
