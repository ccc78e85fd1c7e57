package org.xcs.common.harness.sint;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.xcs.common.harness.sint.SintOutcome.Status;

/**
 * What one SINT run covers: the specification whose test classes run ({@code @SpecificationReference(document =
 * ...)}), the disco identity category of the service SINT looks up in the host's disco#items for them, and the
 * tests whose assertion races inside Smack itself (test {@code Class.method} to the analysis): only these get more
 * runs after failing (up to {@code SintRunner.RACE_RETRIES}).
 *
 * <p>A race may also name its site ({@link RaceSite}): the one line of SINT's test where the race shows. A test that
 * failed at that line in every run, and nowhere else, counts as passed, because every assertion before the line held
 * in each run and a test of ours checks what SINT's test asserts after it.
 */
public record SintSuite(String specification, String serviceCategory, Map<String, String> knownClientRaces,
                        Map<String, RaceSite> raceSites) {

    /**
     * @param site      {@code File.java:line} in SINT's sources, as {@link SintOutcome#site} gives it
     * @param coveredBy the test of ours that checks deterministically what SINT's test asserts after the site
     */
    public record RaceSite(String site, String coveredBy) {
    }

    public SintSuite {
        knownClientRaces = Map.copyOf(knownClientRaces);
        raceSites = Map.copyOf(raceSites);
    }

    public static SintSuite of(String specification, String serviceCategory) {
        return new SintSuite(specification, serviceCategory, Map.of(), Map.of());
    }

    public SintSuite withKnownClientRace(String test, String analysis) {
        Map<String, String> races = new HashMap<>(knownClientRaces);
        races.put(test, analysis);
        return new SintSuite(specification, serviceCategory, races, raceSites);
    }

    public SintSuite withKnownClientRaceAt(String test, RaceSite site, String analysis) {
        Map<String, RaceSite> sites = new HashMap<>(raceSites);
        sites.put(test, site);
        return new SintSuite(specification, serviceCategory, knownClientRaces, sites)
                .withKnownClientRace(test, analysis);
    }

    /**
     * The outcome of a test that failed in its first run and in every later one: still failed, unless each of those
     * {@code runs} failed at the race site registered for the test ({@code failureSites} holds one site per run, ""
     * where a run gave no result for it).
     */
    SintOutcome settle(SintOutcome failed, List<String> failureSites, int runs) {
        RaceSite race = raceSites.get(failed.test().toString());
        if (failed.status() != Status.FAILED || race == null || failureSites.size() != runs
                || !failureSites.stream().allMatch(race.site()::equals)) {
            return failed;
        }
        return new SintOutcome(failed.test(), failed.variant(), Status.PASSED, "failed in all " + runs + " runs at "
                + race.site() + ", the known Smack race, and nowhere else: every assertion before it held in each"
                + " run; " + race.coveredBy() + " checks what follows it", failed.millis());
    }
}
