package org.xcs.bench.standin;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The host side of XEP-0114 on 127.0.0.1 (free port): components attach with their domain and secret and get a
 * {@link Link} each. One reader thread per link; the bench writes to a link from its own thread.
 */
public final class StandInHost implements AutoCloseable {
    private final String hostDomain;
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Link>> links = new ConcurrentHashMap<>();
    private final Set<Link> open = ConcurrentHashMap.newKeySet();
    private ServerSocket server;

    public StandInHost(String hostDomain) {
        this.hostDomain = hostDomain;
    }

    public String hostDomain() {
        return hostDomain;
    }

    public StandInHost allow(String componentDomain, String secret) {
        secrets.put(componentDomain, secret);
        return this;
    }

    public StandInHost start() throws IOException {
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread acceptor = new Thread(this::acceptLoop, "standin-accept-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
        return this;
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The link of {@code componentDomain} once its handshake succeeded (a later reconnect is not followed). */
    public Link awaitLink(String componentDomain, Duration timeout) throws Exception {
        return future(componentDomain).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private CompletableFuture<Link> future(String domain) {
        return links.computeIfAbsent(domain, d -> new CompletableFuture<>());
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Link link = new Link(socket, hostDomain, secrets::get);
                open.add(link);
                link.attached().thenAccept(l -> future(l.domain()).complete(l));
                Thread reader = new Thread(() -> {
                    try {
                        link.run();
                    } finally {
                        open.remove(link);
                    }
                }, "standin-link-" + socket.getPort());
                reader.setDaemon(true);
                reader.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    @Override
    public void close() {
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
        open.forEach(Link::close);
    }
}
