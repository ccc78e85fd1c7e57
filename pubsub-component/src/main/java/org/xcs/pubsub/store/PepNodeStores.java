package org.xcs.pubsub.store;

import org.xcs.common.store.Store;

/**
 * The PEP services' nodes (XEP-0163 §1: each user's bare JID is a pubsub service): the same maps as the generic
 * service's {@link StoreNodeStore} under the names {@code pep.*}, shared by every owner, each key prefixed with the
 * owner's bare JID and NUL. {@link #forOwner} is a cheap view; the maps are opened once, here.
 */
public final class PepNodeStores {

    private final Store store;
    private final StoreNodeStore.Maps maps;
    /** Shared by the owners' views, which are made per call. */
    private final OldestFloors floors = new OldestFloors();

    /** Opens the maps: call at start-up, outside transactions. */
    public PepNodeStores(Store store) {
        this.store = store;
        this.maps = StoreNodeStore.Maps.open(store, "pep.");
    }

    /** The node store of {@code ownerBare}'s PEP service. */
    public NodeStore forOwner(String ownerBare) {
        if (ownerBare == null || ownerBare.isEmpty() || ownerBare.indexOf('\0') >= 0 || ownerBare.indexOf('/') >= 0) {
            throw new IllegalArgumentException("not a bare JID: " + ownerBare);
        }
        String scope = ownerBare + "\0";
        return new StoreNodeStore(store, maps.scoped(scope), floors, scope);
    }
}
