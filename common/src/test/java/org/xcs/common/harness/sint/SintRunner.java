package org.xcs.common.harness.sint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Collectors;

import org.igniterealtime.smack.inttest.AbstractSmackIntTest;
import org.igniterealtime.smack.inttest.AbstractSmackIntegrationTest;
import org.igniterealtime.smack.inttest.AbstractSmackLowLevelIntegrationTest;
import org.igniterealtime.smack.inttest.Configuration;
import org.igniterealtime.smack.inttest.ConnectionConfigurationBuilderApplier;
import org.igniterealtime.smack.inttest.FailedTest;
import org.igniterealtime.smack.inttest.SmackIntegrationTestFramework;
import org.igniterealtime.smack.inttest.SmackIntegrationTestFramework.ConcreteTest;
import org.igniterealtime.smack.inttest.SmackIntegrationTestFramework.TestRunResult;
import org.igniterealtime.smack.inttest.SuccessfulTest;
import org.igniterealtime.smack.inttest.TestNotPossible;
import org.igniterealtime.smack.inttest.TestResult;
import org.igniterealtime.smack.inttest.annotations.SmackIntegrationTest;
import org.igniterealtime.smack.inttest.annotations.SpecificationReference;
import org.jivesoftware.smack.Smack;
import org.jivesoftware.smack.SmackConfiguration;
import org.jivesoftware.smackx.iqregister.AccountManager;
import org.reflections.Reflections;
import org.reflections.scanners.SubTypesScanner;
import org.xcs.common.harness.sint.SintOutcome.Status;

/**
 * Runs every SINT test class of one specification ({@link SintSuite}) against the service a real host lists in its
 * disco#items, through the host's plain c2s port on 127.0.0.1, with throw-away accounts SINT registers in-band.
 *
 * <p>SINT 4.5.0-beta5 aborts the WHOLE run when a test throws an unchecked exception other than an assertion or NPE
 * (e.g. Smack's form API on a MUC room form without {@code muc#roomconfig_passwordprotectedroom}). This runner records the
 * tests that finished, records the one that aborted as failed, and starts SINT again with only the tests that have no
 * result yet, until every test has one. Only a failure SINT cannot pin on a test (accounts, login, service discovery)
 * ends the run, as {@link SintSetupException}.
 */
public final class SintRunner {
    public static final String SINT_VERSION = Smack.getVersion();
    /**
     * Replies on loopback take milliseconds; SINT also waits this long for stanzas that never come, and Smack waits
     * this long for the host's closing stream tag when SINT deletes its accounts at the end of each run.
     */
    public static final Duration REPLY_TIMEOUT = Duration.ofSeconds(5);
    /** SINT runs after the first for a test of {@link SintSuite#knownClientRaces} that failed. */
    static final int RACE_RETRIES = 3;
    /** Where SINT itself looks for tests when no test package is configured. */
    private static final String[] SINT_PACKAGES = {
            "org.jivesoftware.smackx", "org.jivesoftware.smack", "org.igniterealtime.smackx", "org.igniterealtime.smack"};

    private final SintSuite suite;
    private final String xmppDomain;
    private final int c2sPort;
    private final Duration replyTimeout;
    private final Path logFile;

    /**
     * @param replyTimeout SINT's reply timeout, also its wait for expected stanzas: a service that never answers
     *                     costs this much per test
     * @param logFile      SINT's and Smack's own log (JUL), kept out of the build output
     */
    public SintRunner(SintSuite suite, String xmppDomain, int c2sPort, Duration replyTimeout, Path logFile) {
        this.suite = suite;
        this.xmppDomain = xmppDomain;
        this.c2sPort = c2sPort;
        this.replyTimeout = replyTimeout;
        this.logFile = logFile;
    }

    private static final Map<String, List<SintTestId>> TESTS_BY_SPECIFICATION = new ConcurrentHashMap<>();

