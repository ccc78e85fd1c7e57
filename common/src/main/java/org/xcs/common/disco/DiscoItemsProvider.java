package org.xcs.common.disco;

import org.xcs.common.stanza.rsm.PageSource;

import java.util.Optional;

/** Lists the items of an entity or node; empty when the entity or node is not its own. */
@FunctionalInterface
public interface DiscoItemsProvider {
    Optional<PageSource<DiscoItem>> items(DiscoQuery query);
}
