package org.xcs.pubsub.service;

import java.util.Set;

/**
 * A node owner's roster, as far as the XEP-0060 §4.5 presence and roster access models need it. The host's roster
 * comes through XEP-0356; without it ({@link #known} false) those models are refused as unsupported, not faked.
 */
public interface Contacts {

    /** No roster at all: presence and roster access are unsupported. */
    Contacts NONE = new Contacts() {
        @Override
        public boolean known() {
            return false;
        }

        @Override
        public boolean receivesPresence(String ownerBare, String contactBare) {
            return false;
        }

        @Override
        public Set<String> groups(String ownerBare, String contactBare) {
            return Set.of();
        }
    };

    /** Whether rosters can be consulted at all (the roster permission was granted). */
    boolean known();

    /** §4.5 presence: the contact's item in the owner's roster has subscription "from" or "both". */
    boolean receivesPresence(String ownerBare, String contactBare);

    /** §4.5 roster: the owner's roster groups the contact is in (empty when not in the roster). */
    Set<String> groups(String ownerBare, String contactBare);
}