    /** Every SINT test method of the classes annotated {@code @SpecificationReference(document = specification)}. */
    public static List<SintTestId> testsOf(String specification) {
        return TESTS_BY_SPECIFICATION.computeIfAbsent(specification, spec -> {
            long start = System.nanoTime();
            List<SintTestId> tests = scanForTestsOf(spec);
            System.out.printf("[sint] %d %s tests in SINT %s (classpath scan: %d ms)%n", tests.size(), spec,
                    SINT_VERSION, (System.nanoTime() - start) / 1_000_000);
            return tests;
        });
    }

    private static List<SintTestId> scanForTestsOf(String specification) {
        Reflections reflections = new Reflections(SINT_PACKAGES, new SubTypesScanner());
        Set<Class<? extends AbstractSmackIntTest>> classes = new HashSet<>();
        classes.addAll(reflections.getSubTypesOf(AbstractSmackIntegrationTest.class));
        classes.addAll(reflections.getSubTypesOf(AbstractSmackLowLevelIntegrationTest.class));
        Set<SintTestId> tests = new TreeSet<>();
        for (Class<? extends AbstractSmackIntTest> testClass : classes) {
            SpecificationReference spec = testClass.getAnnotation(SpecificationReference.class);
            if (Modifier.isAbstract(testClass.getModifiers()) || spec == null
                    || !Configuration.normalizeSpecification(specification).equals(
                            Configuration.normalizeSpecification(spec.document()))) {
                continue;
            }
            for (Method method : testClass.getMethods()) {
                if (method.isAnnotationPresent(SmackIntegrationTest.class)) {
                    tests.add(SintTestId.of(method));
                }
            }
        }
        return List.copyOf(tests);
    }

    public SintReport run(String target) throws InterruptedException {
        List<SintTestId> all = testsOf(suite.specification());
        if (all.isEmpty()) {
            throw new SintSetupException("SINT " + SINT_VERSION + " has no " + suite.specification()
                    + " tests on the classpath");
        }
        long start = System.nanoTime();
        Map<String, SintOutcome> outcomes = new LinkedHashMap<>();
        Map<String, List<String>> failureSites = new HashMap<>();
        List<String> aborts = new ArrayList<>();
        int runs = 0;
        long previousReplyTimeout = SmackConfiguration.getDefaultReplyTimeout();
        TestTracker tracker = new TestTracker();
        try (SintLogging ignored = SintLogging.redirect(logFile, tracker)) {
            // XEP-0077 registration is refused by Smack over a connection without TLS unless allowed (loopback only).
            AccountManager.sensitiveOperationOverInsecureConnectionDefault(true);
            while (true) {
                List<SintTestId> remaining = all.stream().filter(t -> !hasOutcome(outcomes, t)).toList();
                if (remaining.isEmpty()) {
                    break;
                }
                runs++;
                tracker.reset();
                RecordingSint sint = new RecordingSint(configuration(remaining));
                Throwable abort = null;
                try {
                    sint.run();
                } catch (InterruptedException e) {
                    throw e;
                } catch (Throwable t) {
                    abort = t;
                }
                int before = outcomes.size();
                collect(sint.resultSoFar(), all, outcomes, failureSites);
                if (abort == null) {
                    // SINT finished: whatever has no result was never run, which must not pass as "not failed".
                    for (SintTestId test : remaining) {
                        if (!hasOutcome(outcomes, test)) {
                            put(outcomes, new SintOutcome(test, "", Status.FAILED,
                                    "SINT " + SINT_VERSION + " finished without running this test", 0));
                        }
                    }
                    break;
                }
                if (all.stream().allMatch(t -> hasOutcome(outcomes, t))) {
                    // E.g. "No integration tests selected": SINT gives up when every remaining class could not be
                    // set up, after it recorded them as impossible.
                    aborts.add("run " + runs + " ended once every test had a result: " + SintOutcome.describe(abort));
                    break;
                }
                String culprit = blame(abort, tracker, remaining, outcomes);
                if (culprit == null) {
                    throw new SintSetupException("SINT " + SINT_VERSION + " could not run against " + target
                            + " (results so far: " + (outcomes.size() - before) + " in this run); log: " + logFile,
                            abort);
                }
                aborts.add("run " + runs + ": " + culprit + " threw " + SintOutcome.describe(abort));
            }
            runs += retryKnownClientRaces(outcomes, failureSites, tracker);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the SINT log " + logFile, e);
        } finally {
            SmackConfiguration.setDefaultReplyTimeout((int) previousReplyTimeout);
        }
        return new SintReport(suite.specification(), target, new ArrayList<>(outcomes.values()),
                Duration.ofNanos(System.nanoTime() - start), runs, aborts);
    }

