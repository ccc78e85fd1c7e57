package org.xcs.bench.testbed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.xcs.bench.client.Login;
import org.xcs.bench.proc.ProcessTree;
import org.xcs.common.harness.EjabberdHost;
import org.xcs.common.harness.ProsodyHost;
import org.xcs.common.harness.TestHost;

/**
 * One benchmark host with everything a scenario compares: built-in MUC on {@code conference.DOMAIN} and built-in
 * PubSub on {@code pubsub.DOMAIN}; our MUC on {@code muc.DOMAIN} and our PubSub on {@code ps.DOMAIN}, declared as
 * XEP-0114 components and started on demand: as processes, or in the bench's JVM on a smoke run's bed
 * ({@link Builder#componentsInProcess()}). Use:
 * <pre>{@code
 * try (Testbed bed = Testbed.builder("prosody", workDir).build().start()) {
 *     Login login = bed.login();                       // SASL ANONYMOUS on 127.0.0.1
 *     RunningComponent muc = bed.startOurMuc(List.of());  // fresh data dir, waits until attached
 *     ProcessTree host = bed.hostTree(), comp = Testbed.tree("component", muc);
 * }
 * }</pre>
 * Limits (what is changed from the hosts' defaults, and why) are in BENCHMARKS.md.
 */
public final class Testbed implements AutoCloseable {
    public static final String DOMAIN = "bench.test";
    public static final String BUILTIN_MUC = "conference." + DOMAIN;
    public static final String BUILTIN_PUBSUB = "pubsub." + DOMAIN;
    public static final String OUR_MUC = "muc." + DOMAIN;
    public static final String OUR_PUBSUB = "ps." + DOMAIN;
    private static final String SECRET = "bench-secret";
    /** Prosody's setting for {@link Builder#prosodyGenerationalGc()}. */
    static final String GENERATIONAL_GC = "gc = { mode = \"generational\" }";
    private static final Duration ATTACH_TIMEOUT = Duration.ofSeconds(60);
    /** Item cap of the built-in PubSub services once {@link Builder#openBuiltinPubSub()} raised it. */
    public static final int BUILTIN_PUBSUB_MAX_ITEMS = 100_000;

    private final String kind;
    private final TestHost host;
    private final Path workDir;
    private final boolean componentsInProcess;
    // Synchronized: a shared smoke-run bed starts our MUC and PubSub in parallel.
    private final List<RunningComponent> started = java.util.Collections.synchronizedList(new ArrayList<>());
    private final java.util.concurrent.atomic.AtomicInteger componentStarts = new java.util.concurrent.atomic.AtomicInteger();

    private Testbed(String kind, TestHost host, Path workDir, boolean componentsInProcess) {
        this.kind = kind;
        this.host = host;
        this.workDir = workDir;
        this.componentsInProcess = componentsInProcess;
    }

    /** {@code kind}: "prosody" or "ejabberd". */
    public static Builder builder(String kind, Path workDir) {
        return new Builder(kind, workDir);
    }

    public Testbed start() {
        host.start();
        return this;
    }

    public String kind() {
        return kind;
    }

    public TestHost host() {
        return host;
    }

    public String domain() {
        return DOMAIN;
    }

    /** Anonymous c2s login on the host (no accounts needed). */
    public Login login() {
        return Login.anonymous("127.0.0.1", host.c2sPort(), DOMAIN);
    }

    /** The host's processes: the one started and its descendants (ejabberd's beam.smp runs under a shell). */
    public ProcessTree hostTree() {
        List<ProcessHandle> processes = host.processes();
        if (processes.isEmpty()) {
            throw new IllegalStateException(kind + " is not running");
        }
        return new ProcessTree(kind, processes.get(0).pid());
    }

    public static ProcessTree tree(String name, RunningComponent process) {
        return new ProcessTree(name, process.pid());
    }

