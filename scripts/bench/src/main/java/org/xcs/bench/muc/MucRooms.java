package org.xcs.bench.muc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.xcs.bench.client.Sender;
import org.xcs.bench.client.XmppClient;

/**
 * Fills rooms with driver clients: the first occupant of each room creates it and accepts the default configuration
 * (XEP-0045 §10.1.2 instant room, harmless where rooms are not locked), then every other occupant joins at once;
 * a join is complete when the occupant's own presence (status 110, §7.2.3) arrives.
 */
public final class MucRooms {
    private static final Pattern SELF_PRESENCE_OR_ERROR =
            Pattern.compile("code=['\"]110['\"]|<presence[^>]*type=['\"]error['\"]");

    /** The senders of the filled rooms, and how fast the non-creating occupants joined. */
    public record Filled(List<Sender> senders, int joins, double joinSeconds) {
        public double joinsPerSecond() {
            return joinSeconds <= 0 ? 0 : joins / joinSeconds;
        }
    }

    private MucRooms() {
    }

    /**
     * Puts {@code clients} into {@code rooms} rooms of {@code service} named {@code prefix + i}, in consecutive
     * blocks of {@code clients.size() / rooms}; every occupant becomes a sender to its room.
     */
    public static Filled fill(List<XmppClient> clients, String service, String prefix, int rooms, Duration timeout)
            throws Exception {
        int perRoom = clients.size() / rooms;
        if (perRoom < 1 || perRoom * rooms != clients.size()) {
            throw new IllegalArgumentException(clients.size() + " clients do not fill " + rooms + " rooms evenly");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        List<CompletableFuture<String>> created = new ArrayList<>();
        for (int r = 0; r < rooms; r++) {
            String room = prefix + r + "@" + service;
            XmppClient owner = clients.get(r * perRoom);
            int id = r;
            created.add(join(owner, room, 0).thenCompose(x -> owner.sendExpect("<iq type='set' to='" + room
                    + "' id='cfg" + id + "'><query xmlns='http://jabber.org/protocol/muc#owner'>"
                    + "<x xmlns='jabber:x:data' type='submit'/></query></iq>",
                    Pattern.compile("id=['\"]cfg" + id + "['\"]"))));
        }
        await(created, deadline, "room creation");
        List<CompletableFuture<String>> joined = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int r = 0; r < rooms; r++) {
            String room = prefix + r + "@" + service;
            for (int k = 1; k < perRoom; k++) {
                joined.add(join(clients.get(r * perRoom + k), room, k));
            }
        }
        await(joined, deadline, "joins");
        double seconds = (System.nanoTime() - t0) / 1e9;
        List<Sender> senders = new ArrayList<>();
        for (int r = 0; r < rooms; r++) {
            String room = prefix + r + "@" + service;
            for (int k = 0; k < perRoom; k++) {
                senders.add(Sender.groupchat(clients.get(r * perRoom + k), room, perRoom));
            }
        }
        return new Filled(senders, joined.size(), seconds);
    }

    /** XEP-0045 §7.2.1 join, asking for no history (§7.2.15) so that joins cost the same everywhere. */
    private static CompletableFuture<String> join(XmppClient client, String room, int nick) {
        return client.sendExpect("<presence to='" + room + "/o" + nick + "'><x xmlns='http://jabber.org/protocol/muc'>"
                + "<history maxstanzas='0'/></x></presence>", SELF_PRESENCE_OR_ERROR).thenCompose(text -> {
                    Matcher m = SELF_PRESENCE_OR_ERROR.matcher(text);
                    String last = null;
                    while (m.find()) {
                        last = m.group();
                    }
                    if (last != null && last.contains("error")) {
                        int from = Math.max(0, text.length() - 600);
                        return CompletableFuture.failedFuture(new IllegalStateException("join of " + room + " refused: "
                                + text.substring(from)));
                    }
                    return CompletableFuture.completedFuture(text);
                });
    }

    private static void await(List<CompletableFuture<String>> all, long deadline, String what) throws Exception {
        try {
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
                    .get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            long done = all.stream().filter(CompletableFuture::isDone).count();
            throw new IllegalStateException(what + ": only " + done + " of " + all.size() + " done in time", e);
        }
    }
}
