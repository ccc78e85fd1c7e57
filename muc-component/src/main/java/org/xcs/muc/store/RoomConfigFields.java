package org.xcs.muc.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.xcs.common.store.StoreException;
import org.xcs.muc.room.Role;
import org.xcs.muc.room.RoomConfig;

/**
 * The stored form of {@link RoomConfig}: one named text value per field, keyed by the Java field name. Named
 * rather than positional so that a field added later does not shift the others; a stored name this build does
 * not know is refused (it was written by a newer build, which the schema version should have caught).
 */
final class RoomConfigFields {

    private record Property(Function<RoomConfig, String> get, BiConsumer<RoomConfig, String> set) {
    }

    private static final Map<String, Property> PROPERTIES = new LinkedHashMap<>();

    static {
        text("name", c -> c.name, (c, v) -> c.name = v);
        text("description", c -> c.description, (c, v) -> c.description = v);
        text("lang", c -> c.lang, (c, v) -> c.lang = v);
        bool("enableLogging", c -> c.enableLogging, (c, v) -> c.enableLogging = v);
        bool("changeSubject", c -> c.changeSubject, (c, v) -> c.changeSubject = v);
        bool("allowInvites", c -> c.allowInvites, (c, v) -> c.allowInvites = v);
        text("allowPm", c -> c.allowPm.name(), (c, v) -> c.allowPm = RoomConfig.AllowPm.valueOf(v));
        number("maxUsers", c -> c.maxUsers, (c, v) -> c.maxUsers = v);
        text("presenceBroadcast", c -> roles(c.presenceBroadcast), (c, v) -> c.presenceBroadcast = roles(v));
        text("getMemberListRoles", c -> roles(c.getMemberListRoles), (c, v) -> c.getMemberListRoles = roles(v));
        bool("publicRoom", c -> c.publicRoom, (c, v) -> c.publicRoom = v);
        bool("persistentRoom", c -> c.persistentRoom, (c, v) -> c.persistentRoom = v);
        bool("moderatedRoom", c -> c.moderatedRoom, (c, v) -> c.moderatedRoom = v);
        bool("membersOnly", c -> c.membersOnly, (c, v) -> c.membersOnly = v);
        bool("passwordProtected", c -> c.passwordProtected, (c, v) -> c.passwordProtected = v);
        text("password", c -> c.password, (c, v) -> c.password = v);
        text("whois", c -> c.whois.name(), (c, v) -> c.whois = RoomConfig.Whois.valueOf(v));
        number("historyLength", c -> c.historyLength, (c, v) -> c.historyLength = v);
        number("defaultHistoryMessages", c -> c.defaultHistoryMessages, (c, v) -> c.defaultHistoryMessages = v);
        // RFC 7622 §3.2/§3.4: no JID part may hold a control character, so a newline separates them safely.
        text("contactJids", c -> String.join("\n", c.contactJids),
                (c, v) -> c.contactJids = v.isEmpty() ? new ArrayList<>() : new ArrayList<>(List.of(v.split("\n"))));
        text("pubsub", c -> c.pubsub, (c, v) -> c.pubsub = v);
        bool("allowVoiceRequests", c -> c.allowVoiceRequests, (c, v) -> c.allowVoiceRequests = v);
    }

    private RoomConfigFields() {
    }

    /** The stored names, which are the field names of {@link RoomConfig}. */
    static Set<String> names() {
        return PROPERTIES.keySet();
    }

    static void write(RoomConfig config, RecordWriter out) {
        out.integer(PROPERTIES.size());
        PROPERTIES.forEach((name, p) -> out.string(name).string(p.get().apply(config)));
    }

    static RoomConfig read(RecordReader in) {
        RoomConfig config = new RoomConfig();
        int count = in.integer();
        for (int i = 0; i < count; i++) {
            String name = in.string();
            String value = in.string();
            Property p = PROPERTIES.get(name);
            if (p == null) {
                throw new StoreException("stored room configuration has an unknown field '" + name + "'");
            }
            try {
                p.set().accept(config, value);
            } catch (IllegalArgumentException e) {
                throw new StoreException("stored room configuration field '" + name + "' has a bad value '"
                        + value + "'", e);
            }
        }
        return config;
    }

    private static void text(String name, Function<RoomConfig, String> get, BiConsumer<RoomConfig, String> set) {
        PROPERTIES.put(name, new Property(get, set));
    }

    private static void bool(String name, Function<RoomConfig, Boolean> get, BiConsumer<RoomConfig, Boolean> set) {
        text(name, c -> get.apply(c) ? "1" : "0", (c, v) -> set.accept(c, switch (v) {
            case "1" -> true;
            case "0" -> false;
            default -> throw new IllegalArgumentException("not 0 or 1");
        }));
    }

    private static void number(String name, Function<RoomConfig, Integer> get, BiConsumer<RoomConfig, Integer> set) {
        text(name, c -> Integer.toString(get.apply(c)), (c, v) -> set.accept(c, Integer.parseInt(v)));
    }

    private static String roles(Set<Role> roles) {
        return String.join(",", roles.stream().map(Role::wireName).toList());
    }

    private static Set<Role> roles(String value) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (!value.isEmpty()) {
            Arrays.stream(value.split(",")).forEach(r -> {
                Role role = Role.fromWire(r.toLowerCase(Locale.ROOT));
                if (role == null) {
                    throw new IllegalArgumentException("unknown role " + r);
                }
                roles.add(role);
            });
        }
        return roles;
    }
}
