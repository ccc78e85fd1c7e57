package org.xcs.common.router;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

import org.dom4j.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xcs.common.component.PacketHandler;
import org.xcs.common.component.PacketSender;
import org.xcs.common.concurrent.KeyedSerialExecutor;
import org.xcs.common.error.ErrorReplies;
import org.xcs.common.error.XmppException;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;
import org.xmpp.packet.PacketError;
import org.xmpp.packet.Presence;

/**
 * Routes inbound stanzas to registered handlers, each on the serial queue of its entity, and keeps the reply
 * guarantee. Called by the transport on one thread in arrival order ({@link PacketHandler}).
 */
public final class StanzaRouter implements PacketHandler {
    private static final Logger log = LoggerFactory.getLogger(StanzaRouter.class);

    /** Default entity key: the bare {@code to} JID (room, node service, user), or "" when absent. */
    public static final Function<Packet, String> BARE_TO = p -> p.getTo() == null ? "" : p.getTo().toBareJID();

    private static final XmppException OVERLOADED =
            new XmppException(PacketError.Condition.resource_constraint, PacketError.Type.wait);

    private final PacketSender sender;
    private final KeyedSerialExecutor executor;
    private final Function<Packet, String> keyFunction;
    private final Map<IqRoute, AsyncIqHandler> iqHandlers = new ConcurrentHashMap<>();
    private volatile AsyncIqHandler fullJidIqHandler;
    private volatile MessageHandler messageHandler;
    private volatile PresenceHandler presenceHandler;
    private volatile Consumer<IQ> responseListener;

    private final AtomicLong received = new AtomicLong();
    private final AtomicLong responses = new AtomicLong();
    private final AtomicLong overloadAnswered = new AtomicLong();
    private final AtomicLong overloadDroppedErrors = new AtomicLong();
    private final AtomicLong handlerFailures = new AtomicLong();

    public record Stats(long received, long responses, long overloadAnswered, long overloadDroppedErrors,
                        long handlerFailures) {
    }

    private record IqRoute(IQ.Type type, String namespace, String elementName) {
    }

    public StanzaRouter(PacketSender sender, KeyedSerialExecutor executor) {
        this(sender, executor, BARE_TO);
    }

    public StanzaRouter(PacketSender sender, KeyedSerialExecutor executor, Function<Packet, String> keyFunction) {
        this.sender = Objects.requireNonNull(sender);
        this.executor = Objects.requireNonNull(executor);
        this.keyFunction = Objects.requireNonNull(keyFunction);
    }

    /** Handles IQs of {@code type} (get or set) whose child element is in {@code namespace}, whatever its name. */
    public StanzaRouter onIq(IQ.Type type, String namespace, IqHandler handler) {
        return onIq(type, namespace, null, handler);
    }

    /** As {@link #onIq(IQ.Type, String, IqHandler)}, for one child element name; takes precedence. */
    public StanzaRouter onIq(IQ.Type type, String namespace, String elementName, IqHandler handler) {
        Objects.requireNonNull(handler);
        return onIqAsync(type, namespace, elementName, request -> new DoneStage(handler.handle(request)));
    }

    public StanzaRouter onIqAsync(IQ.Type type, String namespace, String elementName, AsyncIqHandler handler) {
        if (type != IQ.Type.get && type != IQ.Type.set) {
            throw new IllegalArgumentException("only get and set are requests: " + type);
        }
        Objects.requireNonNull(namespace);
        Objects.requireNonNull(handler);
        IqRoute route = new IqRoute(type, namespace, elementName);
        if (iqHandlers.putIfAbsent(route, handler) != null) {
            throw new IllegalStateException("handler already registered for " + route);
        }
        return this;
    }

    /**
     * Handles every IQ get/set addressed to a full JID ({@code node@domain/resource}: an entity's session or a MUC
     * occupant) whatever its namespace, instead of the namespace handlers, which serve the service and bare JIDs.
     * Such an IQ is meant for whoever is behind that address (XEP-0045 §18.3: the room forwards it to the occupant),
     * so the service must not answer it as if addressed to itself. Same reply guarantee as any IQ handler.
     */
    public StanzaRouter onFullJidIq(IqHandler handler) {
        Objects.requireNonNull(handler);
        return onFullJidIqAsync(request -> new DoneStage(handler.handle(request)));
    }

    public StanzaRouter onFullJidIqAsync(AsyncIqHandler handler) {
        Objects.requireNonNull(handler);
        if (fullJidIqHandler != null) {
            throw new IllegalStateException("a full-JID IQ handler is already registered");
        }
        this.fullJidIqHandler = handler;
        return this;
    }

