package org.xcs.relay.socks5;

import java.io.Closeable;
import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicBoolean;

/** One accepted socket and its place under the listener's socket limit, given back exactly once on close. */
final class Socks5Connection implements Closeable {

    final Socket socket;
    private final Runnable onClose;
    private final AtomicBoolean closed = new AtomicBoolean();

    Socks5Connection(Socket socket, Runnable onClose) {
        this.socket = socket;
        this.onClose = onClose;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing: nothing left to do with it
            } finally {
                onClose.run();
            }
        }
    }
}
