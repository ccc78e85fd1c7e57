package org.xcs.pubsub.pep;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** In-memory rosters and presences with +notify capabilities: what the privilege layer would know of the host. */
final class World implements Rosters, Presences {
    private final Map<String, Map<String, RosterItem>> rosters = new HashMap<>();
    private final Map<String, Set<String>> online = new HashMap<>();
    private final Map<String, Set<String>> notify = new HashMap<>();
    /** Owners whose roster the PEP core asked to read again, in order. */
    final List<String> refreshed = new java.util.ArrayList<>();

    /** {@code owner}'s roster gets {@code contact} with this subscription (RFC 6121 §2.1.2.5) and groups. */
    World roster(String owner, String contact, String subscription, String... groups) {
        rosters.computeIfAbsent(owner, k -> new LinkedHashMap<>())
                .put(contact, new RosterItem(contact, subscription, Set.of(groups)));
        return this;
    }

    /** Mutual presence subscription, as after RFC 6121 §3 on both sides. */
    World friends(String a, String b, String... groups) {
        return roster(a, b, "both", groups).roster(b, a, "both");
    }

    /** {@code fullJid} is available and its caps carry {@code node+notify} for each node given. */
    World online(String fullJid, String... notifyNodes) {
        online.computeIfAbsent(fullJid.substring(0, fullJid.indexOf('/')), k -> new LinkedHashSet<>()).add(fullJid);
        notify.put(fullJid, Set.of(notifyNodes));
        return this;
    }

    @Override
    public RosterItem item(String ownerBare, String contactBare) {
        return rosters.getOrDefault(ownerBare, Map.of()).get(contactBare);
    }

    @Override
    public Collection<RosterItem> items(String ownerBare) {
        return List.copyOf(rosters.getOrDefault(ownerBare, Map.of()).values());
    }

    @Override
    public void refresh(String ownerBare) {
        refreshed.add(ownerBare);
    }

    @Override
    public Set<String> available(String bareJid) {
        return java.util.Collections.unmodifiableSet(new LinkedHashSet<>(online.getOrDefault(bareJid, Set.of())));
    }

    @Override
    public boolean wantsNotify(String fullJid, String node) {
        return notify.getOrDefault(fullJid, Set.of()).contains(node);
    }
}
