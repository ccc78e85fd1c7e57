package org.xcs.relay.turn;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.xcs.relay.stun.TransactionId;

/**
 * One allocation's state (RFC 8656 §3.2, §9, §12): its expiry, permissions by peer IP address (ports do not
 * matter, §9), and channel bindings, one peer per channel and one channel per peer. Accessed by the client's
 * listener thread and by the relay socket's reader, hence synchronized. Times are epoch milliseconds inside, so the
 * per-packet checks ({@link #channelPeer}, {@link #channelOf}, {@link #hasPermission}) allocate nothing.
 */
public final class Allocation {

    /** RFC 8656 §12: after a binding expires, neither its number nor its peer may be rebound for 5 minutes. */
    static final Duration CHANNEL_QUARANTINE = Duration.ofMinutes(5);
    private static final long QUARANTINE_MILLIS = CHANNEL_QUARANTINE.toMillis();
    /** {@link #channelOf}'s answer when no live binding holds the peer. */
    static final int NO_CHANNEL = -1;

    private record Binding(int channel, InetSocketAddress peer, long expires) {
    }

    /** What a ChannelBind asks for, judged against the current bindings (RFC 8656 §11.2). */
    public enum BindCheck {
        OK,
        /** The number is bound to another peer, or the peer to another number: 400. */
        CONFLICT
    }

    private final ClientKey owner;
    private final String user;
    private final TransactionId createdBy;
    private final RelayEndpoint relay;
    private final InetSocketAddress relayedAddress;
    private final TokenBucket bandwidth;
    private final Map<InetAddress, Long> permissions = new HashMap<>();
    private final Map<Integer, Binding> byChannel = new HashMap<>();
    private final Map<InetSocketAddress, Binding> byPeer = new HashMap<>();
    /** The binding the last ChannelData used: a flow keeps one channel, and this spares the boxed map key. */
    private Binding lastUsed;
    private long expires;

    Allocation(ClientKey owner, String user, TransactionId createdBy, RelayEndpoint relay,
               InetSocketAddress relayedAddress, TokenBucket bandwidth, Instant expires) {
        this.owner = owner;
        this.user = user;
        this.createdBy = createdBy;
        this.relay = relay;
        this.relayedAddress = relayedAddress;
        this.bandwidth = bandwidth;
        this.expires = expires.toEpochMilli();
    }

    public ClientKey owner() {
        return owner;
    }

    public String user() {
        return user;
    }

    TransactionId createdBy() {
        return createdBy;
    }

    public RelayEndpoint relay() {
        return relay;
    }

    /** What the client is told (XOR-RELAYED-ADDRESS): the advertised address with the bound port. */
    public InetSocketAddress relayedAddress() {
        return relayedAddress;
    }

    TokenBucket bandwidth() {
        return bandwidth;
    }

    public synchronized Instant expires() {
        return Instant.ofEpochMilli(expires);
    }

    synchronized void refresh(Instant newExpiry) {
        expires = newExpiry.toEpochMilli();
    }

    public boolean expired(Instant now) {
        return expired(now.toEpochMilli());
    }

    synchronized boolean expired(long nowMillis) {
        return nowMillis >= expires;
    }

    synchronized int activePermissions(Instant now) {
        long t = now.toEpochMilli();
        permissions.values().removeIf(until -> t >= until);
        return permissions.size();
    }

    boolean hasPermission(InetAddress peer, Instant now) {
        return hasPermission(peer, now.toEpochMilli());
    }

    synchronized boolean hasPermission(InetAddress peer, long nowMillis) {
        Long until = permissions.get(peer);
        return until != null && nowMillis < until;
    }

    /** RFC 8656 §9: installs, or refreshes an existing permission to a full lifetime. */
    synchronized void permit(InetAddress peer, Instant until) {
        permissions.put(peer, until.toEpochMilli());
    }

    synchronized BindCheck checkBind(int channel, InetSocketAddress peer, Instant now) {
        long t = now.toEpochMilli();
        Binding number = byChannel.get(channel);
        Binding address = byPeer.get(peer);
        boolean numberFree = number == null || number.peer.equals(peer) || reusable(number, t);
        boolean peerFree = address == null || address.channel == channel || reusable(address, t);
        return numberFree && peerFree ? BindCheck.OK : BindCheck.CONFLICT;
    }

    /** Call after {@link #checkBind} said OK; a rebind of the same pair refreshes it (RFC 8656 §11.2). */
    synchronized void bind(int channel, InetSocketAddress peer, Instant until) {
        Binding old = byChannel.remove(channel);
        if (old != null) {
            byPeer.remove(old.peer);
        }
        Binding previousOfPeer = byPeer.remove(peer);
        if (previousOfPeer != null) {
            byChannel.remove(previousOfPeer.channel);
        }
        Binding b = new Binding(channel, peer, until.toEpochMilli());
        byChannel.put(channel, b);
        byPeer.put(peer, b);
        lastUsed = null;
    }

    /** The peer bound to {@code channel}, or null when none is bound or the binding expired (RFC 8656 §12). */
    synchronized InetSocketAddress channelPeer(int channel, long nowMillis) {
        Binding b = lastUsed;
        if (b == null || b.channel != channel) {
            b = byChannel.get(channel);
            lastUsed = b;
        }
        return b != null && nowMillis < b.expires ? b.peer : null;
    }

    /** The channel bound to {@code peer}, or {@link #NO_CHANNEL}. */
    synchronized int channelOf(InetSocketAddress peer, long nowMillis) {
        Binding b = byPeer.get(peer);
        return b != null && nowMillis < b.expires ? b.channel : NO_CHANNEL;
    }

    /** Forgets expired permissions and bindings past their quarantine. */
    synchronized void purge(Instant now) {
        long t = now.toEpochMilli();
        permissions.values().removeIf(until -> t >= until);
        for (Iterator<Binding> it = byChannel.values().iterator(); it.hasNext(); ) {
            Binding b = it.next();
            if (reusable(b, t)) {
                it.remove();
                byPeer.remove(b.peer);
            }
        }
        lastUsed = null;
    }

    private static boolean reusable(Binding b, long nowMillis) {
        return nowMillis >= b.expires + QUARANTINE_MILLIS;
    }
}
