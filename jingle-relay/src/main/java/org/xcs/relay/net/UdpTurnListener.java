package org.xcs.relay.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xcs.relay.turn.ClientPath;
import org.xcs.relay.turn.ClientTransport;
import org.xcs.relay.turn.TurnServer;

/** The UDP side of the TURN port (RFC 8656 §3.1): one thread reading datagrams, each handed whole to the server. */
final class UdpTurnListener implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(UdpTurnListener.class);
    static final int SOCKET_BUFFER = 4 << 20;

    private final DatagramChannel channel;
    private final TurnServer server;
    private final Thread reader;

    UdpTurnListener(InetSocketAddress listen, TurnServer server) throws IOException {
        this.channel = DatagramChannel.open();
        try {
            // Every client's packets queue in this one socket: the kernel default (~208 KiB, ~200 small datagrams)
            // overflowed under a bench burst of 128 datagrams in flight. The kernel caps it at net.core.rmem_max.
            channel.setOption(StandardSocketOptions.SO_RCVBUF, SOCKET_BUFFER);
            channel.setOption(StandardSocketOptions.SO_SNDBUF, SOCKET_BUFFER);
            channel.bind(listen);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        this.server = server;
        this.reader = new Thread(this::readLoop, "turn-udp");
        reader.setDaemon(true);
    }

    void start() {
        reader.start();
    }

    InetSocketAddress localAddress() throws IOException {
        return (InetSocketAddress) channel.getLocalAddress();
    }

    private void readLoop() {
        ByteBuffer buffer = ByteBuffer.allocate(65_536);
        while (channel.isOpen()) {
            try {
                buffer.clear();
                InetSocketAddress from = (InetSocketAddress) channel.receive(buffer);
                if (from == null) {
                    continue;
                }
                buffer.flip();
                byte[] packet = new byte[buffer.remaining()];
                buffer.get(packet);
                server.onClientPacket(packet, 0, packet.length, new Path(channel, from));
            } catch (ClosedChannelException closed) {
                return;
            } catch (IOException | RuntimeException e) {
                log.debug("UDP listener: {}", e.toString());
            }
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            log.debug("closing UDP listener: {}", e.toString());
        }
        try {
            reader.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Path(DatagramChannel channel, InetSocketAddress client) implements ClientPath {
        @Override
        public ClientTransport transport() {
            return ClientTransport.UDP;
        }

        @Override
        public void send(byte[] packet) {
            try {
                channel.send(ByteBuffer.wrap(packet), client);
            } catch (IOException e) {
                log.debug("UDP send to {} failed: {}", client, e.toString());
            }
        }
    }
}
