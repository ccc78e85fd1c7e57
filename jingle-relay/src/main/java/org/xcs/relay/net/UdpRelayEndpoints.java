package org.xcs.relay.net;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xcs.relay.turn.RelayEndpoint;
import org.xcs.relay.turn.RelayEndpoints;

/**
 * Relayed UDP sockets in the port range, all read by one {@link DatagramLoop}, which the TURN port's UDP listener
 * shares (see {@link TurnListeners}): the number of threads does not grow with allocations, and relaying needs no
 * thread hand-off. A port in use elsewhere is skipped; the range exhausted fails the Allocate (508).
 */
public final class UdpRelayEndpoints implements RelayEndpoints, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(UdpRelayEndpoints.class);
    static final int SOCKET_BUFFER = 1 << 20;

    private final InetAddress bindAddress;
    private final PortRange ports;
    private final DatagramLoop loop;

    public UdpRelayEndpoints(InetAddress bindAddress, PortRange ports) throws IOException {
        this.bindAddress = bindAddress;
        this.ports = ports;
        this.loop = new DatagramLoop("turn-udp-loop");
    }

    DatagramLoop loop() {
        return loop;
    }

    @Override
    public RelayEndpoint open(boolean evenPort, Inbound inbound) throws IOException {
        int start = ThreadLocalRandom.current().nextInt(ports.size());
        for (int i = 0; i < ports.size(); i++) {
            int port = ports.min() + (start + i) % ports.size();
            if (evenPort && port % 2 != 0) {
                continue;
            }
            DatagramChannel channel = DatagramChannel.open();
            try {
                // A peer's burst waits here until the loop reads it; the kernel default (~208 KiB) dropped datagrams
                // under the bench's 128 in flight. A limit, not an allocation: idle sockets cost nothing more.
                channel.setOption(StandardSocketOptions.SO_RCVBUF, SOCKET_BUFFER);
                channel.bind(new InetSocketAddress(bindAddress, port));
                channel.configureBlocking(false);
            } catch (BindException taken) {
                channel.close();
                continue;
            }
            Endpoint endpoint = new Endpoint(channel);
            loop.register(channel, inbound::fromPeer);
            return endpoint;
        }
        throw new IOException("no free port in " + ports);
    }

    @Override
    public void close() {
        loop.close();
    }

    private final class Endpoint implements RelayEndpoint {
        final DatagramChannel channel;
        final InetSocketAddress bound;

        Endpoint(DatagramChannel channel) throws IOException {
            this.channel = channel;
            this.bound = (InetSocketAddress) channel.getLocalAddress();
        }

        @Override
        public InetSocketAddress boundAddress() {
            return bound;
        }

        @Override
        public void send(ByteBuffer data, InetSocketAddress peer) {
            try {
                channel.send(data, peer);
            } catch (IOException | RuntimeException e) {
                log.debug("relay send to {} failed: {}", peer, e.toString());
            }
        }

        @Override
        public void close() {
            try {
                channel.close();
            } catch (IOException e) {
                log.debug("closing relay socket: {}", e.toString());
            }
            // A registered channel's socket is released when the selector deregisters it: let that happen now.
            loop.wakeup();
        }
    }
}
