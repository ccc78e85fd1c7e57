package org.xcs.common.harness;

import java.util.Objects;

/** A component the test host accepts on its XEP-0114 port: its domain and shared secret. */
public record ComponentDeclaration(String domain, String secret) {
    public ComponentDeclaration {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(secret, "secret");
        if (domain.isBlank() || secret.isEmpty()) {
            throw new IllegalArgumentException("component domain and secret must not be empty");
        }
    }

    @Override
    public String toString() {
        // The secret stays out of test reports and logs.
        return "ComponentDeclaration[" + domain + "]";
    }
}