    /**
     * Up to {@value #RACE_RETRIES} more SINT runs for the failed tests of {@link SintSuite#knownClientRaces}; a pass
     * in any of them replaces the failure. Several, not one: the MUC leave/rejoin lock-up in Smack 4.5.0-beta5 (see
     * MucSint) hit the first attempt in 3 of 4 CI runs of one day, so one retry would still fail one run in a few.
     */
    private int retryKnownClientRaces(Map<String, SintOutcome> outcomes, Map<String, List<String>> failureSites,
                                      TestTracker tracker) throws InterruptedException {
        int runs = 0;
        for (int attempt = 2; attempt <= RACE_RETRIES + 1; attempt++) {
            List<SintOutcome> racy = outcomes.values().stream()
                    .filter(o -> o.status() == Status.FAILED && suite.knownClientRaces().containsKey(o.test().toString()))
                    .toList();
            if (racy.isEmpty()) {
                break;
            }
            runs++;
            tracker.reset();
            RecordingSint sint = new RecordingSint(configuration(racy.stream().map(SintOutcome::test).distinct().toList()));
            try {
                sint.run();
            } catch (InterruptedException e) {
                throw e;
            } catch (Throwable ignored) {
                // Whatever did not pass in this run keeps its first failure.
            }
            TestRunResult again = sint.resultSoFar();
            Map<String, String> sitesNow = new HashMap<>();
            if (again != null) {
                for (FailedTest failed : again.getFailedTests()) {
                    SintOutcome now = outcome(failed, Status.FAILED, "");
                    sitesNow.put(key(now.test(), now.variant()), SintOutcome.site(failed.failureReason));
                }
            }
            for (SintOutcome tried : racy) {
                String key = key(tried.test(), tried.variant());
                failureSites.computeIfAbsent(key, k -> new ArrayList<>()).add(sitesNow.getOrDefault(key, ""));
            }
            if (again == null) {
                continue;
            }
            for (SuccessfulTest passed : again.getSuccessfulTests()) {
                SintOutcome later = outcome(passed, Status.PASSED, "");
                String key = key(later.test(), later.variant());
                SintOutcome first = outcomes.get(key);
                if (first != null && first.status() == Status.FAILED) {
                    outcomes.put(key, new SintOutcome(later.test(), later.variant(), Status.PASSED,
                            "passed in run " + attempt + "; the 1st failed (" + first.reason() + ") on a known Smack"
                                    + " race: " + suite.knownClientRaces().get(later.test().toString()),
                            later.millis()));
                }
            }
        }
        // A race that showed at its registered site in every run, and nowhere else (SintSuite.settle).
        outcomes.replaceAll((key, outcome) -> outcome.status() == Status.FAILED
                ? suite.settle(outcome, failureSites.getOrDefault(key, List.of()), RACE_RETRIES + 1)
                : outcome);
        return runs;
    }

    private Configuration configuration(List<SintTestId> tests) {
        try {
            Configuration configuration = Configuration.builder()
                    .setService(xmppDomain)
                    // Loopback only, and the test hosts offer no TLS.
                    .setSecurityMode("disabled")
                    .setReplyTimeout(String.valueOf(replyTimeout.toMillis()))
                    .setEnabledSpecifications(suite.specification())
                    .setEnabledTests(tests.stream().map(SintTestId::enabledTestsEntry).collect(Collectors.joining(",")))
                    .addTestPackages(tests.stream().map(t -> t.className().substring(0, t.className().lastIndexOf('.')))
                            .distinct().toArray(String[]::new))
                    .build();
            return dialingTheTestHost(configuration);
        } catch (Exception e) {
            throw new SintSetupException("cannot build the SINT configuration", e);
        }
    }

