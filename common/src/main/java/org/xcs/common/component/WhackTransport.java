package org.xcs.common.component;

import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jivesoftware.whack.ExternalComponent;
import org.jivesoftware.whack.ExternalComponentManager;
import org.xcs.common.stanza.wire.StanzaXml;
import org.xmpp.component.Component;
import org.xmpp.component.ComponentException;
import org.xmpp.component.ComponentManager;
import org.xmpp.packet.JID;
import org.xmpp.packet.Packet;
import org.xmpp.packet.StreamError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Transport} over Whack 2.0.1, with the fixes its defaults need (see shared/notes/hosts.md):
 * <ul>
 * <li>order: stanzas are delivered on Whack's single socket-reader thread, never through its worker pool (its
 *     default 25 threads reorder stanzas);</li>
 * <li>a handshake timeout (Whack blocks forever on a peer that accepts TCP and stays silent);</li>
 * <li>loss reporting: a clean close by the host ends Whack's reader without telling anyone, so the reader thread
 *     is watched; Whack's own reconnect loop (every 5 s forever, even on not-authorized) is disabled so that the
 *     runtime's backoff is the only one;</li>
 * <li>writing: stanzas are rendered by {@link StanzaXml} (the same bytes as Whack's dom4j XMLWriter at half the
 *     cost: 0.8 vs 1.5 us for a 330-byte notification, UTF-8 included) and written to the socket under the lock
 *     Whack's keep-alive takes too (see {@link #send}).</li>
 * </ul>
 * Whack hashes the secret into the handshake and never logs it; the manager keeps it in memory only.
 */
public final class WhackTransport implements Transport {

    private static final Logger log = LoggerFactory.getLogger(WhackTransport.class);
    private static final int WORKER_THREADS = 1;
    /**
     * A batch goes to the socket in writes of about this size: a 200-occupant reflection (66 KB) is 5 system calls
     * instead of 200, on our side and on the host's, which reads what arrived in one go. Small enough that each
     * sending thread's buffer stays small.
     */
    static final int BATCH_BYTES = 16 * 1024;
    private static final ThreadLocal<Batch> BATCH = ThreadLocal.withInitial(Batch::new);

    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean lost = new AtomicBoolean();
    private final ThreadLocal<IOException> sendFailure = new ThreadLocal<>();
    private final ThreadLocal<Boolean> sending = ThreadLocal.withInitial(() -> false);
    private volatile OrderedComponent component;
    /** The socket's stream and the lock Whack writes under; null when Whack's fields could not be reached. */
    private volatile OutputStream out;
    private volatile Object writeLock;
    private volatile boolean connected;
    private volatile String domain = "?";
    private volatile PacketHandler inbound;
    private volatile Consumer<Throwable> onLost;

    @Override
    public void connect(ConnectParams params, PacketHandler inbound, Consumer<Throwable> onLost)
            throws ConnectFailure {
        if (component != null) {
            throw new IllegalStateException("a WhackTransport connects once; create a new one to reconnect");
        }
        this.domain = params.domain();
        this.inbound = inbound;
        this.onLost = onLost;
        TimedManager manager = new TimedManager(params.host(), params.port());
        manager.setConnectTimeout(saturatedMillis(params.connectTimeout().toMillis()));
        // No server name: Whack then sends the domain given to connect() as the stream's 'to' (XEP-0114 §3).
        manager.setSecretKey(params.domain(), params.secret());
        OrderedComponent ext = new OrderedComponent(manager);
        component = ext;
        handshake(ext, manager, params);
        try {
            ext.initialize(new JID(null, params.domain(), null), manager);
        } catch (ComponentException e) {
            abort(ext);
            throw new ConnectFailure(ConnectFailure.Cause.OTHER, "initialize failed: " + e.getMessage(), e);
        }
        connected = true;
        disableNagle(ext);
        reachWriter(ext);
        ext.start();
        watchReader(ext);
    }

    /**
     * Whack opens its socket with Nagle's algorithm on, so a small stanza written while an earlier one is unacknowledged
     * waits for the host's delayed ACK (~40 ms on Linux): measured through ejabberd, our MUC's light-load p50 fell
     * from 20-56 ms to 4-7 ms with TCP_NODELAY. Every stanza is flushed whole, so nothing gains from coalescing.
     */
    private void disableNagle(OrderedComponent ext) {
        Socket socket = WhackInternals.socket(ext);
        if (socket == null) {
            log.warn("Cannot reach Whack's socket: TCP_NODELAY not set, replies may wait ~40 ms for delayed ACKs");
            return;
        }
        try {
            socket.setTcpNoDelay(true);
        } catch (IOException e) {
            log.warn("Could not set TCP_NODELAY on the link to the host: {}", e.toString());
        }
    }

