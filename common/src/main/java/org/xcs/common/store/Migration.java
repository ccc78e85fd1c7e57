package org.xcs.common.store;

/**
 * Upgrades stored data from an older schema version. Runs after open, before the component uses the store; it may
 * open maps and run transactions. The new version is recorded only after it returns, so a migration interrupted by
 * a crash runs again on the next start: write it to be repeatable.
 */
@FunctionalInterface
public interface Migration {

    void migrate(Store store, int fromVersion, int toVersion);
}
