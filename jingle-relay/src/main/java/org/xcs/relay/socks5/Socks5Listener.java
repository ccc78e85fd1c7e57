package org.xcs.relay.socks5;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The proxy's TCP port: accepts, runs the RFC 1928 handshake on its own thread (bounded by the pending timeout),
 * hands the connection to the {@link BytestreamProxy}. Open sockets are capped at four per allowed transfer (an
 * active pair plus room for pairs still being set up); beyond it a connection is closed at once. Closing stops the
 * port, the handshakes and every transfer.
 */
public final class Socks5Listener implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Socks5Listener.class);

    private final ServerSocket server;
    private final BytestreamProxy proxy;
    private final Socks5Settings settings;
    private final Socks5Counters counters;
    private final Semaphore sockets;
    private final Set<Socks5Connection> handshaking = ConcurrentHashMap.newKeySet();
    private final ExecutorService handshakes;
    private final Thread acceptor;

    private Socks5Listener(ServerSocket server, BytestreamProxy proxy, Socks5Settings settings,
                           Socks5Counters counters) {
        this.server = server;
        this.proxy = proxy;
        this.settings = settings;
        this.counters = counters;
        this.sockets = new Semaphore(4 * settings.maxTransfers());
        this.handshakes = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "socks5-handshake");
            t.setDaemon(true);
            return t;
        });
        this.acceptor = new Thread(this::acceptLoop, "socks5-accept");
        this.acceptor.setDaemon(true);
    }

    public static Socks5Listener start(Socks5Settings settings, BytestreamProxy proxy, Socks5Counters counters)
            throws IOException {
        ServerSocket server = new ServerSocket();
        try {
            server.bind(settings.listen(), 128);
        } catch (IOException e) {
            server.close();
            throw e;
        }
        Socks5Listener listener = new Socks5Listener(server, proxy, settings, counters);
        listener.acceptor.start();
        return listener;
    }

    public int port() {
        return server.getLocalPort();
    }

    public InetSocketAddress localAddress() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    public BytestreamProxy proxy() {
        return proxy;
    }

    public Socks5Counters counters() {
        return counters;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (!server.isClosed()) {
                    log.warn("SOCKS5 accept failed: {}", e.toString());
                    pause(); // e.g. out of file descriptors: do not spin
                }
                continue;
            }
            if (!sockets.tryAcquire()) {
                counters.busy.incrementAndGet();
                closeQuietly(socket);
                continue;
            }
            Socks5Connection connection = new Socks5Connection(socket, sockets::release);
            handshaking.add(connection);
            try {
                handshakes.execute(() -> handshake(connection));
            } catch (RuntimeException e) { // rejected: we are closing
                handshaking.remove(connection);
                connection.close();
            }
        }
    }

    private void handshake(Socks5Connection connection) {
        boolean kept = false;
        try {
            connection.socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, settings.pendingTimeout().toMillis()));
            connection.socket.setTcpNoDelay(true);
            String address = Socks5Handshake.readConnect(connection.socket.getInputStream(),
                    connection.socket.getOutputStream());
            kept = proxy.admit(address, connection);
            if (!kept) {
                Socks5Handshake.reply(connection.socket.getOutputStream(), Socks5Handshake.REP_NOT_ALLOWED, address);
            }
        } catch (Socks5Handshake.Refused e) {
            counters.malformed.incrementAndGet();
            log.debug("SOCKS5 from {} refused: {}", connection.socket.getRemoteSocketAddress(), e.getMessage());
        } catch (IOException | RuntimeException e) {
            counters.malformed.incrementAndGet(); // cut short, timed out, or garbage we could not even refuse
            log.debug("SOCKS5 from {} dropped: {}", connection.socket.getRemoteSocketAddress(), e.toString());
        } finally {
            handshaking.remove(connection);
            if (!kept) {
                connection.close();
            }
        }
    }

    @Override
    public void close() {
        closeQuietly(server);
        handshakes.shutdownNow();
        handshaking.forEach(Socks5Connection::close);
        proxy.close();
        try {
            acceptor.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