    /** Whether the link to the host sends each write at once (Nagle off); false when not connected. */
    boolean sendsWithoutDelay() {
        OrderedComponent ext = component;
        Socket socket = ext == null ? null : WhackInternals.socket(ext);
        try {
            return socket != null && socket.getTcpNoDelay();
        } catch (IOException e) {
            return false;
        }
    }

    private void handshake(OrderedComponent ext, TimedManager manager, ConnectParams params) throws ConnectFailure {
        FutureTask<Void> task = new FutureTask<>(() -> {
            ext.connect(params.host(), params.port(), params.domain(), false);
            return null;
        });
        Thread thread = new Thread(task, "xcs-handshake-" + params.domain());
        thread.setDaemon(true);
        long startedAt = System.nanoTime();
        thread.start();
        long connectBudget = params.connectTimeout().toNanos() + TimeUnit.SECONDS.toNanos(1);
        try {
            while (true) {
                long tcpAt = manager.tcpConnectedAt;
                long deadline = tcpAt != 0 ? tcpAt + params.handshakeTimeout().toNanos() : startedAt + connectBudget;
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    abort(ext);
                    thread.join(1000);
                    if (tcpAt == 0) {
                        throw new ConnectFailure(ConnectFailure.Cause.CONNECTION_REFUSED, "TCP connect timed out");
                    }
                    throw new ConnectFailure(ConnectFailure.Cause.HANDSHAKE_TIMEOUT,
                            "no handshake answer within " + params.handshakeTimeout().toMillis() + " ms");
                }
                try {
                    task.get(Math.min(remaining, TimeUnit.MILLISECONDS.toNanos(50)), TimeUnit.NANOSECONDS);
                    return;
                } catch (TimeoutException notYet) {
                    // loop: the deadline moves from "TCP connected" to "handshake done" once TCP is up
                }
            }
        } catch (ExecutionException e) {
            abort(ext);
            throw classify(e.getCause(), manager.tcpConnectedAt != 0);
        } catch (InterruptedException e) {
            abort(ext);
            Thread.currentThread().interrupt();
            throw new ConnectFailure(ConnectFailure.Cause.OTHER, "interrupted while connecting", e);
        }
    }

    static ConnectFailure classify(Throwable failure, boolean tcpConnected) {
        if (failure instanceof ComponentException ce && ce.getStreamError() != null) {
            StreamError.Condition condition = ce.getStreamError().getCondition();
            String text = "stream error " + (condition == null ? "(none)" : condition.toXMPP());
            if (condition == StreamError.Condition.not_authorized) {
                return new ConnectFailure(ConnectFailure.Cause.NOT_AUTHORIZED, "not-authorized", ce);
            }
            if (condition == StreamError.Condition.host_unknown) {
                return new ConnectFailure(ConnectFailure.Cause.HOST_UNKNOWN, "host-unknown", ce);
            }
            if (condition == StreamError.Condition.conflict) {
                return new ConnectFailure(ConnectFailure.Cause.CONFLICT, "conflict", ce);
            }
            return new ConnectFailure(ConnectFailure.Cause.OTHER, text, ce);
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) {
                return new ConnectFailure(ConnectFailure.Cause.OTHER, "unknown host name " + t.getMessage(), failure);
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return new ConnectFailure(ConnectFailure.Cause.CONNECTION_REFUSED, "connection refused", failure);
            }
            if (t instanceof SocketTimeoutException && !tcpConnected) {
                return new ConnectFailure(ConnectFailure.Cause.CONNECTION_REFUSED, "TCP connect timed out", failure);
            }
            if (t instanceof EOFException || t instanceof SocketException) {
                // The host took the TCP connection and dropped it before the handshake ended: typical while it
                // starts or stops, so it counts as "not there yet".
                return new ConnectFailure(ConnectFailure.Cause.CONNECTION_REFUSED,
                        "connection closed during the handshake", failure);
            }
        }
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return new ConnectFailure(ConnectFailure.Cause.OTHER, message, failure);
    }

    /**
     * Whack's own send renders with dom4j's XMLWriter while it holds the stream's lock: 16% of the PubSub component's
     * CPU per notification (JFR, component-only bench). The stanza is rendered here before the lock and written as
     * UTF-8 straight to the socket. Whack's writer is always flushed after each use (its send, its keep-alive, its
     * closing tag), so nothing of it can sit in its buffer and be overtaken.
     */
    @Override
    public void send(Packet packet) {
        OrderedComponent ext = component;
        if (ext == null || !isConnected()) {
            throw new UncheckedIOException(new IOException("not connected"));
        }
        OutputStream stream = out;
        Object lock = writeLock;
        if (stream == null || lock == null) {
            sendThroughWhack(ext, packet);
            return;
        }
        byte[] bytes = StanzaXml.render(packet).getBytes(StandardCharsets.UTF_8);
        try {
            write(ext, stream, lock, bytes, bytes.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As {@link #send} for each packet, rendered before the lock and written in chunks of {@link #BATCH_BYTES}. */
    @Override
    public void sendAll(List<? extends Packet> packets) {
        OrderedComponent ext = component;
        if (ext == null || !isConnected()) {
            throw new PartialWrite(0, new IOException("not connected"));
        }
        OutputStream stream = out;
        Object lock = writeLock;
        if (stream == null || lock == null) {
            Transport.super.sendAll(packets);
            return;
        }
        Batch batch = BATCH.get();
        int written = 0;
        int pending = 0;
        try {
            for (Packet packet : packets) {
                batch.append(StanzaXml.render(packet).getBytes(StandardCharsets.UTF_8));
                pending++;
                if (batch.size >= BATCH_BYTES) {
                    flush(ext, stream, lock, batch, written);
                    written += pending;
                    pending = 0;
                }
            }
            if (pending > 0) {
                flush(ext, stream, lock, batch, written);
            }
        } finally {
            batch.clear();
        }
    }

    private void flush(OrderedComponent ext, OutputStream stream, Object lock, Batch batch, int written) {
        try {
            write(ext, stream, lock, batch.bytes, batch.size);
        } catch (IOException e) {
            throw new PartialWrite(written, e);
        }
        batch.size = 0;
    }

    /** Writes under Whack's writer lock; a failed write reports the connection lost before it is rethrown. */
    private void write(OrderedComponent ext, OutputStream stream, Object lock, byte[] bytes, int length)
            throws IOException {
        synchronized (lock) {
            try {
                stream.write(bytes, 0, length);
                stream.flush();
                WhackInternals.touch(ext);
            } catch (IOException e) {
                reportLost(e);
                throw e;
            }
        }
    }

    /** The bytes of a batch's next write; one per sending thread, never shared. */
    private static final class Batch {
        private static final int KEEP_BYTES = 4 * BATCH_BYTES;
        byte[] bytes = new byte[2 * BATCH_BYTES];
        int size;

        void append(byte[] stanza) {
            if (size + stanza.length > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, size + stanza.length));
            }
            System.arraycopy(stanza, 0, bytes, size, stanza.length);
            size += stanza.length;
        }

        /** After a batch: an oversized stanza's buffer is not kept for the thread's lifetime. */
        void clear() {
            size = 0;
            if (bytes.length > KEEP_BYTES) {
                bytes = new byte[2 * BATCH_BYTES];
            }
        }
    }

    private void sendThroughWhack(OrderedComponent ext, Packet packet) {
        sending.set(true);
        try {
            ext.send(packet);
        } finally {
            sending.set(false);
        }
        IOException failure = sendFailure.get();
        if (failure != null) {
            sendFailure.remove();
            throw new UncheckedIOException(failure);
        }
    }

    private void reachWriter(OrderedComponent ext) {
        Socket socket = WhackInternals.socket(ext);
        Object lock = WhackInternals.writer(ext);
        if (socket == null || lock == null) {
            log.warn("Cannot reach Whack's writer: stanzas are rendered by Whack's XMLWriter (slower)");
            return;
        }
        try {
            out = socket.getOutputStream();
            writeLock = lock;
        } catch (IOException e) {
            log.warn("Cannot reach the socket's stream: stanzas are rendered by Whack's XMLWriter: {}", e.toString());
        }
    }

    @Override
    public boolean isConnected() {
        return connected && !lost.get() && !closed.get();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        OrderedComponent ext = component;
        if (ext == null) {
            return;
        }
        if (connected) {
            ext.shutdown(); // writes </stream:stream>, closes the socket, cancels Whack's timers
        } else {
            abort(ext);
        }
        connected = false;
    }

    /** Closes the socket first, which also frees a writer stuck on a dead link; then Whack's timers are cancelled. */
    @Override
    public void abort() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        OrderedComponent ext = component;
        connected = false;
        if (ext != null) {
            WhackInternals.stopReader(ext); // else the reader logs the socket closing under it as an error
            abort(ext);
            ext.shutdown(); // the socket is closed, so Whack skips its closing tag and only cancels its timers
        }
    }

    private void reportLost(Throwable why) {
        connected = false;
        if (closed.get() || !lost.compareAndSet(false, true)) {
            return;
        }
        Consumer<Throwable> callback = onLost;
        if (callback != null) {
            callback.accept(why);
        }
    }

    private void watchReader(OrderedComponent ext) {
        Thread reader = WhackInternals.readerThread(ext);
        if (reader == null) {
            log.warn("{}: cannot watch Whack's reader thread; a clean close by the host is found by ping only",
                    domain);
            return;
        }
        Thread watcher = new Thread(() -> {
            try {
                reader.join();
                reportLost(new EOFException("the host closed the stream"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "xcs-stream-watch-" + domain);
        watcher.setDaemon(true);
        watcher.start();
    }

    private static void abort(OrderedComponent ext) {
        Socket socket = WhackInternals.socket(ext);
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing is all we wanted
            }
        }
    }

    private static int saturatedMillis(long millis) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, millis));
    }

    /**
     * Whack reads the server name right after its TCP connect returns: the moment the handshake timeout starts
     * (ExternalComponent.connect, Whack 2.0.1).
     */
    private static final class TimedManager extends ExternalComponentManager {
        volatile long tcpConnectedAt;

        TimedManager(String host, int port) {
            super(host, port);
        }

        @Override
        public String getServerName() {
            if (tcpConnectedAt == 0) {
                tcpConnectedAt = System.nanoTime();
            }
            return super.getServerName();
        }
    }

    private final class OrderedComponent extends ExternalComponent {
        OrderedComponent(ExternalComponentManager manager) {
            super(new NoOpComponent(), manager, WORKER_THREADS);
        }

        /** Runs on Whack's single reader thread: stanzas reach the handler in arrival order. */
        @Override
        public void processPacket(Packet packet) {
            if (closed.get()) {
                return;
            }
            try {
                inbound.handle(packet);
            } catch (RuntimeException e) {
                // An exception escaping here would end Whack's reader silently: log and keep reading.
                log.error("{}: inbound handler failed on a <{}/> stanza; continuing", domain,
                        packet.getElement().getName(), e);
            }
        }

        /** Replaces Whack's reconnect-every-5-s loop: report and let the runtime decide. */
        @Override
        public void connectionLost() {
            IOException why = new IOException("write to the host failed");
            if (sending.get()) {
                sendFailure.set(why);
            }
            reportLost(why);
        }
    }

    private static final class NoOpComponent implements Component {
        @Override
        public String getName() {
            return "xcs";
        }

        @Override
        public String getDescription() {
            return "XCS component";
        }

        @Override
        public void processPacket(Packet packet) {
            // never called: OrderedComponent.processPacket delivers inbound stanzas
        }

        @Override
        public void initialize(JID jid, ComponentManager componentManager) {
        }

        @Override
        public void start() {
        }

        @Override
        public void shutdown() {
        }
    }

    /** Reaches private fields of Whack 2.0.1 (pinned) that it offers no accessor for. */
    private static final class WhackInternals {
        private static final Field READER_THREAD = field("readerThread");
        private static final Field SOCKET = field("socket");
        private static final Field WRITER = field("writer");
        private static final Field LAST_ACTIVE = field("lastActive");

        static Object writer(ExternalComponent ext) {
            return read(WRITER, ext);
        }

        /** Whack's keep-alive writes a space when nothing was sent for a while; it reads this under the lock. */
        static void touch(ExternalComponent ext) {
            if (LAST_ACTIVE != null) {
                try {
                    LAST_ACTIVE.setLong(ext, System.currentTimeMillis());
                } catch (IllegalAccessException | RuntimeException e) {
                    // only costs a needless keep-alive space
                }
            }
        }

        static Thread readerThread(ExternalComponent ext) {
            return (Thread) read(READER_THREAD, ext);
        }

        static void stopReader(ExternalComponent ext) {
            Thread reader = readerThread(ext);
            if (reader == null) {
                return;
            }
            try {
                java.lang.reflect.Method shutdown = reader.getClass().getDeclaredMethod("shutdown");
                shutdown.setAccessible(true);
                shutdown.invoke(reader);
            } catch (ReflectiveOperationException | RuntimeException e) {
                // only costs a log line
            }
        }

        static Socket socket(ExternalComponent ext) {
            return (Socket) read(SOCKET, ext);
        }

        private static Object read(Field field, ExternalComponent ext) {
            if (field == null) {
                return null;
            }
            try {
                return field.get(ext);
            } catch (IllegalAccessException e) {
                return null;
            }
        }

        private static Field field(String name) {
            try {
                Field field = ExternalComponent.class.getDeclaredField(name);
                field.setAccessible(true);
                return field;
            } catch (ReflectiveOperationException | RuntimeException e) {
                LoggerFactory.getLogger(WhackTransport.class)
                        .warn("Whack has no field {} (not version 2.0.1?): {}", name, e.toString());
                return null;
            }
        }
    }
}
