package org.xcs.common.harness;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * Marks a test class that runs real Prosody/ejabberd instances: tagged {@code real-host} and reported as skipped
 * under {@code -DskipHostTests}. Pair it with {@link HostTests#requireProsody()} / {@link HostTests#requireEjabberd()}
 * in {@code @BeforeAll}, which FAIL when a host is not installed.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("real-host")
@DisabledIfSystemProperty(named = HostTests.SKIP_PROPERTY, matches = "true",
        disabledReason = "real-host tests skipped (-DskipHostTests)")
public @interface RealHostTest {
}