    /**
     * SINT resolves the service by DNS and dials port 5222; its builder has no port option. Every connection it makes
     * (registration, the three test accounts) goes through the public {@code configurationApplier}: wrap it.
     */
    private Configuration dialingTheTestHost(Configuration configuration) throws ReflectiveOperationException {
        ConnectionConfigurationBuilderApplier original = configuration.configurationApplier;
        ConnectionConfigurationBuilderApplier toTestHost = builder -> {
            original.applyConfigurationTo(builder);
            builder.setHostAddress(InetAddress.getLoopbackAddress());
            builder.setPort(c2sPort);
        };
        Field field = Configuration.class.getField("configurationApplier");
        field.setAccessible(true);
        field.set(configuration, toTestHost);
        return configuration;
    }

    private static void collect(TestRunResult result, List<SintTestId> all, Map<String, SintOutcome> outcomes,
                                Map<String, List<String>> failureSites) {
        if (result == null) {
            return;
        }
        for (SuccessfulTest passed : result.getSuccessfulTests()) {
            put(outcomes, outcome(passed, Status.PASSED, ""));
        }
        for (FailedTest failed : result.getFailedTests()) {
            SintOutcome outcome = outcome(failed, Status.FAILED, SintOutcome.describe(failed.failureReason));
            String key = key(outcome.test(), outcome.variant());
            if (!outcomes.containsKey(key)) {
                failureSites.put(key, new ArrayList<>(List.of(SintOutcome.site(failed.failureReason))));
            }
            put(outcomes, outcome);
        }
        for (TestNotPossible impossible : result.getNotPossibleTests()) {
            put(outcomes, outcome(impossible, Status.IMPOSSIBLE,
                    SintOutcome.describe(impossible.testNotPossibleException)));
        }
        // A class whose constructor threw a checked exception (e.g. no service that lets test users create rooms/nodes):
        // none of its tests ran.
        result.getImpossibleTestClasses().forEach((testClass, why) -> all.stream()
                .filter(t -> t.className().equals(testClass.getName()) && !hasOutcome(outcomes, t))
                .forEach(t -> put(outcomes, new SintOutcome(t, "", Status.IMPOSSIBLE,
                        "test class could not be set up: " + SintOutcome.describe(why), 0))));
    }

    /** Records the test that aborted the run as failed; null when the abort cannot be pinned on a test. */
    private static String blame(Throwable abort, TestTracker tracker, List<SintTestId> remaining,
                                Map<String, SintOutcome> outcomes) {
        ConcreteTest started = tracker.lastStarted();
        if (started != null) {
            SintTestId test = SintTestId.of(started.getMethod());
            String variant = String.join(",", started.getSubdescriptons());
            if (!outcomes.containsKey(key(test, variant))) {
                put(outcomes, new SintOutcome(test, variant, Status.FAILED,
                        "aborted the SINT run: " + SintOutcome.describe(abort), tracker.millisUntilAbort()));
                return test.toString();
            }
        }
        // No test was running: SINT instantiates every test class before running any, so a constructor threw.
        Set<String> remainingClasses = remaining.stream().map(SintTestId::className).collect(Collectors.toSet());
        for (Throwable t = abort; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (StackTraceElement frame : t.getStackTrace()) {
                String frameClass = frame.getClassName().replaceFirst("\\$.*", "");
                if (remainingClasses.contains(frameClass)) {
                    remaining.stream().filter(r -> r.className().equals(frameClass)).forEach(r -> put(outcomes,
                            new SintOutcome(r, "", Status.FAILED, "test class set-up aborted the SINT run: "
                                    + SintOutcome.describe(abort), 0)));
                    return frameClass.substring(frameClass.lastIndexOf('.') + 1) + " (set-up)";
                }
            }
        }
        return null;
    }

