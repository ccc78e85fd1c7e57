package org.xcs.pubsub.pep;

import java.util.Collection;

/** The host users' rosters as the privilege layer knows them (XEP-0356 roster permission, pushes applied). */
public interface Rosters {

    /** The item {@code contactBare} has in {@code ownerBare}'s roster, or null when there is none (or not known). */
    RosterItem item(String ownerBare, String contactBare);

    /** Every item of the owner's roster; empty when the roster is not known. */
    Collection<RosterItem> items(String ownerBare);

    /**
     * The cached roster of {@code ownerBare} may be stale: read it again, without waiting. A host need not push roster
     * changes to us (Prosody 0.12's mod_privilege sends none), so a new contact would stay unknown; contacts the
     * re-read adds come back through {@link PepEvents#contactsGained}.
     */
    default void refresh(String ownerBare) {
    }
}
