package org.xcs.common.disco;

import java.util.Optional;

/** Answers disco#info for entities or nodes other than the service itself; empty when the entity is not its own. */
@FunctionalInterface
public interface DiscoInfoProvider {
    Optional<DiscoInfo> info(DiscoQuery query);
}
