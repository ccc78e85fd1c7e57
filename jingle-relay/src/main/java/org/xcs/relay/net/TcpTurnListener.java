package org.xcs.relay.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xcs.relay.stun.StreamFraming;
import org.xcs.relay.stun.StunParseException;
import org.xcs.relay.turn.ClientPath;
import org.xcs.relay.turn.ClientTransport;
import org.xcs.relay.turn.TurnCounters;
import org.xcs.relay.turn.TurnServer;

/**
 * The TCP side of the TURN port (RFC 8656 §3.1): STUN messages and ChannelData frames cut from the stream
 * (RFC 8656 §12.5). Each connection has a reader and a writer thread and a bounded outbound queue, so a client
 * that stops reading loses its own packets and slows nobody else. Connections are bounded in number; one that
 * sends a frame we cannot cut, or stays idle without an allocation, is closed.
 */
final class TcpTurnListener implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TcpTurnListener.class);
    private static final int OUTBOUND_QUEUE = 256;
    static final int IDLE_TIMEOUT_MILLIS = 30_000;

    private final ServerSocket serverSocket;
    private final TurnServer server;
    private final Semaphore slots;
    private final Thread acceptor;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();

    TcpTurnListener(InetSocketAddress listen, TurnServer server, int maxConnections) throws IOException {
        this.serverSocket = new ServerSocket();
        try {
            serverSocket.setReuseAddress(true);
            serverSocket.bind(listen, 64);
        } catch (IOException e) {
            serverSocket.close();
            throw e;
        }
        this.server = server;
        this.slots = new Semaphore(maxConnections);
        this.acceptor = new Thread(this::acceptLoop, "turn-tcp-accept");
        acceptor.setDaemon(true);
    }

    void start() {
        acceptor.start();
    }

    int port() {
        return serverSocket.getLocalPort();
    }

    private void acceptLoop() {
        while (!serverSocket.isClosed()) {
            try {
                Socket socket = serverSocket.accept();
                if (!slots.tryAcquire()) {
                    socket.close(); // full: refuse rather than queue
                    continue;
                }
                connections.add(socket);
                Thread t = new Thread(() -> serve(socket), "turn-tcp-" + socket.getPort());
                t.setDaemon(true);
                t.start();
            } catch (IOException | RuntimeException e) {
                if (!serverSocket.isClosed()) {
                    log.debug("TCP accept: {}", e.toString());
                }
            }
        }
    }

    private void serve(Socket socket) {
        Path path = null;
        try (socket) {
            socket.setSoTimeout(IDLE_TIMEOUT_MILLIS);
            socket.setTcpNoDelay(true);
            path = new Path((InetSocketAddress) socket.getRemoteSocketAddress(), socket);
            path.writer.start();
            readFrames(socket.getInputStream(), path);
        } catch (IOException | RuntimeException e) {
            log.debug("TCP connection: {}", e.toString());
        } finally {
            connections.remove(socket);
            slots.release();
            if (path != null) {
                path.stop();
                server.onClientGone(path.key());
            }
        }
    }

    private void readFrames(InputStream in, Path path) throws IOException {
        byte[] buf = new byte[2 * StreamFraming.MAX_FRAME];
        int start = 0;
        int end = 0;
        while (true) {
            int n;
            try {
                n = in.read(buf, end, buf.length - end);
            } catch (SocketTimeoutException idle) {
                if (server.allocations().get(path.key()).isEmpty()) {
                    return; // nothing to keep the connection for
                }
                continue;
            }
            if (n < 0) {
                return;
            }
            end += n;
            while (true) {
                int length;
                try {
                    length = StreamFraming.frameLength(buf, start, end - start);
                } catch (StunParseException e) {
                    // RFC 8656 §12.5: without a length we cannot find the next frame; the stream is lost.
                    server.counters().increment(TurnCounters.STREAM_CLOSED_MALFORMED);
                    return;
                }
                if (length == StreamFraming.NEED_MORE || end - start < length) {
                    break;
                }
                server.onClientPacket(buf, start, length, path);
                start += length;
            }
            if (start > 0) {
                System.arraycopy(buf, start, buf, 0, end - start);
                end -= start;
                start = 0;
            }
        }
    }

    @Override
    public void close() {
        try {
            serverSocket.close();
        } catch (IOException e) {
            log.debug("closing TCP listener: {}", e.toString());
        }
        for (Socket s : connections) {
            try {
                s.close();
            } catch (IOException e) {
                log.debug("closing TCP connection: {}", e.toString());
            }
        }
        try {
            acceptor.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Path implements ClientPath {
        private final InetSocketAddress client;
        private final Socket socket;
        private final BlockingQueue<byte[]> outbound = new ArrayBlockingQueue<>(OUTBOUND_QUEUE);
        private final Thread writer;
        private volatile boolean open = true;

        Path(InetSocketAddress client, Socket socket) {
            this.client = client;
            this.socket = socket;
            this.writer = new Thread(this::writeLoop, "turn-tcp-w-" + client.getPort());
            writer.setDaemon(true);
        }

        @Override
        public ClientTransport transport() {
            return ClientTransport.TCP;
        }

        @Override
        public InetSocketAddress client() {
            return client;
        }

        @Override
        public void send(byte[] packet) {
            if (open && !outbound.offer(packet)) {
                server.counters().increment(TurnCounters.BANDWIDTH_DROPPED);
            }
        }

        void stop() {
            open = false;
            writer.interrupt();
        }

        private void writeLoop() {
            try {
                OutputStream out = socket.getOutputStream();
                while (open) {
                    byte[] packet = outbound.poll(1, TimeUnit.SECONDS);
                    if (packet != null) {
                        out.write(packet);
                        if (outbound.isEmpty()) {
                            out.flush();
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                log.debug("TCP write to {}: {}", client, e.toString());
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // already failing
                }
            }
        }
    }
}