    public StanzaRouter onMessage(MessageHandler handler) {
        this.messageHandler = Objects.requireNonNull(handler);
        return this;
    }

    public StanzaRouter onPresence(PresenceHandler handler) {
        this.presenceHandler = Objects.requireNonNull(handler);
        return this;
    }

    /**
     * Receives inbound IQ results and errors (answers to IQs the component sent, e.g. {@link IqTracker}), on the
     * dispatch thread: keep it short.
     */
    public StanzaRouter onResponse(Consumer<IQ> listener) {
        this.responseListener = Objects.requireNonNull(listener);
        return this;
    }

    @Override
    public void handle(Packet packet) {
        received.incrementAndGet();
        if (packet instanceof IQ iq && isResponse(iq)) {
            deliverResponse(iq);
            return;
        }
        if (!executor.trySubmit(keyOf(packet), () -> dispatch(packet))) {
            overloaded(packet);
        }
    }

    private String keyOf(Packet packet) {
        try {
            String key = keyFunction.apply(packet);
            return key == null ? "" : key;
        } catch (RuntimeException e) {
            // Still route it (to the shared "" queue): a stanza must not go unanswered because its key is odd.
            log.warn("Key function failed on {} from {}", packet.getElement().getName(), packet.getFrom(), e);
            return "";
        }
    }

    /** Stops taking stanzas (later ones are answered {@code resource-constraint}) and finishes the queued ones. */
    public boolean drain(Duration timeout) {
        return executor.drain(timeout);
    }

    /** Waits until every accepted stanza has been handled (tests, and callers that need a quiet point). */
    public boolean awaitIdle(Duration timeout) {
        return executor.awaitIdle(timeout);
    }

    public Stats stats() {
        return new Stats(received.get(), responses.get(), overloadAnswered.get(), overloadDroppedErrors.get(),
                handlerFailures.get());
    }

    private static boolean isResponse(IQ iq) {
        String type = iq.getElement().attributeValue("type");
        return "result".equals(type) || "error".equals(type);
    }

    private void deliverResponse(IQ response) {
        responses.incrementAndGet();
        // RFC 6120 §8.2.3: a result or error is never answered, whatever happens to it here.
        Consumer<IQ> listener = responseListener;
        if (listener == null) {
            log.debug("IQ {} from {} ignored: no response listener", response.getType(), response.getFrom());
            return;
        }
        try {
            listener.accept(response);
        } catch (RuntimeException e) {
            log.error("Response listener failed on IQ {} from {}", response.getID(), response.getFrom(), e);
        }
    }

    private void overloaded(Packet packet) {
        if (ErrorReplies.expectsErrorReply(packet)) {
            long n = overloadAnswered.incrementAndGet();
            logOverload(n, "answered resource-constraint", packet);
            ErrorReplies.bounce(packet, OVERLOADED).ifPresent(this::send);
        } else {
            // An error stanza must not be answered (RFC 6120 §8.3.1): count and log the loss instead.
            long n = overloadDroppedErrors.incrementAndGet();
            logOverload(n, "dropped error stanza", packet);
        }
    }

    private void logOverload(long count, String what, Packet packet) {
        String reason = executor.isAccepting() ? "queue full" : "draining";
        if (count == 1 || count % 1000 == 0) {
            log.warn("{}: {} ({} so far), e.g. {} from {} to {}", reason, what, count,
                    packet.getElement().getName(), packet.getFrom(), packet.getTo());
        } else {
            log.debug("{}: {} {} from {} to {}", reason, what, packet.getElement().getName(), packet.getFrom(),
                    packet.getTo());
        }
    }

    private void dispatch(Packet packet) {
        if (packet instanceof IQ iq) {
            dispatchIq(iq);
        } else if (packet instanceof Message message) {
            MessageHandler handler = messageHandler;
            runOrBounce(message, handler == null ? null : () -> handler.handle(message));
        } else if (packet instanceof Presence presence) {
            PresenceHandler handler = presenceHandler;
            if (handler == null && presence.getType() == Presence.Type.unavailable) {
                // Nobody waits for an answer to unavailable presence (RFC 6121 §4.5.3); there is nothing to end.
                log.debug("Unavailable presence from {} ignored: no presence handler", presence.getFrom());
                return;
            }
            runOrBounce(presence, handler == null ? null : () -> handler.handle(presence));
        } else {
            log.warn("Unknown stanza kind ignored: {}", packet.toXML());
        }
    }

