package org.xcs.bench.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/**
 * One selector thread owning a share of the clients: it reads and scans their input, writes their output, and paces
 * the load of its own senders (open loop: a message is due every 1/rate seconds from the step's start, whether or not
 * earlier ones were answered). Other threads talk to it only through {@link #execute}.
 */
final class EventLoop implements Runnable, InboundScanner.Sink {
    /** A client whose unwritten output exceeds this gets no new load messages (they count as unsent). */
    private static final int BACKPRESSURE_BYTES = 256 * 1024;
    /** Messages sent per loop pass at most, so reading keeps up even when a step starts far behind schedule. */
    private static final int MAX_BURST = 512;

    private final Selector selector;
    private final Thread thread;
    private final long epoch;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final InboundScanner scanner = new InboundScanner();
    private final byte[] readArray = new byte[64 * 1024];
    private final ByteBuffer readBuffer = ByteBuffer.wrap(readArray);
    private final ByteBuffer writeDirect = ByteBuffer.allocateDirect(64 * 1024);
    private final byte[] stampBytes = new byte[Stamp.MAX_LENGTH];
    private final byte[] composeArray = new byte[64 * 1024];
    private volatile boolean running = true;

    private StepCounts counts = new StepCounts(-1);
    private List<Sender> senders = List.of();
    private double messagesPerNano;
    private long scheduleStart;
    private long scheduled;
    private int nextSender;
    private boolean sending;