    private static SintOutcome outcome(TestResult result, Status status, String reason) {
        ConcreteTest test = result.concreteTest;
        return new SintOutcome(SintTestId.of(test.getMethod()), String.join(",", test.getSubdescriptons()), status,
                reason, result.duration);
    }

    private static void put(Map<String, SintOutcome> outcomes, SintOutcome outcome) {
        outcomes.putIfAbsent(key(outcome.test(), outcome.variant()), outcome);
    }

    private static String key(SintTestId test, String variant) {
        return test.enabledTestsEntry() + "|" + variant;
    }

    private static boolean hasOutcome(Map<String, SintOutcome> outcomes, SintTestId test) {
        return outcomes.values().stream().anyMatch(o -> o.test().equals(test));
    }

    /** Gives access to the results of a run that ended by an exception (the field is protected). */
    private static final class RecordingSint extends SmackIntegrationTestFramework {
        RecordingSint(Configuration configuration) {
            super(configuration);
        }

        TestRunResult resultSoFar() {
            return testRunResult;
        }
    }

    /**
     * SINT clears its "test under execution" before an abort propagates; it logs "&lt;test&gt; Start" while the test
     * is set, so a log handler remembers it.
     */
    static final class TestTracker extends Handler {
        private volatile ConcreteTest lastStarted;
        private volatile long startedAt;
        private volatile long abortedAt;

        void reset() {
            lastStarted = null;
            abortedAt = 0;
        }

        ConcreteTest lastStarted() {
            return lastStarted;
        }

        /** From the aborting test's start to SINT's abort message (not its clean-up after that). */
        long millisUntilAbort() {
            long end = abortedAt != 0 ? abortedAt : System.nanoTime();
            return (end - startedAt) / 1_000_000;
        }

        @Override
        public void publish(LogRecord record) {
            String message = record.getMessage();
            if (message == null) {
                return;
            }
            if (message.startsWith("Unexpected abort")) {
                abortedAt = System.nanoTime();
            } else if (message.endsWith(" Start")) {
                ConcreteTest current = SmackIntegrationTestFramework.getTestUnderExecution();
                if (current != null) {
                    lastStarted = current;
                    startedAt = System.nanoTime();
                }
            } else if (message.endsWith(" Success") || message.endsWith(" Failed")
                    || message.endsWith(" is not possible")) {
                System.out.println("[sint] " + message);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    /** Sends Smack's and SINT's JUL output to a file for the run (stack traces of every failure), then restores. */
    private static final class SintLogging implements AutoCloseable {
        private static final List<String> ROOTS = List.of("org.igniterealtime", "org.jivesoftware", "org.jxmpp",
                "org.minidns");
        private final List<Logger> loggers = new ArrayList<>();
        private final List<Level> levels = new ArrayList<>();
        private final List<Boolean> useParent = new ArrayList<>();
        private final FileHandler file;
        private final Logger framework = Logger.getLogger(SmackIntegrationTestFramework.class.getName());
        private final Handler tracker;

        private SintLogging(Path logFile, Handler tracker) throws IOException {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            this.file = new FileHandler(logFile.toString(), false);
            this.file.setFormatter(new SimpleFormatter());
            this.tracker = tracker;
            for (String root : ROOTS) {
                Logger logger = Logger.getLogger(root);
                loggers.add(logger);
                levels.add(logger.getLevel());
                useParent.add(logger.getUseParentHandlers());
                logger.setUseParentHandlers(false);
                logger.setLevel(Level.INFO);
                logger.addHandler(file);
            }
            framework.addHandler(tracker);
        }

        static SintLogging redirect(Path logFile, Handler tracker) throws IOException {
            return new SintLogging(logFile, tracker);
        }

        @Override
        public void close() {
            framework.removeHandler(tracker);
            for (int i = 0; i < loggers.size(); i++) {
                loggers.get(i).removeHandler(file);
                loggers.get(i).setLevel(levels.get(i));
                loggers.get(i).setUseParentHandlers(useParent.get(i));
            }
            file.close();
        }
    }
}
