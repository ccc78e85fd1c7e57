package org.xcs.muc.sint;

import org.xcs.common.harness.sint.SintSuite;

/** SINT's XEP-0045 suite: the classes it runs, the MUC service (disco category {@code conference}) it needs. */
final class MucSint {
    static final SintSuite XEP_0045 = SintSuite.of("XEP-0045", "conference")
            .withKnownClientRace("MultiUserChatOccupantIntegrationTest.mucJoinPresenceInformationTest",
                    "Smack 4.5.0-beta5's MultiUserChat presence listener wakes join() (processedReflectedSelfPresence +"
                            + " notify) BEFORE it hands the self-presence to the participant listeners, so the test"
                            + " may count 2 presences of 3 although all 3 arrived")
            .withKnownClientRace("MultiUserChatOccupantIntegrationTest.mucMaxUsersLimitJoinRoomTest",
                    "after the third user's join is refused (service-unavailable, asserted before), the test waits"
                            + " 5 s (line 752) for that user's participant listener to see a presence from its own"
                            + " occupant JID; after a refused join the only such stanza is the error presence that"
                            + " join() already consumed, so the wait depends on listener timing; the test's own"
                            + " comment calls it 'not watertight'. Seen once in ~10 CI runs, under load");

    private MucSint() {
    }
}
