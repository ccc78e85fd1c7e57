package org.xcs.relay.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread and one selector reading non-blocking UDP sockets: the TURN listener and the relayed sockets share it,
 * so a ChannelData datagram from a client leaves toward its peer on the thread that read it, and the peer's
 * answer returns the same way, with no hand-off and no second thread to wake. One direct buffer is reused for
 * every datagram; it starts {@link #HEADROOM} bytes in, so a handler can put a header in front of the data.
 */
final class DatagramLoop implements AutoCloseable {

    /** A handler may write into the buffer anywhere; it is valid only during the call. */
    @FunctionalInterface
    interface Handler {
        void onDatagram(InetSocketAddress from, ByteBuffer datagram);
    }

    private static final Logger log = LoggerFactory.getLogger(DatagramLoop.class);
    /** Room before each datagram: a Data indication's header and attributes (RFC 8656 §11.4) fit with IPv6 peers. */
    static final int HEADROOM = 64;
    /** The largest UDP payload, plus 3 bytes of STUN padding after it. */
    private static final int MAX_DATAGRAM = 65_535;
    /** Datagrams read from one socket per selector round, so one busy socket cannot starve the rest. */
    private static final int READS_PER_ROUND = 16;

    private record Registration(DatagramChannel channel, Handler handler) {
    }

    private final Selector selector;
    private final Queue<Registration> pending = new ConcurrentLinkedQueue<>();
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(HEADROOM + MAX_DATAGRAM + 3);
    private final Thread thread;
    private volatile boolean open = true;

    DatagramLoop(String name) throws IOException {
        this.selector = Selector.open();
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** From any thread: the channel (non-blocking) is read from the loop's next round on. */
    void register(DatagramChannel channel, Handler handler) {
        pending.add(new Registration(channel, handler));
        selector.wakeup();
    }

    /** After closing a registered channel: the selector releases its socket on its next round, so make it soon. */
    void wakeup() {
        selector.wakeup();
    }

    private void run() {
        while (open) {
            try {
                selector.select(this::onReady, 1_000);
                for (Registration r; (r = pending.poll()) != null; ) {
                    if (r.channel.isOpen()) {
                        r.channel.register(selector, SelectionKey.OP_READ, r.handler);
                    }
                }
            } catch (ClosedSelectorException e) {
                return;
            } catch (IOException | RuntimeException e) {
                if (open) {
                    log.debug("datagram loop: {}", e.toString());
                }
            }
        }
    }

    private void onReady(SelectionKey key) {
        DatagramChannel channel = (DatagramChannel) key.channel();
        Handler handler = (Handler) key.attachment();
        ByteBuffer b = buffer;
        for (int i = 0; i < READS_PER_ROUND; i++) {
            InetSocketAddress from;
            try {
                b.limit(HEADROOM + MAX_DATAGRAM).position(HEADROOM);
                from = (InetSocketAddress) channel.receive(b);
            } catch (IOException | RuntimeException e) {
                // One socket's failure (closed under us, ICMP errors) must not stop the others.
                log.debug("receive on {}: {}", channel, e.toString());
                return;
            }
            if (from == null) {
                return;
            }
            b.limit(b.position()).position(HEADROOM);
            try {
                handler.onDatagram(from, b);
            } catch (RuntimeException e) {
                log.warn("datagram from {} failed", from, e);
            }
        }
    }

    @Override
    public void close() {
        open = false;
        try {
            selector.close();
        } catch (IOException e) {
            log.debug("closing selector: {}", e.toString());
        }
        if (Thread.currentThread() != thread) {
            try {
                thread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