    private void runOrBounce(Packet stanza, Runnable handling) {
        XmppException error;
        if (handling == null) {
            // RFC 6120 §8.4: a stanza nobody here handles is answered service-unavailable.
            error = new XmppException(PacketError.Condition.service_unavailable);
        } else {
            try {
                handling.run();
                return;
            } catch (XmppException e) {
                error = e;
            } catch (Throwable t) {
                handlerFailures.incrementAndGet();
                log.error("Handler failed on {} from {}", stanza.getElement().getName(), stanza.getFrom(), t);
                error = new XmppException(PacketError.Condition.internal_server_error, PacketError.Type.wait);
            }
        }
        ErrorReplies.bounce(stanza, error).ifPresent(this::send);
    }

    private void dispatchIq(IQ request) {
        if (!ErrorReplies.expectsErrorReply(request)) {
            // No or an unknown type: not a response either, so the sender may be waiting (RFC 6120 §8.2.3).
            send(ErrorReplies.iqError(asRequest(request), badRequest("IQ type must be get, set, result or error")));
            return;
        }
        List<Element> children = request.getElement().elements();
        if (children.size() != 1) {
            // RFC 6120 §8.2.3: a get or set MUST contain exactly one child element.
            send(ErrorReplies.iqError(request, badRequest("an IQ get or set carries exactly one child element")));
            return;
        }
        Element child = children.get(0);
        AsyncIqHandler fullJid = fullJidIqHandler;
        AsyncIqHandler handler = fullJid != null && isFullJid(request.getTo())
                ? fullJid : findHandler(request.getType(), child);
        if (handler == null) {
            send(ErrorReplies.iqError(request, PacketError.Condition.service_unavailable));
            return;
        }
        CompletionStage<IQ> stage;
        try {
            stage = handler.handle(request);
        } catch (Throwable t) {
            send(replyFor(request, null, t));
            return;
        }
        if (stage == null) {
            send(replyFor(request, null, null));
        } else if (stage instanceof DoneStage done) {
            send(replyFor(request, done.reply, null));
        } else {
            stage.whenComplete((reply, failure) -> send(replyFor(request, reply, unwrap(failure))));
        }
    }

    private static boolean isFullJid(JID jid) {
        return jid != null && jid.getNode() != null && jid.getResource() != null;
    }

    private AsyncIqHandler findHandler(IQ.Type type, Element child) {
        String namespace = child.getNamespaceURI();
        AsyncIqHandler exact = iqHandlers.get(new IqRoute(type, namespace, child.getName()));
        return exact != null ? exact : iqHandlers.get(new IqRoute(type, namespace, null));
    }

    private IQ replyFor(IQ request, IQ reply, Throwable failure) {
        if (failure instanceof XmppException e) {
            return ErrorReplies.iqError(request, e);
        }
        if (failure != null) {
            handlerFailures.incrementAndGet();
            Element child = request.getElement().elements().get(0);
            log.error("IQ handler failed on {} {} from {}", request.getType(),
                    "{" + child.getNamespaceURI() + "}" + child.getName(), request.getFrom(), failure);
            return ErrorReplies.iqError(request,
                    new XmppException(PacketError.Condition.internal_server_error, PacketError.Type.wait));
        }
        if (reply == null) {
            handlerFailures.incrementAndGet();
            return ErrorReplies.iqError(request,
                    new XmppException(PacketError.Condition.feature_not_implemented, PacketError.Type.cancel));
        }
        if (!isResponse(reply) || !Objects.equals(reply.getID(), request.getID())) {
            handlerFailures.incrementAndGet();
            log.error("IQ handler returned a reply that does not answer request {}: {}", request.getID(),
                    reply.toXML());
            return ErrorReplies.iqError(request,
                    new XmppException(PacketError.Condition.internal_server_error, PacketError.Type.wait));
        }
        return reply;
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    private static XmppException badRequest(String text) {
        return new XmppException(PacketError.Condition.bad_request, PacketError.Type.modify, text, null);
    }

    /** A copy typed get, so that a request with a missing or unknown type can be answered like any request. */
    private static IQ asRequest(IQ request) {
        IQ copy = request.createCopy();
        copy.getElement().addAttribute("type", "get");
        return copy;
    }

    private void send(Packet packet) {
        try {
            sender.send(packet);
        } catch (RuntimeException e) {
            log.error("Could not send {} to {}", packet.getElement().getName(), packet.getTo(), e);
        }
    }

    /** The reply of a synchronous handler, so it is sent without a detour through a future. */
    private static final class DoneStage extends java.util.concurrent.CompletableFuture<IQ> {
        final IQ reply;

        DoneStage(IQ reply) {
            this.reply = reply;
            complete(reply);
        }
    }
}
