package org.xcs.relay.turn;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xcs.relay.credentials.LongTermAuthenticator;
import org.xcs.relay.credentials.LongTermAuthenticator.Authenticated;
import org.xcs.relay.credentials.LongTermAuthenticator.Rejected;
import org.xcs.relay.net.PeerAddressPolicy;
import org.xcs.relay.net.PeerVerdict;
import org.xcs.relay.stun.AttributeType;
import org.xcs.relay.stun.ChannelData;
import org.xcs.relay.stun.MessageClass;
import org.xcs.relay.stun.PacketKind;
import org.xcs.relay.stun.StunAttribute;
import org.xcs.relay.stun.StunAttribute.ChannelNumber;
import org.xcs.relay.stun.StunAttribute.Data;
import org.xcs.relay.stun.StunAttribute.Fingerprint;
import org.xcs.relay.stun.StunAttribute.Lifetime;
import org.xcs.relay.stun.StunAttribute.RequestedAddressFamily;
import org.xcs.relay.stun.StunAttribute.RequestedTransport;
import org.xcs.relay.stun.StunAttribute.XorMappedAddress;
import org.xcs.relay.stun.StunAttribute.XorPeerAddress;
import org.xcs.relay.stun.StunAttribute.XorRelayedAddress;
import org.xcs.relay.stun.StunError;
import org.xcs.relay.stun.StunHeader;
import org.xcs.relay.stun.StunMessage;
import org.xcs.relay.stun.StunMessageBuilder;
import org.xcs.relay.stun.StunMethod;
import org.xcs.relay.stun.StunParseException;
import org.xcs.relay.stun.TransactionId;

/**
 * The STUN/TURN server's protocol logic: each packet a client sends (a whole UDP datagram or a stream frame) goes
 * to {@link #onClientPacket}, each datagram a peer sends to a relayed address to the allocation's inbound path.
 * Answers and relayed data leave through the client's {@link ClientPath}. Never throws for bad input: what cannot
 * be answered is dropped and counted.
 */
