package org.xcs.muc.service;

import java.util.Collection;
import java.util.List;
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
 * The rooms this service hosts. The map itself is concurrent (disco#items on the service reads it while rooms run),
 * but each room's state is only touched on that room's serial queue (the router keys by room JID).
 *
 * <p>Start-up does not depend on how many rooms are stored: a stored room is loaded when a stanza first asks for it
 * ({@link #get}, atomically per JID, so a service-level reader racing the room's queue sees one and the same room
 * object), and a background loader fills in the rest page by page, so the store lock is held for one page at a
 * time and the rooms' own transactions interleave. {@link #all} (the service's disco#items, XEP-0045 §6.3) waits,
 * bounded, until that loader has finished.
 *
 * <p>Why a background loader rather than a separate stored index of public rooms (which would also let idle rooms
 * stay out of memory): the index is a second copy of each room's name and flags that every save must keep in step,
 * changes the stored format, and needs a migration of existing data dirs to build it; the loader needs none of that
 * and its races are few. They are: the loader's copy of a room is older than the one already in the map once the
 * room was loaded on demand and changed, so it only ever fills an absent JID; and a room destroyed while the loader
 * holds its copy must not come back, so removals made while loading are remembered and the loader skips them.
 */
public final class Rooms {
    private static final Logger LOG = LoggerFactory.getLogger(Rooms.class);
    private static final int PAGE = 500;
    private static final long LOAD_WAIT_SECONDS = 30;

    private final ConcurrentHashMap<JID, Room> rooms = new ConcurrentHashMap<>();
    private final RoomStore store;
    private final CountDownLatch loaderDone = new CountDownLatch(1);
    /** JIDs removed while the loader runs; null once it has finished. */
    private volatile Set<JID> removedWhileLoading = ConcurrentHashMap.newKeySet();
    /** True once every stored room is in the map: a miss then needs no store read. */
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
        if (room != null || complete) {
            return Optional.ofNullable(room);
        }
        // Not loaded yet: read this one room (a miss stays a miss: nothing is put).
        return Optional.ofNullable(rooms.computeIfAbsent(jid, key -> store.load(key).orElse(null)));
    }

    /** Every room; waits (at most {@value #LOAD_WAIT_SECONDS} s) for the stored ones to be loaded. */
    public Collection<Room> all() {
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
        return rooms.values();
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
                for (Room stored : page) {
                    adopt(stored);
                }
                count += page.size();
                if (!page.isEmpty()) {
                    after = page.get(page.size() - 1).jid();
                }
            } while (page.size() == PAGE);
            complete = true;
            LOG.info("{} stored rooms loaded in {} ms", count, (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            loadFailure = e;
            LOG.warn("loading stored rooms failed after {} rooms; they are still loaded one by one on demand", count, e);
        } finally {
            removedWhileLoading = null;
            loaderDone.countDown();
        }
    }

    /**
     * Fills an absent JID only: a room already present (loaded on demand, maybe changed since) is newer. Atomic
     * with {@link #remove} of the same JID, which marks before it removes: either this sees the mark, or the
     * removal comes after this put.
     */
    private void adopt(Room stored) {
        Set<JID> removed = removedWhileLoading;
        rooms.compute(stored.jid(), (jid, current) -> current != null || removed.contains(jid) ? current : stored);
    }

    private static void daemonThread(Runnable work) {
        Thread thread = new Thread(work, "muc-rooms-loader");
        thread.setDaemon(true);
        thread.start();
    }
}
