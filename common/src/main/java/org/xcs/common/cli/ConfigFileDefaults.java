package org.xcs.common.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code --config FILE}: a properties file whose keys are the long option names without dashes. Its values become
 * the options' defaults, so the command line still wins, and it works for every option of the command, including
 * those a component adds beside {@link CommonOptions}.
 */
final class ConfigFileDefaults implements IDefaultValueProvider {

    /** Options that make no sense in the file itself. */
    private static final Set<String> NOT_CONFIGURABLE = Set.of("config", "help", "version");

    private final Properties values;

    private ConfigFileDefaults(Properties values) {
        this.values = values;
    }

    /** Reads {@code file} and checks every key names an option of {@code spec}. */
    static ConfigFileDefaults load(Path file, CommandSpec spec) {
        Properties values = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            values.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("--config " + file + ": cannot read it (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
        Set<String> known = new TreeSet<>();
        for (OptionSpec option : spec.options()) {
            known.add(key(option));
        }
        known.removeAll(NOT_CONFIGURABLE);
        for (String key : new TreeSet<>(values.stringPropertyNames())) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException("--config " + file + ": unknown key '" + key + "' (known keys: "
                        + String.join(", ", known) + ")");
            }
        }
        return new ConfigFileDefaults(values);
    }

    @Override
    public String defaultValue(ArgSpec argSpec) {
        if (!(argSpec instanceof OptionSpec option)) {
            return null;
        }
        String value = values.getProperty(key(option));
        return value == null ? null : value.trim();
    }

    private static String key(OptionSpec option) {
        return option.longestName().replaceFirst("^-+", "");
    }
}