    EventLoop(String name, long epoch) {
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.epoch = epoch;
        this.thread = new Thread(this, name);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    long threadId() {
        return thread.getId();
    }

    Selector selector() {
        return selector;
    }

    void execute(Runnable task) {
        if (Thread.currentThread() == thread) {
            task.run();
            return;
        }
        tasks.add(task);
        selector.wakeup();
    }

    <T> CompletableFuture<T> call(Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        execute(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    // ---- load control, on this thread (through call/execute) ----

    /** Starts a step: new counters tagged {@code tag}; {@code rate} messages/s over this loop's {@code senders}. */
    void begin(long tag, double rate, List<Sender> mine) {
        counts = new StepCounts(tag);
        senders = List.copyOf(mine);
        messagesPerNano = rate / 1e9;
        scheduleStart = System.nanoTime();
        scheduled = 0;
        nextSender = 0;
        sending = !senders.isEmpty() && rate > 0;
    }

    void stopSending() {
        sending = false;
    }

    /** The counters so far (a copy, safe to read elsewhere). */
    StepCounts snapshot() {
        StepCounts copy = new StepCounts(counts.tag);
        copy.add(counts);
        return copy;
    }

    /** Ends the step: returns its counters; stamps arriving from now on are late. */
    StepCounts end() {
        StepCounts done = counts;
        sending = false;
        counts = new StepCounts(-1);
        return done;
    }

    ByteBuffer writeBuffer(byte[] bytes, int offset, int length) {
        ByteBuffer b = length <= writeDirect.capacity() ? writeDirect.clear() : ByteBuffer.allocateDirect(length);
        b.put(bytes, offset, length).flip();
        return b;
    }

    // ---- the loop ----

    @Override
    public void run() {
        try {
            while (running) {
                Runnable task;
                while ((task = tasks.poll()) != null) {
                    task.run();
                }
                long waitNanos = pace();
                if (waitNanos <= 0) {
                    selector.selectNow();
                } else {
                    selector.select(Math.max(1, Math.min(100, waitNanos / 1_000_000)));
                }
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    handle(key);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (SelectionKey key : new ArrayList<>(selector.keys())) {
                if (key.attachment() instanceof XmppClient client) {
                    client.shutdown(null);
                }
            }
            try {
                selector.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    /** Sends what is due; returns nanoseconds until the next message is due (large when not sending). */
    private long pace() {
        if (!sending) {
            return 100_000_000L;
        }
        long now = System.nanoTime();
        long due = (long) ((now - scheduleStart) * messagesPerNano) - scheduled;
        int n = (int) Math.min(due, MAX_BURST);
        for (int i = 0; i < n; i++) {
            sendOne();
        }
        if (due > n) {
            return 0;
        }
        long nextAt = scheduleStart + (long) ((scheduled + 1) / messagesPerNano);
        return nextAt - System.nanoTime();
    }

    private void sendOne() {
        Sender s = senders.get(nextSender);
        nextSender = nextSender + 1 == senders.size() ? 0 : nextSender + 1;
        scheduled++;
        counts.sent++;
        counts.expected += s.fanout();
        XmppClient client = s.client();
        if (!client.isOpen() || client.pendingBytes() > BACKPRESSURE_BYTES) {
            counts.unsent++;
            return;
        }
        int n = Stamp.write(stampBytes, 0, counts.tag, System.nanoTime() - epoch);
        byte[] head = s.head();
        byte[] tail = s.tail();
        int length = head.length + n + tail.length;
        if (length > composeArray.length) {
            byte[] all = new byte[length];
            System.arraycopy(head, 0, all, 0, head.length);
            System.arraycopy(stampBytes, 0, all, head.length, n);
            System.arraycopy(tail, 0, all, head.length + n, tail.length);
            client.write(all);
            return;
        }
        // Compose in the loop's scratch array, then one write per message.
        byte[] scratch = composeArray;
        System.arraycopy(head, 0, scratch, 0, head.length);
        System.arraycopy(stampBytes, 0, scratch, head.length, n);
        System.arraycopy(tail, 0, scratch, head.length + n, tail.length);
        client.write(scratch, 0, length);
    }

    private void handle(SelectionKey key) {
        XmppClient client = (XmppClient) key.attachment();
        if (!key.isValid()) {
            return;
        }
        try {
            if (key.isConnectable()) {
                client.connected();
                return;
            }
            if (key.isValid() && key.isWritable()) {
                client.writable();
            }
            if (key.isValid() && key.isReadable()) {
                read(client);
            }
        } catch (IOException | RuntimeException e) {
            client.shutdown(e);
        }
    }

    private void read(XmppClient client) throws IOException {
        // Several reads per wake-up at most, so one busy client cannot starve the others.
        for (int round = 0; round < 4 && client.isOpen(); round++) {
            readBuffer.clear();
            int carried = client.carryLength;
            readBuffer.put(client.carry, 0, carried);
            int got = client.channel().read(readBuffer);
            if (got < 0) {
                if (!client.closeSeen) {
                    counts.closedByServer++;
                }
                client.shutdown(new IOException("server closed the connection"));
                return;
            }
            if (got == 0) {
                return;
            }
            int n = readBuffer.position();
            currentClient = client;
            int keepFrom = scanner.scan(readArray, n, this);
            currentClient = null;
            if (client.expecting()) {
                client.appendText(readArray, carried, n);
            }
            int keep = n - keepFrom;
            System.arraycopy(readArray, keepFrom, client.carry, 0, keep);
            client.carryLength = keep;
            if (readBuffer.hasRemaining()) {
                return;
            }
        }
    }

    private XmppClient currentClient;

    @Override
    public void stamp(long step, long nanos) {
        if (step != counts.tag) {
            counts.late++;
            return;
        }
        counts.delivered++;
        long micros = (System.nanoTime() - epoch - nanos) / 1000;
        counts.latencyMicros.recordValue(Math.max(0, Math.min(micros, counts.latencyMicros.getHighestTrackableValue())));
    }

    @Override
    public void streamError() {
        counts.streamErrors++;
    }

    @Override
    public void streamClosed() {
        currentClient.closeSeen = true;
        counts.closedByServer++;
    }

    void shutdown() {
        running = false;
        selector.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean onLoopThread() {
        return Thread.currentThread() == thread;
    }
}
