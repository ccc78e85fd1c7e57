package org.xcs.relay.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xcs.relay.turn.ClientKey;
import org.xcs.relay.turn.ClientPath;
import org.xcs.relay.turn.ClientTransport;
import org.xcs.relay.turn.TurnServer;

/**
 * The UDP side of the TURN port (RFC 8656 §3.1): a non-blocking socket read by the relayed sockets' loop, each
 * datagram handed whole to the server where it lies.
 */
final class UdpTurnListener implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(UdpTurnListener.class);
    static final int SOCKET_BUFFER = 4 << 20;
    /** Paths of recent clients, kept so a packet costs no new path and key; spoofed floods only churn it. */
    private static final int PATH_CACHE = 4_096;

    private final DatagramChannel channel;
    private final TurnServer server;
    private final DatagramLoop loop;
    /** The loop thread's alone. */
    private final Map<InetSocketAddress, Path> paths = new HashMap<>();

    UdpTurnListener(InetSocketAddress listen, TurnServer server, DatagramLoop loop) throws IOException {
        this.channel = DatagramChannel.open();
        try {
            // Every client's packets queue in this one socket: the kernel default (~208 KiB, ~200 small datagrams)
            // overflowed under a bench burst of 128 datagrams in flight. The kernel caps it at net.core.rmem_max.
            channel.setOption(StandardSocketOptions.SO_RCVBUF, SOCKET_BUFFER);
            channel.setOption(StandardSocketOptions.SO_SNDBUF, SOCKET_BUFFER);
            channel.bind(listen);
            channel.configureBlocking(false);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        this.server = server;
        this.loop = loop;
    }

    void start() {
        loop.register(channel, this::onDatagram);
    }

    InetSocketAddress localAddress() throws IOException {
        return (InetSocketAddress) channel.getLocalAddress();
    }

    private void onDatagram(InetSocketAddress from, ByteBuffer datagram) {
        Path path = paths.get(from);
        if (path == null) {
            if (paths.size() >= PATH_CACHE) {
                paths.clear();
            }
            path = new Path(channel, from, new ClientKey(ClientTransport.UDP, from));
            paths.put(from, path);
        }
        server.onClientPacket(datagram, path);
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            log.debug("closing UDP listener: {}", e.toString());
        }
        loop.wakeup();
    }

    private record Path(DatagramChannel channel, InetSocketAddress client, ClientKey key) implements ClientPath {
        @Override
        public ClientTransport transport() {
            return ClientTransport.UDP;
        }

        @Override
        public void send(byte[] packet) {
            send(ByteBuffer.wrap(packet));
        }

        @Override
        public void send(ByteBuffer packet) {
            try {
                // Non-blocking: with the 4 MiB send buffer full the datagram is dropped, as the network would.
                channel.send(packet, client);
            } catch (IOException e) {
                log.debug("UDP send to {} failed: {}", client, e.toString());
            }
        }
    }
}
