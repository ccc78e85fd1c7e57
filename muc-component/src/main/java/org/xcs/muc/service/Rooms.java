package org.xcs.muc.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xcs.common.error.XmppException;
import org.xcs.muc.room.Room;
import org.xcs.muc.store.RoomStore;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError;

/**
 * The rooms this service hosts. The maps are concurrent (disco#items on the service reads them while rooms run),
 * but each room's state is only touched on that room's serial queue (the router keys by room JID).
 *
 * <p>Start-up does not depend on how many rooms are stored, and idle stored rooms stay out of memory: a stored
 * room is loaded when a stanza first asks for it ({@link #get}, atomically per JID, so a service-level reader
 * racing the room's queue gets the same room object), and a background loader reads the store page by page (the
 * store lock is held for one page at a time, so the rooms' own transactions interleave) keeping only a
 * {@link Listing} of each room. {@link #listings} (the service's disco#items, XEP-0045 §6.3) waits, bounded, for
 * that loader, then answers from live rooms where loaded and from the listings elsewhere: an unloaded room's stored
 * copy is current, since every change goes through the loaded room.
 *
 * <p>Why in-memory listings built in the background rather than a stored index of public rooms: such an index is a
 * second copy of each room's name and flags that every save must keep in step, changes the stored format, and
 * needs a migration for existing data dirs; the listings need none of that and their races are few. A live room
 * always wins over its listing (it may have changed since the loader read it), and a room destroyed while the
 * loader holds its copy must not come back, so removals made while loading are remembered and the loader skips
 * them.
 */
public final class Rooms {
    private static final Logger LOG = LoggerFactory.getLogger(Rooms.class);
    private static final int PAGE = 500;
    private static final long LOAD_WAIT_SECONDS = 30;

    private final ConcurrentHashMap<JID, Room> rooms = new ConcurrentHashMap<>();
    /** Stored rooms as the loader found them; superseded by {@link #rooms} once loaded. */
    private final ConcurrentHashMap<JID, Listing> stored = new ConcurrentHashMap<>();
    private final RoomStore store;
    private final CountDownLatch loaderDone = new CountDownLatch(1);
    /** JIDs removed while the loader runs; null once it has finished. */
    private volatile Set<JID> removedWhileLoading = ConcurrentHashMap.newKeySet();
    /** True once every stored room is listed: a miss on both maps then needs no store read. */
    private volatile boolean complete;
    private volatile RuntimeException loadFailure;

    public Rooms(RoomStore store) {
        this(store, Rooms::daemonThread);
    }

    /** {@code loader} runs the background load once (tests pass one they step by hand). */
    Rooms(RoomStore store, Executor loader) {
        this.store = store;
        loader.execute(this::loadStoredRooms);
    }

    public Optional<Room> get(JID roomJid) {
        JID jid = roomJid.asBareJID();
        Room room = rooms.get(jid);
        if (room != null || complete && !stored.containsKey(jid)) {
            return Optional.ofNullable(room);
        }
        // Not loaded yet: read this one room (a miss stays a miss: nothing is put).
        return Optional.ofNullable(rooms.computeIfAbsent(jid, key -> store.load(key).orElse(null)));
    }

    /** What the service's room list needs of each room: the live room's state when loaded, else the stored one. */
    public record Listing(JID jid, String configuredName, boolean publicRoom, boolean locked) {
        static Listing of(Room room) {
            return new Listing(room.jid(), room.config().name, room.config().publicRoom, room.isLocked());
        }
    }

    /** Every room, loaded or not; waits (at most {@value #LOAD_WAIT_SECONDS} s) for the stored ones to be listed. */
    public List<Listing> listings() {
        try {
            if (!loaderDone.await(LOAD_WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new XmppException(PacketError.Condition.resource_constraint, PacketError.Type.wait,
                        "rooms are still being loaded", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new XmppException(PacketError.Condition.internal_server_error, PacketError.Type.wait);
        }
        if (loadFailure != null) {
            throw new XmppException(PacketError.Condition.internal_server_error, PacketError.Type.wait,
                    "rooms could not be loaded", null);
        }
        // Live rooms first, then the listings of the rest: a room loaded in between is still listed (its listing is
        // its stored state, current until it changes).
        Map<JID, Room> live = new HashMap<>(rooms);
        List<Listing> all = new ArrayList<>(live.size() + stored.size());
        live.values().forEach(room -> all.add(Listing.of(room)));
        stored.forEach((jid, listing) -> {
            if (!live.containsKey(jid)) {
                all.add(listing);
            }
        });
        return all;
    }

    /** Call only after {@link #get} found no room: a stored one is always found (and loaded) by {@link #get}. */
    public void add(Room room) {
        rooms.put(room.jid(), room);
    }

    /** Forgets the room (destroyed, or a temporary room whose last occupant left) and its stored copy. */
    public void remove(Room room) {
        Set<JID> removed = removedWhileLoading;
        if (removed != null) {
            removed.add(room.jid());
        }
        // Store first: until the map forgets it, a concurrent get still finds this very room, never the stored copy
        // (which would bring it back). Deleting is free when it was never stored (a temporary room).
        store.delete(room.jid());
        rooms.remove(room.jid());
        stored.remove(room.jid());
    }

    /**
     * Call after every change to a room, before acknowledging it: a persistent room is saved, a room that is not
     * (or no longer) persistent is dropped from the store (free when it was never stored).
     */
    public void changed(Room room) {
        if (room.config().persistentRoom) {
            store.save(room);
        } else {
            store.delete(room.jid());
        }
    }

    public RoomStore store() {
        return store;
    }

    private void loadStoredRooms() {
        long started = System.nanoTime();
        int count = 0;
        try {
            JID after = null;
            List<Room> page;
            do {
                page = store.loadAfter(after, PAGE);
                for (Room room : page) {
                    list(room);
                }
                count += page.size();
                if (!page.isEmpty()) {
                    after = page.get(page.size() - 1).jid();
                }
            } while (page.size() == PAGE);
            complete = true;
            LOG.info("{} stored rooms listed in {} ms", count, (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            loadFailure = e;
            LOG.warn("listing stored rooms failed after {}; each is still loaded on demand", count, e);
        } finally {
            removedWhileLoading = null;
            loaderDone.countDown();
        }
    }

    /**
     * Atomic with {@link #remove} of the same JID, which marks before it forgets: either this sees the mark, or the
     * removal comes after this put. A listing of a room also loaded is harmless: the live room wins in
     * {@link #listings}.
     */
    private void list(Room room) {
        Set<JID> removed = removedWhileLoading;
        stored.compute(room.jid(), (jid, current) -> removed.contains(jid) ? current : Listing.of(room));
    }

    private static void daemonThread(Runnable work) {
        Thread thread = new Thread(work, "muc-rooms-loader");
        thread.setDaemon(true);
        thread.start();
    }
}
