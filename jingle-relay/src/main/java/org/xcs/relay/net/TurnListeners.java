package org.xcs.relay.net;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xcs.relay.turn.TurnServer;

/**
 * The TURN port over UDP and TCP (same number, RFC 8656 §3.1: 3478 by default), the relayed sockets and a once a
 * second sweep of expired allocations, permissions and channels. Closing stops all of it.
 */
public final class TurnListeners implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TurnListeners.class);

    public static final int DEFAULT_PORT = 3478;
    static final int MAX_TCP_CONNECTIONS = 256;
    private static final int BIND_ATTEMPTS = 10;

    private final TurnServer server;
    private final UdpRelayEndpoints endpoints;
    private final UdpTurnListener udp;
    private final TcpTurnListener tcp;
    private final ScheduledExecutorService sweeper;

    private TurnListeners(TurnServer server, UdpRelayEndpoints endpoints, UdpTurnListener udp, TcpTurnListener tcp) {
        this.server = server;
        this.endpoints = endpoints;
        this.udp = udp;
        this.tcp = tcp;
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "turn-sweep");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Binds UDP and TCP on {@code listen}; with port 0, on one free number for both. {@code endpoints} is the
     * relay socket factory the server was built with; it is closed with the listeners.
     */
    public static TurnListeners start(InetSocketAddress listen, TurnServer server, UdpRelayEndpoints endpoints)
            throws IOException {
        IOException last = null;
        for (int attempt = 0; attempt < (listen.getPort() == 0 ? BIND_ATTEMPTS : 1); attempt++) {
            UdpTurnListener udp = new UdpTurnListener(listen, server, endpoints.loop());
            try {
                InetSocketAddress bound = new InetSocketAddress(listen.getAddress(), udp.localAddress().getPort());
                TcpTurnListener tcp = new TcpTurnListener(bound, server, MAX_TCP_CONNECTIONS);
                TurnListeners listeners = new TurnListeners(server, endpoints, udp, tcp);
                udp.start();
                tcp.start();
                listeners.sweeper.scheduleWithFixedDelay(server::sweep, 1, 1, TimeUnit.SECONDS);
                return listeners;
            } catch (BindException e) {
                udp.close(); // TCP port taken by someone else: try another number
                last = e;
            }
        }
        throw last;
    }

    public int port() {
        return tcp.port();
    }

    public TurnServer server() {
        return server;
    }

    @Override
    public void close() {
        udp.close();
        tcp.close();
        sweeper.shutdownNow();
        server.close();
        endpoints.close();
        log.info("TURN stopped; counters {}", server.counters());
    }
}
