package org.xcs.pubsub.pep;

import java.util.Set;
import java.util.function.BooleanSupplier;

import org.xcs.pubsub.service.Contacts;

/**
 * XEP-0060 §4.5 presence and roster access on the rosters the host lends us (XEP-0356). For PEP the owner is the
 * user; for the generic service, each owner of the node. {@code granted} says whether the roster permission was
 * given: without it presence and roster access stay unsupported.
 */
public final class RosterContacts implements Contacts {
    private final Rosters rosters;
    private final BooleanSupplier granted;

    public RosterContacts(Rosters rosters, BooleanSupplier granted) {
        this.rosters = rosters;
        this.granted = granted;
    }

    @Override
    public boolean known() {
        return granted.getAsBoolean();
    }

    @Override
    public boolean receivesPresence(String ownerBare, String contactBare) {
        RosterItem item = rosters.item(ownerBare, contactBare);
        return item != null && item.receivesPresence();
    }

    @Override
    public Set<String> groups(String ownerBare, String contactBare) {
        RosterItem item = rosters.item(ownerBare, contactBare);
        return item == null ? Set.of() : item.groups();
    }
}