public final class TurnServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TurnServer.class);
    private static final int FAMILY_IPV4 = 0x01;
    private static final int FAMILY_IPV6 = 0x02;

    private final TurnSettings settings;
    private final LongTermAuthenticator authenticator;
    private final PeerAddressPolicy peers;
    private final RelayEndpoints endpoints;
    private final InetAddress advertisedRelayAddress;
    private final Clock clock;
    private final LongSupplier nanoTime;
    private final Allocations allocations;
    private final TurnCounters counters = new TurnCounters();
    /** Where each allocation's client is reached: UDP's path is stateless, TCP's is its connection. */
    private final Map<ClientKey, ClientPath> clientPaths = new ConcurrentHashMap<>();
    /** Transaction ids of Data indications; DRBG is pure Java, where the default may read /dev/urandom each time. */
    private final Random random = drbg();
    private final LongAdder toPeerCount = counters.counter(TurnCounters.TO_PEER);
    private final LongAdder toClientCount = counters.counter(TurnCounters.TO_CLIENT);

    public TurnServer(TurnSettings settings, LongTermAuthenticator authenticator, PeerAddressPolicy peers,
                      RelayEndpoints endpoints, InetAddress advertisedRelayAddress, Clock clock,
                      LongSupplier nanoTime) {
        this.settings = settings;
        this.authenticator = authenticator;
        this.peers = peers;
        this.endpoints = endpoints;
        this.advertisedRelayAddress = advertisedRelayAddress;
        this.clock = clock;
        this.nanoTime = nanoTime;
        this.allocations = new Allocations(settings.allocationsPerUser(), settings.allocationsTotal());
    }

    public TurnCounters counters() {
        return counters;
    }

    public Allocations allocations() {
        return allocations;
    }

    public void onClientPacket(byte[] buf, int offset, int length, ClientPath path) {
        onClientPacket(ByteBuffer.wrap(buf, offset, length), path);
    }

    /**
     * The packet is between position and limit, valid only during the call; ChannelData is relayed straight out of
     * it (the buffer's position and limit move).
     */
    public void onClientPacket(ByteBuffer packet, ClientPath path) {
        try {
            if (!packet.hasRemaining()) {
                counters.increment(TurnCounters.NOT_TURN_DROPPED);
                return;
            }
            switch (PacketKind.of(packet.get(packet.position()))) {
                case STUN -> onStun(packet, path);
                case CHANNEL_DATA -> onChannelData(packet, path);
                default -> counters.increment(TurnCounters.NOT_TURN_DROPPED);
            }
        } catch (RuntimeException e) {
            // A bug must cost one packet, never the listener.
            counters.increment(TurnCounters.HANDLER_FAILURES);
            log.warn("TURN packet from {} failed", path.client(), e);
        }
    }

    /** A TCP client went away: RFC 8656 §3.1 ties its allocation to the connection. */
    public void onClientGone(ClientKey key) {
        allocations.get(key).ifPresent(this::delete);
    }

    /** Expires allocations, permissions and channel bindings; call about once a second. */
    public void sweep() {
        for (Allocation gone : allocations.removeExpired(clock.instant())) {
            gone.relay().close();
            clientPaths.remove(gone.owner());
        }
    }

    @Override
    public void close() {
        allocations.removeAll().forEach(a -> a.relay().close());
        clientPaths.clear();
    }

    // ---- STUN messages

    private void onStun(ByteBuffer packet, ClientPath path) {
        byte[] buf;
        int offset;
        int length = packet.remaining();
        if (packet.hasArray()) {
            buf = packet.array();
            offset = packet.arrayOffset() + packet.position();
        } else {
            buf = new byte[length];
            packet.get(packet.position(), buf);
            offset = 0;
        }
        StunMessage request;
        try {
            request = StunMessage.parse(buf, offset, length);
        } catch (StunParseException e) {
            if (e.deservesBadRequestResponse()) {
                // RFC 8489 §6.3: a request we can identify gets 400 even when we cannot read the rest.
                StunHeader h = e.header().orElseThrow();
                path.send(StunMessage.builder(new StunHeader(MessageClass.ERROR_RESPONSE, h.methodCode(),
                        h.transactionId())).add(StunError.BAD_REQUEST.attribute()).encode());
                counters.increment(TurnCounters.MALFORMED_ANSWERED);
            } else {
                counters.increment(TurnCounters.MALFORMED_DROPPED);
            }
            return;
        }
        Optional<StunMethod> method = request.method();
        if (request.messageClass() == MessageClass.INDICATION) {
            if (method.isPresent() && method.get() == StunMethod.SEND) {
                onSend(request, path);
            } else {
                counters.increment(TurnCounters.NOT_TURN_DROPPED); // RFC 8489 §6.3.2: unknown indications are dropped
            }
            return;
        }
        if (request.messageClass() != MessageClass.REQUEST) {
            counters.increment(TurnCounters.NOT_TURN_DROPPED); // responses: we sent no requests
            return;
        }
        if (method.isEmpty() || method.get() == StunMethod.SEND || method.get() == StunMethod.DATA) {
            // RFC 8489 §6.3.1: an unknown method in a request is answered 400.
            reply(path, request, request.response(MessageClass.ERROR_RESPONSE)
                    .add(StunError.BAD_REQUEST.attribute()), null);
            return;
        }
        if (method.get() == StunMethod.BINDING) {
            onBinding(request, path);
            return;
        }
        // RFC 8656 §5: every TURN request but Send is authenticated with the long-term mechanism.
        LongTermAuthenticator.Outcome outcome = authenticator.authenticate(request, path.key().nonceScope());
        if (outcome instanceof Rejected rejected) {
            counters.increment(TurnCounters.UNAUTHENTICATED);
            reply(path, request, rejected.response(request), null);
            return;
        }
        Authenticated auth = (Authenticated) outcome;
        if (unknownAttributes(request, path, auth)) {
            return;
        }
        switch (method.get()) {
            case ALLOCATE -> onAllocate(request, path, auth);
            case REFRESH -> onRefresh(request, path, auth);
            case CREATE_PERMISSION -> onCreatePermission(request, path, auth);
            case CHANNEL_BIND -> onChannelBind(request, path, auth);
            default -> throw new IllegalStateException("unreachable: " + method.get());
        }
    }

    /** RFC 8489 §6.3.1: 420 with UNKNOWN-ATTRIBUTES; RFC 8656 §7.2 treats an unsupported DONT-FRAGMENT so. */
    private boolean unknownAttributes(StunMessage request, ClientPath path, Authenticated auth) {
        List<Integer> unknown = new ArrayList<>(request.unknownComprehensionRequired());
        if (request.method().orElse(null) == StunMethod.ALLOCATE
                && request.get(StunAttribute.DontFragment.class).isPresent()) {
            unknown.add(AttributeType.DONT_FRAGMENT);
        }
        if (unknown.isEmpty()) {
            return false;
        }
        reply(path, request, request.response(MessageClass.ERROR_RESPONSE)
                .add(StunError.UNKNOWN_ATTRIBUTE.attribute())
                .add(new StunAttribute.UnknownAttributes(unknown)), auth);
        return true;
    }

    // RFC 8489 §10.1 (Binding): no authentication; the answer is where the request came from.
    private void onBinding(StunMessage request, ClientPath path) {
        if (!request.unknownComprehensionRequired().isEmpty()) {
            reply(path, request, request.response(MessageClass.ERROR_RESPONSE)
                    .add(StunError.UNKNOWN_ATTRIBUTE.attribute())
                    .add(new StunAttribute.UnknownAttributes(request.unknownComprehensionRequired())), null);
            return;
        }
        reply(path, request, request.response(MessageClass.SUCCESS_RESPONSE)
                .add(new XorMappedAddress(path.client())), null);
    }

    // RFC 8656 §7.2
    private void onAllocate(StunMessage request, ClientPath path, Authenticated auth) {
        ClientKey key = path.key();
        Optional<Allocation> existing = allocations.get(key);
        if (existing.isPresent()) {
            Allocation a = existing.get();
            if (a.createdBy().equals(request.transactionId())) {
                // A retransmission (the success was lost): answer it again rather than 437.
                reply(path, request, allocateSuccess(request, a, path), auth);
            } else {
                error(path, request, StunError.ALLOCATION_MISMATCH, auth);
            }
            return;
        }
        Optional<RequestedTransport> transport = request.get(RequestedTransport.class);
        if (transport.isEmpty()) {
            error(path, request, StunError.BAD_REQUEST, auth);
            return;
        }
        if (transport.get().protocol() != RequestedTransport.UDP) {
            error(path, request, StunError.UNSUPPORTED_TRANSPORT_PROTOCOL, auth);
            return;
        }
        Optional<RequestedAddressFamily> family = request.get(RequestedAddressFamily.class);
        boolean reservation = request.get(StunAttribute.ReservationToken.class).isPresent();
        if (family.isPresent() && reservation) {
            error(path, request, StunError.BAD_REQUEST, auth);
            return;
        }
        int wanted = family.map(RequestedAddressFamily::family).orElse(FAMILY_IPV4);
        if (wanted != relayFamily()) {
            error(path, request, StunError.ADDRESS_FAMILY_NOT_SUPPORTED, auth);
            return;
        }
        if (reservation) {
            // We keep no reserved ports (RFC 8656 §7.2: no matching reservation -> 508).
            error(path, request, StunError.INSUFFICIENT_CAPACITY, auth);
            return;
        }
        Allocations.Admission admission = allocations.admits(key, auth.jid());
        if (admission != Allocations.Admission.ADMITTED) {
            counters.increment(TurnCounters.QUOTA_REFUSED);
            error(path, request, StunError.ALLOCATION_QUOTA_REACHED, auth);
            return;
        }
        boolean even = request.get(StunAttribute.EvenPort.class).isPresent();
        AllocationHolder holder = new AllocationHolder();
        RelayEndpoint relay;
        try {
            relay = endpoints.open(even, new RelayEndpoints.Inbound() {
                @Override
                public void fromPeer(InetSocketAddress peer, byte[] data) {
                    fromPeer(peer, ByteBuffer.wrap(data));
                }

                @Override
                public void fromPeer(InetSocketAddress peer, ByteBuffer datagram) {
                    Allocation a = holder.allocation;
                    if (a != null) {
                        onPeerData(a, peer, datagram);
                    }
                }
            });
        } catch (IOException e) {
            error(path, request, StunError.INSUFFICIENT_CAPACITY, auth);
            return;
        }
        Instant now = clock.instant();
        Allocation allocation = new Allocation(key, auth.jid(), request.transactionId(), relay,
                new InetSocketAddress(advertisedRelayAddress, relay.boundAddress().getPort()),
                new TokenBucket(settings.bytesPerSecond(), nanoTime), now.plus(allocateLifetime(request)));
        if (allocations.add(allocation) != Allocations.Admission.ADMITTED) {
            relay.close();
            counters.increment(TurnCounters.QUOTA_REFUSED);
            error(path, request, StunError.ALLOCATION_QUOTA_REACHED, auth);
            return;
        }
        holder.allocation = allocation;
        clientPaths.put(key, path);
        counters.increment(TurnCounters.ALLOCATIONS_CREATED);
        reply(path, request, allocateSuccess(request, allocation, path), auth);
    }

    private static final class AllocationHolder {
        volatile Allocation allocation;
    }

    private StunMessageBuilder allocateSuccess(StunMessage request, Allocation a, ClientPath path) {
        return request.response(MessageClass.SUCCESS_RESPONSE)
                .add(new XorRelayedAddress(a.relayedAddress()))
                .add(new Lifetime(remaining(a)))
                .add(new XorMappedAddress(path.client()));
    }

    /** RFC 8656 §7.2: min(asked, maximum), but never below the default. */
    Duration allocateLifetime(StunMessage request) {
        Optional<Lifetime> asked = request.get(Lifetime.class);
        if (asked.isEmpty()) {
            return settings.defaultLifetime();
        }
        Duration bounded = min(Duration.ofSeconds(asked.get().seconds()), settings.maxLifetime());
        return bounded.compareTo(settings.defaultLifetime()) > 0 ? bounded : settings.defaultLifetime();
    }

    /** RFC 8656 §7.3: no LIFETIME -> default; otherwise min(asked, maximum), zero deleting the allocation. */
    Duration refreshLifetime(StunMessage request) {
        return request.get(Lifetime.class)
                .map(l -> min(Duration.ofSeconds(l.seconds()), settings.maxLifetime()))
                .orElse(settings.defaultLifetime());
    }

    // RFC 8656 §7.3
    private void onRefresh(StunMessage request, ClientPath path, Authenticated auth) {
        Optional<Allocation> found = owned(path, auth);
        if (found.isEmpty()) {
            error(path, request, StunError.ALLOCATION_MISMATCH, auth);
            return;
        }
        Allocation a = found.get();
        Optional<RequestedAddressFamily> family = request.get(RequestedAddressFamily.class);
        if (family.isPresent() && family.get().family() != relayFamily()) {
            error(path, request, StunError.PEER_ADDRESS_FAMILY_MISMATCH, auth);
            return;
        }
        Duration lifetime = refreshLifetime(request);
        if (lifetime.isZero()) {
            delete(a);
        } else {
            a.refresh(clock.instant().plus(lifetime));
        }
        reply(path, request, request.response(MessageClass.SUCCESS_RESPONSE)
                .add(new Lifetime(lifetime.getSeconds())), auth);
    }

    // RFC 8656 §9.2
    private void onCreatePermission(StunMessage request, ClientPath path, Authenticated auth) {
        Optional<Allocation> found = owned(path, auth);
        if (found.isEmpty()) {
            error(path, request, StunError.ALLOCATION_MISMATCH, auth);
            return;
        }
        List<XorPeerAddress> peerList = request.getAll(XorPeerAddress.class);
        if (peerList.isEmpty()) {
            error(path, request, StunError.BAD_REQUEST, auth);
            return;
        }
        for (XorPeerAddress p : peerList) {
            Optional<StunError> refusal = refusePeer(p.address().getAddress());
            if (refusal.isPresent()) {
                error(path, request, refusal.get(), auth); // all or nothing (RFC 8656 §9.2)
                return;
            }
        }
        Allocation a = found.get();
        Instant now = clock.instant();
        long fresh = peerList.stream().map(p -> p.address().getAddress())
                .filter(ip -> !a.hasPermission(ip, now)).distinct().count();
        if (a.activePermissions(now) + fresh > settings.permissionsPerAllocation()) {
            counters.increment(TurnCounters.QUOTA_REFUSED);
            error(path, request, StunError.INSUFFICIENT_CAPACITY, auth);
            return;
        }
        Instant until = now.plus(settings.permissionLifetime());
        peerList.forEach(p -> a.permit(p.address().getAddress(), until));
        reply(path, request, request.response(MessageClass.SUCCESS_RESPONSE), auth);
    }

    // RFC 8656 §11.2
    private void onChannelBind(StunMessage request, ClientPath path, Authenticated auth) {
        Optional<Allocation> found = owned(path, auth);
        if (found.isEmpty()) {
            error(path, request, StunError.ALLOCATION_MISMATCH, auth);
            return;
        }
        Optional<ChannelNumber> number = request.get(ChannelNumber.class);
        Optional<XorPeerAddress> peer = request.get(XorPeerAddress.class);
        if (number.isEmpty() || !number.get().inValidRange() || peer.isEmpty()) {
            error(path, request, StunError.BAD_REQUEST, auth);
            return;
        }
        InetSocketAddress peerAddress = peer.get().address();
        Optional<StunError> refusal = refusePeer(peerAddress.getAddress());
        if (refusal.isPresent()) {
            error(path, request, refusal.get(), auth);
            return;
        }
        Allocation a = found.get();
        Instant now = clock.instant();
        if (a.checkBind(number.get().channel(), peerAddress, now) != Allocation.BindCheck.OK) {
            error(path, request, StunError.BAD_REQUEST, auth);
            return;
        }
        if (!a.hasPermission(peerAddress.getAddress(), now)
                && a.activePermissions(now) >= settings.permissionsPerAllocation()) {
            counters.increment(TurnCounters.QUOTA_REFUSED);
            error(path, request, StunError.INSUFFICIENT_CAPACITY, auth);
            return;
        }
        a.bind(number.get().channel(), peerAddress, now.plus(settings.channelLifetime()));
        // RFC 8656 §11.2: a binding installs or refreshes the permission for the peer's address too.
        a.permit(peerAddress.getAddress(), now.plus(settings.permissionLifetime()));
        reply(path, request, request.response(MessageClass.SUCCESS_RESPONSE), auth);
    }

    /** 403 for peers the policy refuses (RFC 8656 §9.2, §21.2.3); 443 for the other family (§9.2). */
    private Optional<StunError> refusePeer(InetAddress peer) {
        PeerVerdict verdict = peers.judge(peer);
        if (!verdict.permitted()) {
            counters.increment(TurnCounters.PEER_FORBIDDEN);
            log.debug("peer refused: {}", verdict);
            return Optional.of(StunError.FORBIDDEN);
        }
        if (familyOf(peer) != relayFamily()) {
            return Optional.of(StunError.PEER_ADDRESS_FAMILY_MISMATCH);
        }
        return Optional.empty();
    }

    // RFC 8656 §10.2: Send indications are not authenticated; anything wrong drops them silently.
    private void onSend(StunMessage indication, ClientPath path) {
        Optional<Allocation> found = allocations.get(path.key());
        if (found.isEmpty()) {
            counters.increment(TurnCounters.NO_ALLOCATION_DROPPED);
            return;
        }
        Optional<XorPeerAddress> peer = indication.get(XorPeerAddress.class);
        Optional<Data> data = indication.get(Data.class);
        if (peer.isEmpty() || data.isEmpty() || !indication.unknownComprehensionRequired().isEmpty()) {
            counters.increment(TurnCounters.MALFORMED_DROPPED);
            return;
        }
        toPeer(found.get(), peer.get().address(), ByteBuffer.wrap(data.get().bytes()));
    }

    // RFC 8656 §12.4-§12.6, checked where the frame lies (the rules of stun.ChannelData's parsers) and relayed
    // from there: the per-packet path allocates nothing and copies nothing.
    private void onChannelData(ByteBuffer packet, ClientPath path) {
        int at = packet.position();
        int length = packet.remaining();
        if (length < ChannelData.HEADER_LENGTH) {
            counters.increment(TurnCounters.MALFORMED_DROPPED);
            return;
        }
        int channel = packet.getShort(at) & 0xFFFF;
        int dataLength = packet.getShort(at + 2) & 0xFFFF;
        int padded = ChannelData.HEADER_LENGTH + ((dataLength + 3) & ~3);
        boolean stream = path.transport().stream();
        if (!ChannelData.isValidChannel(channel) || length < ChannelData.HEADER_LENGTH + dataLength
                || (stream ? length != padded : length > padded)) {
            // §12.6: shorter than its length, or (§12.5) not exactly one padded frame on a stream; a datagram may
            // carry up to 3 padding bytes and no more.
            counters.increment(TurnCounters.MALFORMED_DROPPED);
            return;
        }
        Allocation a = allocations.find(path.key());
        if (a == null) {
            counters.increment(TurnCounters.NO_ALLOCATION_DROPPED);
            return;
        }
        long now = clock.millis();
        InetSocketAddress peer = a.channelPeer(channel, now);
        if (peer == null) {
            counters.increment(TurnCounters.NO_PERMISSION_DROPPED);
            return;
        }
        packet.limit(at + ChannelData.HEADER_LENGTH + dataLength).position(at + ChannelData.HEADER_LENGTH);
        toPeer(a, peer, packet, now);
    }

    private void toPeer(Allocation a, InetSocketAddress peer, ByteBuffer data) {
        toPeer(a, peer, data, clock.millis());
    }

    private void toPeer(Allocation a, InetSocketAddress peer, ByteBuffer data, long now) {
        if (a.expired(now)) {
            counters.increment(TurnCounters.NO_ALLOCATION_DROPPED);
            return;
        }
        if (!a.hasPermission(peer.getAddress(), now)) {
            counters.increment(TurnCounters.NO_PERMISSION_DROPPED);
            return;
        }
        if (!a.bandwidth().tryTake(data.remaining())) {
            counters.increment(TurnCounters.BANDWIDTH_DROPPED);
            return;
        }
        a.relay().send(data, peer);
        toPeerCount.increment();
    }

    void onPeerData(Allocation a, InetSocketAddress peer, byte[] data) {
        onPeerData(a, peer, ByteBuffer.wrap(data));
    }

    // RFC 8656 §11.3 and §12.7: from a permitted peer, by channel if one is bound, else in a Data indication. The
    // header goes in front of the data where it lies when the buffer has room (the UDP relay sockets leave some).
    void onPeerData(Allocation a, InetSocketAddress peer, ByteBuffer data) {
        long now = clock.millis();
        if (a.expired(now) || !a.hasPermission(peer.getAddress(), now)) {
            counters.increment(TurnCounters.NO_PERMISSION_DROPPED);
            return;
        }
        int length = data.remaining();
        if (!a.bandwidth().tryTake(length)) {
            counters.increment(TurnCounters.BANDWIDTH_DROPPED);
            return;
        }
        ClientKey owner = a.owner();
        ClientPath path = clientPaths.get(owner);
        if (path == null) {
            return;
        }
        boolean stream = owner.transport().stream();
        int channel = a.channelOf(peer, now);
        if (channel != Allocation.NO_CHANNEL) {
            int at = data.position() - ChannelData.HEADER_LENGTH;
            if (stream || at < 0 || data.isReadOnly()) {
                byte[] bytes = new byte[length];
                data.get(bytes);
                path.send(new ChannelData(channel, bytes).encode(stream));
            } else {
                // §12.4 header in front; over UDP no padding (§12.5 asks for it on streams only).
                data.putShort(at, (short) channel);
                data.putShort(at + 2, (short) length);
                data.position(at);
                path.send(data);
            }
        } else {
            byte[] tid = new byte[TransactionId.LENGTH];
            random.nextBytes(tid);
            if (DataIndication.writeAround(data, peer, tid)) {
                path.send(data);
            } else {
                byte[] bytes = new byte[length];
                data.get(bytes);
                path.send(StunMessage.builder(MessageClass.INDICATION, StunMethod.DATA, TransactionId.of(tid))
                        .add(new XorPeerAddress(peer)).add(new Data(bytes)).encode());
            }
        }
        toClientCount.increment();
    }

    private Optional<Allocation> owned(ClientPath path, Authenticated auth) {
        // RFC 8656 §5: later requests must use the credentials that created the allocation (user = JID here).
        return allocations.get(path.key()).filter(a -> a.user().equals(auth.jid()));
    }

    private void delete(Allocation a) {
        if (allocations.remove(a)) {
            a.relay().close();
        }
        clientPaths.remove(a.owner());
    }

    private long remaining(Allocation a) {
        return Math.max(0, Duration.between(clock.instant(), a.expires()).getSeconds());
    }

    private void error(ClientPath path, StunMessage request, StunError error, Authenticated auth) {
        reply(path, request, request.response(MessageClass.ERROR_RESPONSE).add(error.attribute()), auth);
    }

    /** Signs with the request's key when authenticated (RFC 8489 §9.2.4) and adds FINGERPRINT if it had one. */
    private void reply(ClientPath path, StunMessage request, StunMessageBuilder response, Authenticated auth) {
        if (auth != null) {
            auth.sign(response);
        }
        if (request.get(Fingerprint.class).isPresent()) {
            response.fingerprint();
        }
        path.send(response.encode());
    }

    private int relayFamily() {
        return familyOf(advertisedRelayAddress);
    }

    private static int familyOf(InetAddress address) {
        return address instanceof Inet4Address ? FAMILY_IPV4 : FAMILY_IPV6;
    }

    private static Random drbg() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
