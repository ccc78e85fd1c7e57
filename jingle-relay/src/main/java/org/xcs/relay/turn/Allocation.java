package org.xcs.relay.turn;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import org.xcs.relay.stun.TransactionId;

/**
 * One allocation's state (RFC 8656 §3.2, §9, §12): its expiry, permissions by peer IP address (ports do not
 * matter, §9), and channel bindings, one peer per channel and one channel per peer. Accessed by the client's
 * listener thread and by the relay socket's reader, hence synchronized.
 */
public final class Allocation {

    /** RFC 8656 §12: after a binding expires, neither its number nor its peer may be rebound for 5 minutes. */
    static final Duration CHANNEL_QUARANTINE = Duration.ofMinutes(5);

    private record Binding(int channel, InetSocketAddress peer, Instant expires) {
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
    private final Map<InetAddress, Instant> permissions = new HashMap<>();
    private final Map<Integer, Binding> byChannel = new HashMap<>();
    private final Map<InetSocketAddress, Binding> byPeer = new HashMap<>();
    private Instant expires;

    Allocation(ClientKey owner, String user, TransactionId createdBy, RelayEndpoint relay,
               InetSocketAddress relayedAddress, TokenBucket bandwidth, Instant expires) {
        this.owner = owner;
        this.user = user;
        this.createdBy = createdBy;
        this.relay = relay;
        this.relayedAddress = relayedAddress;
        this.bandwidth = bandwidth;
        this.expires = expires;
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
        return expires;
    }

    synchronized void refresh(Instant newExpiry) {
        expires = newExpiry;
    }

    public synchronized boolean expired(Instant now) {
        return !now.isBefore(expires);
    }

    synchronized int activePermissions(Instant now) {
        permissions.values().removeIf(until -> !now.isBefore(until));
        return permissions.size();
    }

    synchronized boolean hasPermission(InetAddress peer, Instant now) {
        Instant until = permissions.get(peer);
        return until != null && now.isBefore(until);
    }

    /** RFC 8656 §9: installs, or refreshes an existing permission to a full lifetime. */
    synchronized void permit(InetAddress peer, Instant until) {
        permissions.put(peer, until);
    }

    synchronized BindCheck checkBind(int channel, InetSocketAddress peer, Instant now) {
        Binding number = byChannel.get(channel);
        Binding address = byPeer.get(peer);
        boolean numberFree = number == null || number.peer.equals(peer) || reusable(number, now);
        boolean peerFree = address == null || address.channel == channel || reusable(address, now);
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
        Binding b = new Binding(channel, peer, until);
        byChannel.put(channel, b);
        byPeer.put(peer, b);
    }

    synchronized Optional<InetSocketAddress> channelPeer(int channel, Instant now) {
        Binding b = byChannel.get(channel);
        return b != null && now.isBefore(b.expires) ? Optional.of(b.peer) : Optional.empty();
    }

    synchronized Optional<Integer> channelOf(InetSocketAddress peer, Instant now) {
        Binding b = byPeer.get(peer);
        return b != null && now.isBefore(b.expires) ? Optional.of(b.channel) : Optional.empty();
    }

    /** Forgets expired permissions and bindings past their quarantine. */
    synchronized void purge(Instant now) {
        permissions.values().removeIf(until -> !now.isBefore(until));
        for (Iterator<Binding> it = byChannel.values().iterator(); it.hasNext(); ) {
            Binding b = it.next();
            if (reusable(b, now)) {
                it.remove();
                byPeer.remove(b.peer);
            }
        }
    }

    private static boolean reusable(Binding b, Instant now) {
        return !now.isBefore(b.expires.plus(CHANNEL_QUARANTINE));
    }
}
