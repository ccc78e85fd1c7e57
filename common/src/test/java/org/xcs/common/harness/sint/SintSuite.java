package org.xcs.common.harness.sint;

import java.util.HashMap;
import java.util.Map;

/**
 * What one SINT run covers: the specification whose test classes run ({@code @SpecificationReference(document =
 * ...)}), the disco identity category of the service SINT looks up in the host's disco#items for them, and the
 * tests whose assertion races inside Smack itself (test {@code Class.method} to the analysis): only these get more
 * runs after failing (up to {@code SintRunner.RACE_RETRIES}).
 */
public record SintSuite(String specification, String serviceCategory, Map<String, String> knownClientRaces) {

    public SintSuite {
        knownClientRaces = Map.copyOf(knownClientRaces);
    }

    public static SintSuite of(String specification, String serviceCategory) {
        return new SintSuite(specification, serviceCategory, Map.of());
    }

    public SintSuite withKnownClientRace(String test, String analysis) {
        Map<String, String> races = new HashMap<>(knownClientRaces);
        races.put(test, analysis);
        return new SintSuite(specification, serviceCategory, races);
    }
}
