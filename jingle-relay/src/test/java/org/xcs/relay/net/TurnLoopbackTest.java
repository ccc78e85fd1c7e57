package org.xcs.relay.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xcs.relay.stun.ChannelData;
import org.xcs.relay.stun.MessageClass;
import org.xcs.relay.stun.PacketKind;
import org.xcs.relay.stun.StunAttribute;
import org.xcs.relay.stun.StunMessage;
import org.xcs.relay.stun.StunMethod;
import org.xcs.relay.turn.TurnCredentialsForTest;
import org.xcs.relay.turn.TurnSettings;

/**
 * A whole TURN session on loopback with our own client, over UDP and over TCP (RFC 8656 §7-§12): challenge,
 * allocation, permission, Send and Data indications, channel binding with ChannelData both ways, deletion.
 */
class TurnLoopbackTest {

    static final Duration WAIT = Duration.ofSeconds(5);

    @ParameterizedTest(name = "over {0}")
    @ValueSource(strings = {"udp", "tcp"})
    void aClientRelaysToAPeerByIndicationsAndByChannelThenDeletesItsAllocation(String transport) throws Exception {
        try (LoopbackTurn turn = new LoopbackTurn(TurnSettings.defaults(), List.of("127.0.0.0/8"));
             TurnTestClient client = turn.client(transport.equals("udp"), "alice@example.test");
             DatagramSocket peer = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            peer.setSoTimeout((int) WAIT.toMillis());
            InetSocketAddress peerAddress = (InetSocketAddress) peer.getLocalSocketAddress();

            // RFC 8656 §7.2 / RFC 8489 §9.2.4: the first Allocate is challenged with REALM and NONCE.
            StunMessage challenge = client.exchange(TurnCredentialsForTest.request(StunMethod.ALLOCATE)
                    .add(new StunAttribute.RequestedTransport(17)).encode());
            assertEquals(401, challenge.get(StunAttribute.ErrorCode.class).orElseThrow().code());
            assertEquals(LoopbackTurn.REALM, challenge.get(StunAttribute.Realm.class).orElseThrow().value());
            assertTrue(client.creds.learn(challenge));

            StunMessage allocated = client.signed(() -> TurnCredentialsForTest.request(StunMethod.ALLOCATE)
                    .add(new StunAttribute.RequestedTransport(17)).fingerprint());
            assertEquals(MessageClass.SUCCESS_RESPONSE, allocated.messageClass(), allocated.toString());
            assertTrue(allocated.verifyIntegrity(client.creds.key()), "signed with the request's key");
            assertTrue(allocated.get(StunAttribute.Fingerprint.class).isPresent(), "FINGERPRINT as in the request");
            InetSocketAddress relayed = allocated.get(StunAttribute.XorRelayedAddress.class).orElseThrow().address();
            assertTrue(relayed.getPort() >= LoopbackTurn.RELAY_PORTS.min()
                    && relayed.getPort() <= LoopbackTurn.RELAY_PORTS.max(), "relayed port in the range: " + relayed);
            assertEquals(client.localAddress(),
                    allocated.get(StunAttribute.XorMappedAddress.class).orElseThrow().address());

            assertEquals(MessageClass.SUCCESS_RESPONSE, client.signed(() -> TurnCredentialsForTest
                    .request(StunMethod.CREATE_PERMISSION).add(new StunAttribute.XorPeerAddress(peerAddress)))
                    .messageClass());

            // §10.2: Send indication -> a datagram from the relayed address
            client.send(TurnCredentialsForTest.indication(StunMethod.SEND)
                    .add(new StunAttribute.XorPeerAddress(peerAddress))
                    .add(new StunAttribute.Data(bytes("to peer"))).encode());
            DatagramPacket atPeer = receive(peer);
            assertEquals("to peer", text(atPeer));
            assertEquals(relayed, atPeer.getSocketAddress());

            // §10.3: the peer's answer comes back in a Data indication
            peer.send(new DatagramPacket(bytes("to client"), 9, relayed));
            StunMessage data = StunMessage.parse(nextPacket(client));
            assertEquals(StunMethod.DATA, data.method().orElseThrow());
            assertEquals(peerAddress, data.get(StunAttribute.XorPeerAddress.class).orElseThrow().address());
            assertEquals("to client", new String(data.get(StunAttribute.Data.class).orElseThrow().bytes(),
                    StandardCharsets.UTF_8));

            // §11, §12: a channel, then ChannelData both ways (padded over TCP, §12.5)
            assertEquals(MessageClass.SUCCESS_RESPONSE, client.signed(() -> TurnCredentialsForTest
                    .request(StunMethod.CHANNEL_BIND).add(new StunAttribute.ChannelNumber(0x4001))
                    .add(new StunAttribute.XorPeerAddress(peerAddress))).messageClass());
            client.send(new ChannelData(0x4001, bytes("by channel")).encode(!client.isUdp()));
            assertEquals("by channel", text(receive(peer)));
            peer.send(new DatagramPacket(bytes("back by channel"), 15, relayed));
            byte[] frame = nextPacket(client);
            assertEquals(PacketKind.CHANNEL_DATA, PacketKind.of(frame[0]));
            assertEquals(client.isUdp() ? 4 + 15 : 4 + 16, frame.length, "no padding on UDP, padded on TCP");
            ChannelData back = client.isUdp() ? ChannelData.parseDatagram(frame, 0, frame.length)
                    : ChannelData.parseStreamFrame(frame, 0, frame.length);
            assertEquals(0x4001, back.channel());
            assertEquals("back by channel", new String(back.data(), StandardCharsets.UTF_8));

            // §7.3: Refresh with lifetime 0 deletes the allocation and frees its port
            StunMessage deleted = client.signed(() -> TurnCredentialsForTest.request(StunMethod.REFRESH)
                    .add(new StunAttribute.Lifetime(0)));
            assertEquals(MessageClass.SUCCESS_RESPONSE, deleted.messageClass());
            assertEquals(0, turn.server.allocations().size());
            assertTrue(portFreed(relayed.getPort()), "the relayed port was released");
            assertEquals(2, turn.server.counters().get("relayed.toPeer"));
            assertEquals(2, turn.server.counters().get("relayed.toClient"));
        }
    }

    /** The selector releases a closed socket on its next round: wait for that, boundedly. */
    static boolean portFreed(int port) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            try (DatagramSocket reuse = new DatagramSocket(new InetSocketAddress("127.0.0.1", port))) {
                return true;
            } catch (java.net.SocketException inUse) {
                Thread.sleep(50);
            }
        }
        return false;
    }

    static byte[] nextPacket(TurnTestClient client) throws InterruptedException {
        byte[] p = client.next(WAIT);
        assertNotNull(p, "nothing arrived from the server");
        return p;
    }

    static DatagramPacket receive(DatagramSocket s) throws Exception {
        DatagramPacket p = new DatagramPacket(new byte[2048], 2048);
        s.receive(p);
        return p;
    }

    static String text(DatagramPacket p) {
        return new String(Arrays.copyOf(p.getData(), p.getLength()), StandardCharsets.UTF_8);
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static InetAddress loopback() {
        return InetAddress.getLoopbackAddress();
    }
}
