package org.xcs.relay.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.xcs.relay.stun.PacketKind;
import org.xcs.relay.stun.StreamFraming;
import org.xcs.relay.stun.StunMessage;
import org.xcs.relay.stun.StunMessageBuilder;
import org.xcs.relay.stun.TransactionId;
import org.xcs.relay.turn.TurnCredentialsForTest;

/** A small TURN client over UDP or TCP, built on our codec: requests with answers, and whatever else arrives. */
final class TurnTestClient implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(5);

    private final DatagramSocket udp;
    private final Socket tcp;
    private final InetSocketAddress server;
    private final BlockingQueue<byte[]> inbox = new LinkedBlockingQueue<>();
    private final Deque<byte[]> unsolicited = new ArrayDeque<>();
    private final Thread reader;
    final TurnCredentialsForTest creds;

    private TurnTestClient(DatagramSocket udp, Socket tcp, InetSocketAddress server, TurnCredentialsForTest creds) {
        this.udp = udp;
        this.tcp = tcp;
        this.server = server;
        this.creds = creds;
        this.reader = new Thread(udp != null ? this::readUdp : this::readTcp, "test-turn-client");
        reader.setDaemon(true);
        reader.start();
    }

    static TurnTestClient udp(InetSocketAddress server, TurnCredentialsForTest creds) throws IOException {
        return new TurnTestClient(new DatagramSocket(new InetSocketAddress(server.getAddress(), 0)), null, server,
                creds);
    }

    static TurnTestClient tcp(InetSocketAddress server, TurnCredentialsForTest creds) throws IOException {
        Socket s = new Socket();
        s.connect(server, 5_000);
        return new TurnTestClient(null, s, server, creds);
    }

    boolean isUdp() {
        return udp != null;
    }

    InetSocketAddress localAddress() {
        return (InetSocketAddress) (udp != null ? udp.getLocalSocketAddress() : tcp.getLocalSocketAddress());
    }

    void send(byte[] packet) throws IOException {
        if (udp != null) {
            udp.send(new DatagramPacket(packet, packet.length, server));
        } else {
            OutputStream out = tcp.getOutputStream();
            out.write(packet);
            out.flush();
        }
    }

    /** Sends and waits for the response with the same transaction id; other packets are kept for later. */
    StunMessage exchange(byte[] request) throws Exception {
        TransactionId id = TransactionId.of(Arrays.copyOfRange(request, 8, 20)); // even from a broken request
        send(request);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            byte[] p = inbox.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (p == null) {
                break;
            }
            if (PacketKind.of(p[0]) == PacketKind.STUN) {
                StunMessage m = StunMessage.parse(p);
                if (m.messageClass().isResponse() && m.transactionId().equals(id)) {
                    return m;
                }
            }
            unsolicited.add(p);
        }
        throw new AssertionError("no response within " + WAIT);
    }

    /** Signed once challenged; a 401/438 teaches REALM and NONCE and the request goes again (RFC 8489 §9.2.3). */
    StunMessage signed(Supplier<StunMessageBuilder> request) throws Exception {
        for (int attempt = 0; attempt < 3; attempt++) {
            StunMessageBuilder b = request.get();
            StunMessage answer = exchange((creds.hasChallenge() ? creds.sign(b) : b).encode());
            if (!creds.learn(answer)) {
                return answer;
            }
        }
        throw new AssertionError("still challenged after 3 attempts");
    }

    /** The next packet that is not a response we waited for, or null after {@code wait}. */
    byte[] next(Duration wait) throws InterruptedException {
        byte[] kept = unsolicited.poll();
        return kept != null ? kept : inbox.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void readUdp() {
        byte[] buf = new byte[65_536];
        while (!udp.isClosed()) {
            try {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                udp.receive(p);
                inbox.add(Arrays.copyOf(p.getData(), p.getLength()));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void readTcp() {
        byte[] buf = new byte[2 * StreamFraming.MAX_FRAME];
        int end = 0;
        try {
            InputStream in = tcp.getInputStream();
            while (true) {
                int n = in.read(buf, end, buf.length - end);
                if (n < 0) {
                    return;
                }
                end += n;
                int start = 0;
                while (true) {
                    int len = StreamFraming.frameLength(buf, start, end - start);
                    if (len == StreamFraming.NEED_MORE || end - start < len) {
                        break;
                    }
                    inbox.add(Arrays.copyOfRange(buf, start, start + len));
                    start += len;
                }
                System.arraycopy(buf, start, buf, 0, end - start);
                end -= start;
            }
        } catch (Exception e) {
            // closed
        }
    }

    boolean tcpClosedByServer() throws InterruptedException {
        reader.join(WAIT.toMillis());
        return !reader.isAlive();
    }

    @Override
    public void close() throws IOException {
        if (udp != null) {
            udp.close();
        } else {
            tcp.close();
        }
    }
}
