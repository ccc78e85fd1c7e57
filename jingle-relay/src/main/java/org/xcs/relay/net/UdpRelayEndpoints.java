package org.xcs.relay.net;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xcs.relay.turn.RelayEndpoint;
import org.xcs.relay.turn.RelayEndpoints;

/**
 * Relayed UDP sockets in the port range, all read by one selector thread: the number of threads does not grow
 * with allocations. A port in use elsewhere is skipped; the range exhausted fails the Allocate (508).
 */
public final class UdpRelayEndpoints implements RelayEndpoints, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(UdpRelayEndpoints.class);
    /** Datagrams read from one socket per selector round, so one busy peer cannot starve the rest. */
    private static final int READS_PER_ROUND = 16;
    static final int SOCKET_BUFFER = 1 << 20;

    private final InetAddress bindAddress;
    private final PortRange ports;
    private final Selector selector;
    private final Queue<Endpoint> pending = new ConcurrentLinkedQueue<>();
    private final Thread pump;
    private volatile boolean open = true;

    public UdpRelayEndpoints(InetAddress bindAddress, PortRange ports) throws IOException {
        this.bindAddress = bindAddress;
        this.ports = ports;
        this.selector = Selector.open();
        this.pump = new Thread(this::pumpLoop, "turn-relay-pump");
        pump.setDaemon(true);
        pump.start();
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
                // A peer's burst waits here until the pump reads it; the kernel default (~208 KiB) dropped datagrams
                // under the bench's 128 in flight. A limit, not an allocation: idle sockets cost nothing more.
                channel.setOption(StandardSocketOptions.SO_RCVBUF, SOCKET_BUFFER);
                channel.bind(new InetSocketAddress(bindAddress, port));
                channel.configureBlocking(false);
            } catch (BindException taken) {
                channel.close();
                continue;
            }
            Endpoint endpoint = new Endpoint(channel, inbound);
            pending.add(endpoint);
            selector.wakeup();
            return endpoint;
        }
        throw new IOException("no free port in " + ports);
    }

    private void pumpLoop() {
        ByteBuffer buffer = ByteBuffer.allocate(65_536);
        while (open) {
            try {
                selector.select(1_000);
                for (Endpoint e; (e = pending.poll()) != null; ) {
                    if (e.channel.isOpen()) {
                        e.channel.register(selector, SelectionKey.OP_READ, e);
                    }
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    Endpoint e = (Endpoint) key.attachment();
                    for (int i = 0; i < READS_PER_ROUND && key.isValid(); i++) {
                        buffer.clear();
                        SocketAddress from = e.channel.receive(buffer);
                        if (from == null) {
                            break;
                        }
                        buffer.flip();
                        byte[] data = new byte[buffer.remaining()];
                        buffer.get(data);
                        e.inbound.fromPeer((InetSocketAddress) from, data);
                    }
                }
                selector.selectedKeys().clear();
            } catch (ClosedSelectorException e) {
                return;
            } catch (IOException | RuntimeException e) {
                // One socket's failure (closed under us, ICMP errors) must not stop the others.
                if (open) {
                    log.debug("relay pump: {}", e.toString());
                }
                selector.selectedKeys().clear();
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
        try {
            pump.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Endpoint implements RelayEndpoint {
        final DatagramChannel channel;
        final Inbound inbound;
        final InetSocketAddress bound;

        Endpoint(DatagramChannel channel, Inbound inbound) throws IOException {
            this.channel = channel;
            this.inbound = inbound;
            this.bound = (InetSocketAddress) channel.getLocalAddress();
        }

        @Override
        public InetSocketAddress boundAddress() {
            return bound;
        }

        @Override
        public void send(byte[] data, InetSocketAddress peer) {
            try {
                channel.send(ByteBuffer.wrap(data), peer);
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
            selector.wakeup();
        }
    }
}