    /**
     * Our MUC, attached to {@link #OUR_MUC} with a fresh data dir and nothing throttled: anyone may create rooms and
     * no history is kept (the built-ins are configured with history 0 too, see BENCHMARKS.md).
     */
    public RunningComponent startOurMuc(List<String> extraArgs) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("--room-creation", "anyone", "--max-history", "0"));
        args.addAll(extraArgs);
        return startComponent("org.xcs.muc.Main", OUR_MUC, args, null);
    }

    /** Our PubSub attached to {@link #OUR_PUBSUB}, fresh data dir unless {@code extraArgs} names one. */
    public RunningComponent startOurPubSub(List<String> extraArgs) throws IOException, InterruptedException {
        return startComponent("org.xcs.pubsub.Main", OUR_PUBSUB, extraArgs, null);
    }

    /**
     * The JVM options our launchers use (scripts/component.jvm, passed by scripts/bench/run as the system property
     * {@code xcs.componentJvm}), so the bench measures the components as admins start them. Unset: JVM defaults.
     */
    public static List<String> componentJvmOptions() {
        String file = System.getProperty("xcs.componentJvm", "");
        return file.isBlank() ? List.of() : List.of("@" + Path.of(file).toAbsolutePath());
    }

    /**
     * A smoke run's component JVMs (those it cannot run in-process, see {@link InProcessComponent}): the launchers'
     * options, then the C1 compiler only and the JDK's class-data archive, which start a JVM in about half the CPU
     * time; their figures mean nothing anyway. A full run uses {@link #componentJvmOptions()} alone.
     */
    public static List<String> smokeComponentJvmOptions() {
        List<String> options = new ArrayList<>(componentJvmOptions());
        options.addAll(List.of("-XX:TieredStopAtLevel=1", "-Xshare:auto"));
        return options;
    }

    /**
     * Starts one of our components as a process (as an admin would: its Main and flags, the launchers' JVM options) on a
     * declared domain and waits until it is attached. {@code dataDir} null: a fresh one under the work dir. On a bed
     * built with {@link Builder#componentsInProcess()} (a smoke run's), the MUC and PubSub run in-process instead.
     */
    public RunningComponent startComponent(String mainClass, String domain, List<String> extraArgs, Path dataDir)
            throws IOException, InterruptedException {
        int n = componentStarts.incrementAndGet();
        Path dir = Files.createDirectories(workDir.resolve(kind + "-components"));
        Path secret = dir.resolve("secret");
        synchronized (this) { // a parallel start must never read the file half written
            if (!Files.exists(secret)) {
                Files.writeString(secret, SECRET + "\n");
            }
        }
        Path data = dataDir != null ? dataDir : Files.createDirectories(dir.resolve(domain + "-data-" + n));
        List<String> args = new ArrayList<>(List.of("--host", "127.0.0.1", "--port",
                Integer.toString(host.componentPort(domain)), "--domain", domain, "--secret-file", secret.toString(),
                "--ping-interval", "5", "--handshake-timeout", "30"));
        if (extraArgs.stream().noneMatch(a -> a.equals("--data-dir") || a.startsWith("--data-dir="))) {
            args.addAll(List.of("--data-dir", data.toString()));
        }
        args.addAll(extraArgs);
        if (componentsInProcess && InProcessComponent.supports(mainClass)) {
            InProcessComponent component = InProcessComponent.start(mainClass, args);
            started.add(component);
            return component;
        }
        ComponentJvm process = ComponentJvm.start(mainClass, dir.resolve(domain + "-" + n + ".log"),
                componentJvmOptions(), args);
        started.add(process);
        if (!process.awaitOutput(": connected to ", ATTACH_TIMEOUT)) {
            String output = process.output();
            stop(process);
            throw new IllegalStateException(mainClass + " never attached to " + kind + ":\n" + output);
        }
        return process;
    }

    /**
     * Waits (bounded) until the host uses less than a tenth of a core over 300 ms: after hundreds of clients leave at
     * once a host may be busy for seconds, which would otherwise be charged to whatever is measured next.
     */
    public boolean awaitHostIdle(Duration atMost) throws InterruptedException {
        ProcessTree tree = hostTree();
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            double before = tree.cpuSeconds();
            Thread.sleep(300);
            if (tree.cpuSeconds() - before < 0.03) {
                return true;
            }
        }
        return false;
    }

    /** SIGTERM (the component drains), then SIGKILL if it lingers; by its own PID. */
    public void stop(RunningComponent process) throws InterruptedException {
        process.stop(Duration.ofSeconds(15));
        started.remove(process);
    }

    @Override
    public void close() {
        stopComponents();
        host.close();
    }

    /** Stops every component started on this bed (each drains first), leaving the host running. */
    public void stopComponents() {
        List<RunningComponent> running;
        synchronized (started) {
            running = new ArrayList<>(started);
        }
        for (RunningComponent process : running) {
            try {
                stop(process);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.close();
            }
        }
    }

    /** Host configuration; the defaults carry the MUC and PubSub built-ins; extra lines let a scenario add more. */
    public static final class Builder {
        private final String kind;
        private final Path workDir;
        private final List<String> prosodyGlobal = new ArrayList<>();
        private final List<String> prosodyMuc = new ArrayList<>();
        private final List<String> prosodyPubsub = new ArrayList<>();
        private final List<Path> prosodyPluginPaths = new ArrayList<>();
        private final List<String> ejabberdMuc = new ArrayList<>();
        private final List<String> ejabberdPubsub = new ArrayList<>();
        private final List<String> ejabberdModules = new ArrayList<>();
        private final List<String> ejabberdTopLevel = new ArrayList<>();
        private final List<String> components = new ArrayList<>(List.of(OUR_MUC, OUR_PUBSUB));
        private boolean openBuiltinPubSub;
        private boolean prosodyNagle;
        private boolean prosodyGenerationalGc;
        private boolean noMulticast;
        private boolean pubSubOpened;
        private boolean componentsInProcess;

        private Builder(String kind, Path workDir) {
            if (!kind.equals("prosody") && !kind.equals("ejabberd")) {
                throw new IllegalArgumentException("host kind is prosody or ejabberd, not " + kind);
            }
            this.kind = kind;
            this.workDir = workDir;
        }

        /** Lua lines in Prosody's global section (later assignments win over the testbed's). */
        public Builder prosodyGlobal(String lua) {
            prosodyGlobal.addAll(lua.lines().toList());
            return this;
        }

        /** Lua lines inside {@code Component "conference.DOMAIN" "muc"}. */
        public Builder prosodyMuc(String lua) {
            prosodyMuc.addAll(lua.lines().toList());
            return this;
        }

        /** Lua lines inside {@code Component "pubsub.DOMAIN" "pubsub"}. */
        public Builder prosodyPubsub(String lua) {
            prosodyPubsub.addAll(lua.lines().toList());
            return this;
        }

        /** YAML lines (unindented) added under ejabberd's {@code mod_muc:} options. */
        public Builder ejabberdMuc(String yaml) {
            ejabberdMuc.addAll(yaml.lines().toList());
            return this;
        }

        /** YAML lines (unindented) added under ejabberd's {@code mod_pubsub:} options. */
        public Builder ejabberdPubsub(String yaml) {
            ejabberdPubsub.addAll(yaml.lines().toList());
            return this;
        }

        /** Further ejabberd modules (YAML under {@code modules:}, unindented). */
        public Builder ejabberdModules(String yaml) {
            ejabberdModules.addAll(yaml.lines().toList());
            return this;
        }

        public Builder ejabberdTopLevel(String yaml) {
            ejabberdTopLevel.addAll(yaml.lines().toList());
            return this;
        }

        /** Declares one more XEP-0114 component domain of ours (e.g. a second service). */
        public Builder component(String domain) {
            components.add(domain);
            return this;
        }

        /**
         * Opens the built-in PubSub services up the way the PubSub scenarios need and no further: Prosody's
         * mod_pubsub lets only admins create nodes and caps max_items at 256 (anonymous bench users are never
         * admins), so a tiny plugin ({@code mod_bench_pubsub_open}) gives every user the owner affiliation and
         * {@code pubsub_max_items} is raised; ejabberd's {@code max_items_node} is raised likewise.
         */
        public Builder openBuiltinPubSub() {
            openBuiltinPubSub = true;
            return this;
        }

        /**
         * Leaves Prosody 0.12's default, Nagle's algorithm on every connection, which the testbed otherwise turns off
         * as docs/hosts.md recommends to admins (ejabberd turns it off by itself): with it on, a stanza Prosody
         * writes while its previous one on that connection is not acknowledged waits for the peer's delayed ACK, 40
         * ms on Linux (BENCHMARKS.md, ninth session). For measuring what a host left at its defaults does.
         */
        public Builder prosodyNagle() {
            prosodyNagle = true;
            return this;
        }

        /**
         * Runs Prosody's Lua garbage collector in generational mode ({@code gc = { mode = "generational" }}, Prosody
         * 0.12 on Lua 5.4) instead of Prosody's default, incremental with a pause of 105%, which starts a new cycle
         * once the heap has grown by 5%. For the built-ins and ours alike: measured in BENCHMARKS.md (thirteenth
         * session), not recommended to admins: it cut Prosody's CPU per delivery 2-3x and doubled its RSS per
         * occupant there.
         */
        public Builder prosodyGenerationalGc() {
            prosodyGenerationalGc = true;
            return this;
        }

        /**
         * Leaves the hosts without an XEP-0033 multicast service, which the testbed otherwise loads as docs/hosts.md
         * recommends (ejabberd's {@code mod_multicast}; for Prosody our {@code mod_xcs_multicast}): our components
         * then send one stanza per recipient, and ejabberd's own MUC routes its fan-out without the service. For
         * measuring what a host without one does.
         */
        public Builder noMulticast() {
            noMulticast = true;
            return this;
        }

        /**
         * Our MUC and PubSub run inside the bench's JVM ({@link InProcessComponent}): for a smoke run's shared beds
         * only, whose figures mean nothing. Not an option of the host, so {@link #covers} ignores it.
         */
        public Builder componentsInProcess() {
            componentsInProcess = true;
            return this;
        }

        /** True if a bed built from this builder has every option {@code other} asks for (a shared bed may have more). */
        boolean covers(Builder other) {
            return kind.equals(other.kind) && (openBuiltinPubSub || !other.openBuiltinPubSub)
                    && prosodyNagle == other.prosodyNagle && noMulticast == other.noMulticast
                    && prosodyGenerationalGc == other.prosodyGenerationalGc
                    && prosodyGlobal.containsAll(other.prosodyGlobal) && prosodyMuc.containsAll(other.prosodyMuc)
                    && prosodyPubsub.containsAll(other.prosodyPubsub) && ejabberdMuc.containsAll(other.ejabberdMuc)
                    && ejabberdPubsub.containsAll(other.ejabberdPubsub)
                    && ejabberdModules.containsAll(other.ejabberdModules)
                    && ejabberdTopLevel.containsAll(other.ejabberdTopLevel) && components.containsAll(other.components);
        }

        public Testbed build() throws IOException {
            Path dir = Files.createDirectories(workDir);
            if (openBuiltinPubSub && !pubSubOpened) {
                pubSubOpened = true;
                Path plugins = Files.createDirectories(dir.resolve("prosody-plugins"));
                Files.writeString(plugins.resolve("mod_bench_pubsub_open.lua"), String.join("\n",
                        "-- xcs bench: every user is owner of the built-in pubsub service (node creation is admin-only,",
                        "-- and anonymous bench users cannot be admins). Nothing else changes.",
                        "local mod_pubsub = module:depends(\"pubsub\");",
                        "mod_pubsub.service.config.get_affiliation = function () return \"owner\"; end;", ""));
                // Into the harness's one plugin_paths: a plugin_paths line of our own would replace the harness's,
                // and Prosody then failed to load our XEP-0033 service in every PubSub scenario.
                prosodyPluginPaths.add(plugins);
                prosodyPubsub.addAll(0, List.of("pubsub_max_items = " + BUILTIN_PUBSUB_MAX_ITEMS,
                        "modules_enabled = { \"bench_pubsub_open\" }"));
                ejabberdPubsub.add(0, "max_items_node: " + BUILTIN_PUBSUB_MAX_ITEMS);
            }
            return new Testbed(kind, kind.equals("prosody") ? prosody() : ejabberd(), dir, componentsInProcess);
        }

        private TestHost prosody() {
            ProsodyHost.Builder b = ProsodyHost.builder(DOMAIN).startTimeout(Duration.ofSeconds(60));
            components.forEach(c -> b.component(c, SECRET));
            // mod_limits (c2s/s2s rate limits) stays unloaded; listed as disabled so that no default turns it on.
            b.globalConfig("modules_disabled = { \"tls\"; \"s2s\"; \"limits\" }\n"
                    + "c2s_stanza_size_limit = 1024*1024\n"
                    + "log = { warn = " + lua(workDirLog()) + " }");
            if (!prosodyNagle) {
                // The setting docs/hosts.md recommends: for the built-ins and ours alike (see prosodyNagle()).
                b.globalConfig("network_settings = { nagle = false }");
            }
            if (prosodyGenerationalGc) {
                b.globalConfig(GENERATIONAL_GC);
            }
            if (!noMulticast) {
                // Our XEP-0033 service for Prosody (scripts/hosts/prosody-plugins), as docs/hosts.md recommends;
                // Prosody's own MUC and PubSub do not use it.
                b.xcsMulticast("multicast." + DOMAIN);
            }
            prosodyPluginPaths.forEach(b::pluginPath);
            prosodyGlobal.forEach(b::globalConfig);
            // RFC 4505 SASL ANONYMOUS: every driver client gets a fresh JID, no accounts to create.
            b.hostConfig("authentication = \"anonymous\"");
            StringBuilder muc = new StringBuilder("Component " + lua(BUILTIN_MUC) + " \"muc\"\n")
                    .append("  muc_room_default_history_length = 0\n")
                    .append("  muc_room_locking = false\n")
                    .append("  muc_tombstones = false\n")
                    .append("  muc_room_default_public = true\n");
            prosodyMuc.forEach(l -> muc.append("  ").append(l).append('\n'));
            StringBuilder ps = new StringBuilder("Component " + lua(BUILTIN_PUBSUB) + " \"pubsub\"\n");
            prosodyPubsub.forEach(l -> ps.append("  ").append(l).append('\n'));
            b.trailingConfig(muc.toString());
            b.trailingConfig(ps.toString());
            return b.build();
        }

        private String workDirLog() {
            return workDir.resolve("prosody-warn.log").toString();
        }

        private TestHost ejabberd() {
            EjabberdHost.Builder b = EjabberdHost.builder(DOMAIN).startTimeout(Duration.ofSeconds(90));
            components.forEach(c -> b.component(c, SECRET));
            StringBuilder muc = new StringBuilder("mod_muc:\n")
                    .append("  host: ").append(yaml(BUILTIN_MUC)).append('\n')
                    .append("  access: all\n  access_create: all\n  access_persistent: all\n  access_admin: none\n")
                    .append("  history_size: 0\n")
                    .append("  max_users: 10000\n  max_users_presence: 10000\n  max_user_conferences: 1000\n")
                    .append("  min_message_interval: 0\n  min_presence_interval: 0\n")
                    .append("  default_room_options:\n    max_users: 10000\n    persistent: false\n    public: true\n");
            ejabberdMuc.forEach(l -> muc.append("  ").append(l).append('\n'));
            StringBuilder ps = new StringBuilder("mod_pubsub:\n")
                    .append("  host: ").append(yaml(BUILTIN_PUBSUB)).append('\n')
                    .append("  access_createnode: all\n");
            ejabberdPubsub.forEach(l -> ps.append("  ").append(l).append('\n'));
            b.moduleConfig(muc.toString());
            b.moduleConfig(ps.toString());
            ejabberdModules.forEach(b::moduleConfig);
            if (!noMulticast) {
                // The module docs/hosts.md recommends; ejabberd's own MUC routes through it too once it is loaded.
                b.moduleConfig("mod_multicast: {}");
            }
            // SASL ANONYMOUS on the benchmark domain; the c2s listener of the harness has no shaper (default none).
            b.topLevelConfig("host_config:\n  " + yaml(DOMAIN) + ":\n    auth_method: [anonymous]\n"
                    + "    anonymous_protocol: sasl_anon\n    allow_multiple_connections: true\n"
                    + "max_fsm_queue: 1000000\n"
                    + "shaper_rules:\n  max_user_sessions: 100000\n");
            ejabberdTopLevel.forEach(b::topLevelConfig);
            return b.build();
        }

        private static String lua(String value) {
            return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }

        private static String yaml(String value) {
            return '"' + value + '"';
        }
    }
}
