package org.xcs.muc.owner;

import static org.xcs.muc.owner.RoomConfigFields.*;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.xcs.common.error.XmppException;
import org.xcs.common.stanza.form.SubmittedForm;
import org.xcs.muc.room.Role;
import org.xcs.muc.room.Room;
import org.xcs.muc.room.RoomConfig;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError;

/**
 * Reads a submitted {@code muc#roomconfig} form into a {@link ConfigChange}, checking every field before anything
 * is applied, so that a bogus value changes nothing (XEP-0045 §10.1.3: options that violate the service's policies
 * are {@code not-acceptable}; malformed values are {@code bad-request}, both naming the field). Fields not
 * submitted keep their value (XEP-0004 §3.5); unknown fields are ignored.
 */
final class ConfigSubmission {
    private static final List<String> ROLE_OPTIONS = List.of("moderator", "participant", "visitor");
    /** RFC 5646 shape, loosely: primary subtag and subtags. */
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*");

    private ConfigSubmission() {
    }

    static ConfigChange read(SubmittedForm form, Room room, int maxHistory) {
        RoomConfig before = room.config();
        RoomConfig c = before.copy();
        form.text(ROOMNAME).ifPresent(v -> c.name = v);
        form.text(ROOMDESC).ifPresent(v -> c.description = v);
        form.text(LANG).ifPresent(v -> c.lang = language(v));
        form.bool(ENABLELOGGING).ifPresent(v -> c.enableLogging = v);
        form.bool(CHANGESUBJECT).ifPresent(v -> c.changeSubject = v);
        form.bool(ALLOWINVITES).ifPresent(v -> c.allowInvites = v);
        form.listSingle(ALLOWPM, wireNames(RoomConfig.AllowPm.values()))
                .ifPresent(v -> c.allowPm = RoomConfig.AllowPm.valueOf(v.toUpperCase(java.util.Locale.ROOT)));
        if (form.has(MAXUSERS)) {
            c.maxUsers = maxUsers(form.text(MAXUSERS).orElse(""));
        }
        if (form.has(PRESENCEBROADCAST)) {
            c.presenceBroadcast = roles(form.listMulti(PRESENCEBROADCAST, ROLE_OPTIONS));
        }
        if (form.has(GETMEMBERLIST)) {
            c.getMemberListRoles = roles(form.listMulti(GETMEMBERLIST, ROLE_OPTIONS));
        }
        form.bool(PUBLICROOM).ifPresent(v -> c.publicRoom = v);
        form.bool(PERSISTENTROOM).ifPresent(v -> c.persistentRoom = v);
        form.bool(MODERATEDROOM).ifPresent(v -> c.moderatedRoom = v);
        form.bool(MEMBERSONLY).ifPresent(v -> c.membersOnly = v);
        readPassword(form, c);
        form.listSingle(WHOIS, wireNames(RoomConfig.Whois.values()))
                .ifPresent(v -> c.whois = RoomConfig.Whois.valueOf(v.toUpperCase(java.util.Locale.ROOT)));
        form.bool(ALLOWVOICEREQUESTS).ifPresent(v -> c.allowVoiceRequests = v);
        readHistory(form, c, before, maxHistory);
        if (form.has(CONTACTJID)) {
            c.contactJids = form.jids(CONTACTJID).stream().map(JID::toString).toList();
        }
        form.text(PUBSUB).ifPresent(v -> c.pubsub = pubsubUri(v));
        Optional<Set<JID>> owners = form.has(ROOMOWNERS) ? Optional.of(bare(form.jids(ROOMOWNERS)))
                : Optional.empty();
        Optional<Set<JID>> admins = form.has(ROOMADMINS) ? Optional.of(bare(form.jids(ROOMADMINS)))
                : Optional.empty();
        return new ConfigChange(c, owners, admins);
    }

    /**
     * XEP-0045 §10.1.3: a password-protected room with a blank password is the spec's example of not-acceptable.
     * A client that only sets a secret (Prosody's form has no passwordprotectedroom) protects the room with it.
     */
    private static void readPassword(SubmittedForm form, RoomConfig c) {
        Optional<String> secret = form.text(ROOMSECRET);
        Optional<Boolean> protect = form.bool(PASSWORDPROTECTEDROOM);
        secret.ifPresent(v -> c.password = v);
        c.passwordProtected = protect.orElseGet(() -> secret.map(v -> !v.isEmpty()).orElse(c.passwordProtected));
        if (c.passwordProtected && c.password.isEmpty()) {
            throw notAcceptable("field '" + PASSWORDPROTECTEDROOM + "': a password-protected room needs a non-empty '"
                    + ROOMSECRET + "'");
        }
    }

    /**
     * The spec's {@code muc#maxhistoryfetch} and Prosody's {@code historylength} both set how many messages the room
     * keeps and may send; a client echoing the whole form sends both, so the one that differs from the current
     * value is the owner's change.
     */
    private static void readHistory(SubmittedForm form, RoomConfig c, RoomConfig before, int maxHistory) {
        Optional<Integer> fetch = count(form, MAXHISTORYFETCH);
        Optional<Integer> length = count(form, HISTORYLENGTH);
        Optional<Integer> changed = fetch.filter(v -> v != before.historyLength)
                .or(() -> length.filter(v -> v != before.historyLength));
        // A service-wide cap bounds every room's memory and store use (MucSettings.maxHistory).
        changed.ifPresent(v -> c.historyLength = Math.min(v, maxHistory));
        count(form, DEFAULTHISTORYMESSAGES).ifPresent(v -> c.defaultHistoryMessages = v);
        c.defaultHistoryMessages = Math.min(c.defaultHistoryMessages, c.historyLength);
    }

    private static Optional<Integer> count(SubmittedForm form, String var) {
        return form.integer(var).map(v -> {
            if (v < 0) {
                throw notAcceptable("field '" + var + "': " + v + " is negative");
            }
            return v;
        });
    }

    /**
     * "none" or 0 is no limit. Any other positive number is taken too, not only the offered choices: clients
     * (e.g. Smack's integration tests) set small limits such as 2 on this list-single field.
     */
    private static int maxUsers(String value) {
        String v = value.trim();
        if (v.isEmpty() || v.equals(NO_LIMIT)) {
            return 0;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw notAcceptable("field '" + MAXUSERS + "': '" + value + "' is neither a number of occupants nor 'none'");
    }

    private static String language(String value) {
        if (!value.isEmpty() && !LANGUAGE_TAG.matcher(value).matches()) {
            throw notAcceptable("field '" + LANG + "': '" + value + "' is not a language tag");
        }
        return value;
    }

    /** XEP-0045 §15.5.3: "XMPP URI of Associated Publish-Subscribe Node" (RFC 5122). */
    private static String pubsubUri(String value) {
        if (!value.isEmpty() && !value.startsWith("xmpp:")) {
            throw notAcceptable("field '" + PUBSUB + "': '" + value + "' is not an xmpp: URI");
        }
        return value;
    }

    private static Set<Role> roles(List<String> wireNames) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        wireNames.forEach(name -> roles.add(Role.fromWire(name)));
        return roles;
    }

    /** XEP-0045 §5.2: affiliations belong to bare JIDs. */
    private static Set<JID> bare(List<JID> jids) {
        Set<JID> out = new LinkedHashSet<>();
        jids.forEach(j -> out.add(j.asBareJID()));
        return out;
    }

    private static List<String> wireNames(Enum<?>[] values) {
        return Arrays.stream(values).map(RoomConfigForm::wire).toList();
    }

    private static XmppException notAcceptable(String text) {
        return new XmppException(PacketError.Condition.not_acceptable, text);
    }
}
