package org.xcs.bench.scenarios.relay;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;

/**
 * A UDP echo on loopback, one thread: every datagram goes back to where it came from. It is the TURN peer (the relay
 * sends it what the client sent, it answers the relayed address) and, addressed directly, the physical reference.
 */
final class UdpEchoPeer implements AutoCloseable {
    private final DatagramChannel channel;
    private final Thread thread;

    UdpEchoPeer() throws IOException {
        channel = DatagramChannel.open();
        channel.setOption(StandardSocketOptions.SO_RCVBUF, 4 << 20);
        channel.setOption(StandardSocketOptions.SO_SNDBUF, 4 << 20);
        channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        thread = new Thread(this::loop, "udp-echo-peer");
        thread.setDaemon(true);
        thread.start();
    }

    InetSocketAddress address() throws IOException {
        return (InetSocketAddress) channel.getLocalAddress();
    }

    private void loop() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(65_536);
        while (channel.isOpen()) {
            try {
                buffer.clear();
                SocketAddress from = channel.receive(buffer);
                buffer.flip();
                channel.send(buffer, from);
            } catch (ClosedChannelException closed) {
                return;
            } catch (IOException e) {
                // ICMP port unreachable from a client that left: keep echoing for the others
            }
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
