package org.xcs.common.router;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xcs.common.component.PacketSender;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;

/**
 * IQs the component sends itself (to the host, to a user's server), each answered through a future. Register it
 * with {@link StanzaRouter#onResponse}. A reply matches by id and by coming from the JID the request was sent to,
 * so another entity cannot answer for it (RFC 6120 §8.2.3: the response comes from the addressed entity).
 * Futures complete on the thread that delivers the response (the transport's dispatch thread) or on timeout: use
 * the {@code *Async} variants, e.g. with {@code KeyedSerialExecutor.executorFor(key)}, for any real work.
 */
public final class IqTracker implements Consumer<IQ> {
    private static final Logger log = LoggerFactory.getLogger(IqTracker.class);

    private final PacketSender sender;
    private final String idPrefix = "xcs-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    private final AtomicLong nextId = new AtomicLong();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    private record Pending(JID to, CompletableFuture<IQ> future) {
    }

    public IqTracker(PacketSender sender) {
        this.sender = Objects.requireNonNull(sender);
    }

    /**
     * Sends {@code request} (get or set; an id is assigned when it has none) and completes with its result or error
     * IQ, or exceptionally with {@link java.util.concurrent.TimeoutException} after {@code timeout}.
     */
    public CompletableFuture<IQ> send(IQ request, Duration timeout) {
        if (request.getType() != IQ.Type.get && request.getType() != IQ.Type.set) {
            throw new IllegalArgumentException("only get and set expect a response: " + request.toXML());
        }
        if (request.getID() == null || request.getID().isEmpty()) {
            request.setID(idPrefix + nextId.incrementAndGet());
        }
        String id = request.getID();
        CompletableFuture<IQ> future = new CompletableFuture<>();
        Pending entry = new Pending(request.getTo(), future);
        if (pending.putIfAbsent(id, entry) != null) {
            throw new IllegalStateException("an IQ with id " + id + " is already awaiting its response");
        }
        future.whenComplete((r, e) -> pending.remove(id, entry));
        future.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            sender.send(request);
        } catch (RuntimeException e) {
            future.completeExceptionally(e);
        }
        return future;
    }

    /** Takes an inbound IQ result or error; completes the matching request's future, if any. */
    @Override
    public void accept(IQ response) {
        if (!matches(response)) {
            log.debug("Unsolicited IQ {} id {} from {} ignored", response.getType(), response.getID(),
                    response.getFrom());
        }
    }

    /** Whether {@code response} answered a pending request (and completed it). */
    public boolean matches(IQ response) {
        String id = response.getID();
        Pending entry = id == null ? null : pending.get(id);
        if (entry == null || !response.isResponse()) {
            return false;
        }
        if (entry.to() != null && !entry.to().equals(response.getFrom())) {
            return false;
        }
        if (!pending.remove(id, entry)) {
            return false;
        }
        entry.future().complete(response);
        return true;
    }

    /** Requests still awaiting their response. */
    public int pendingCount() {
        return pending.size();
    }
}
