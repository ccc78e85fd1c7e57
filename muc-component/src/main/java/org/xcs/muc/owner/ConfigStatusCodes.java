package org.xcs.muc.owner;

import java.util.ArrayList;
import java.util.List;
import org.xcs.muc.protocol.StatusCode;
import org.xcs.muc.room.RoomConfig;

/** XEP-0045 §10.2.1: the status codes that tell occupants how the configuration changed. */
final class ConfigStatusCodes {

    private ConfigStatusCodes() {
    }

    /**
     * 170/171 for logging, 172/173 for anonymity (privacy changes, §10.2.1), and 104 when anything else changed
     * ({@code listsChanged}: the owner or admin lists of the form). Empty when nothing changed. 174 (fully
     * anonymous) never occurs: "none" for whois is deprecated (§10.1.3) and not offered.
     */
    static List<Integer> between(RoomConfig before, RoomConfig after, boolean listsChanged) {
        List<Integer> codes = new ArrayList<>();
        if (listsChanged || !nonPrivacyValues(before).equals(nonPrivacyValues(after))) {
            codes.add(StatusCode.CONFIG_CHANGED_NON_PRIVACY);
        }
        if (before.enableLogging != after.enableLogging) {
            codes.add(after.enableLogging ? StatusCode.LOGGING_ENABLED : StatusCode.LOGGING_DISABLED);
        }
        if (before.whois != after.whois) {
            codes.add(after.nonAnonymous() ? StatusCode.NON_ANONYMOUS : StatusCode.SEMI_ANONYMOUS);
        }
        return codes;
    }

    /** Every setting but logging and whois, in a comparable form. */
    private static List<Object> nonPrivacyValues(RoomConfig c) {
        return List.of(c.name, c.description, c.lang, c.changeSubject, c.allowInvites, c.allowPm, c.maxUsers,
                c.presenceBroadcast, c.getMemberListRoles, c.publicRoom, c.persistentRoom,
                c.moderatedRoom, c.membersOnly, c.passwordProtected, c.password, c.historyLength,
                c.defaultHistoryMessages, c.contactJids, c.pubsub, c.allowVoiceRequests);
    }
}
