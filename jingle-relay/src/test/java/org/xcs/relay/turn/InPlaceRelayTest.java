package org.xcs.relay.turn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xcs.relay.stun.ChannelData;
import org.xcs.relay.stun.StunAttribute;
import org.xcs.relay.stun.StunMessage;
import org.xcs.relay.stun.StunMethod;

/**
 * The per-packet path works where the packet lies (the UDP socket layer's direct buffer with room in front): what
 * it relays must be what the copying path relays, and ChannelData must be judged by RFC 8656 §12.4-§12.6 as the
 * codec judges it.
 */
class InPlaceRelayTest {

    final TurnLifetimesTest t = new TurnLifetimesTest();
    final InMemoryTurn turn = t.turn;
    final InMemoryTurn.Client alice = t.alice;

    static ByteBuffer withRoomInFront(byte[] data) {
        ByteBuffer b = ByteBuffer.allocateDirect(64 + data.length + 3);
        b.position(64).put(data).flip().position(64);
        return b;
    }

    void peerSendsInPlace(byte[] data) {
        turn.endpoints.opened.get(0).inbound.fromPeer(TurnLifetimesTest.PEER, withRoomInFront(data));
    }

    @Test
    void peerDataFramedInFrontOfItselfEqualsTheCopiedFramingForChannelsAndIndications() {
        t.allocate(alice, null);
        TurnLifetimesTest.assertSuccess(t.permit(alice, TurnLifetimesTest.PEER));
        for (int length : new int[] {0, 1, 5, 100, 1_203}) {
            byte[] data = new byte[length];
            java.util.Arrays.fill(data, (byte) length);
            t.peerSends(data);
            peerSendsInPlace(data);
            List<byte[]> both = alice.drain();
            assertEquals(2, both.size());
            StunMessage copied = TurnLifetimesTest.only(List.of(both.get(0)));
            StunMessage inPlace = TurnLifetimesTest.only(List.of(both.get(1)));
            assertEquals(StunMethod.DATA, inPlace.method().orElseThrow());
            assertEquals(copied.get(StunAttribute.XorPeerAddress.class), inPlace.get(StunAttribute.XorPeerAddress.class));
            assertArrayEquals(data, inPlace.get(StunAttribute.Data.class).orElseThrow().bytes());
        }
        TurnLifetimesTest.assertSuccess(t.bind(alice, 0x4abc, TurnLifetimesTest.PEER));
        for (int length : new int[] {0, 3, 100}) {
            byte[] data = new byte[length];
            java.util.Arrays.fill(data, (byte) 7);
            t.peerSends(data);
            peerSendsInPlace(data);
            List<byte[]> both = alice.drain();
            assertArrayEquals(new ChannelData(0x4abc, data).encode(false), both.get(0));
            assertArrayEquals(both.get(0), both.get(1));
        }
        assertEquals(16, turn.server.counters().get(TurnCounters.TO_CLIENT));
    }

    @Test
    void channelDataIsRelayedFromWhereItLiesWithUpToThreePaddingBytesAndMalformedFramesAreDroppedAndCounted() {
        t.allocate(alice, null);
        TurnLifetimesTest.assertSuccess(t.bind(alice, 0x4001, TurnLifetimesTest.PEER));
        List<InMemoryTurn.Sent> sent = turn.endpoints.opened.get(0).sent;
        byte[] five = {1, 2, 3, 4, 5};
        byte[] padded = {0x40, 0x01, 0, 5, 1, 2, 3, 4, 5, 0, 0, 0};
        turn.server.onClientPacket(withRoomInFront(padded), alice);
        turn.server.onClientPacket(withRoomInFront(new ChannelData(0x4001, five).encode(false)), alice);
        assertEquals(2, sent.size());
        assertArrayEquals(five, sent.get(0).data());
        assertArrayEquals(five, sent.get(1).data());
        assertEquals(TurnLifetimesTest.PEER, sent.get(0).peer());

        byte[][] malformed = {
            {0x40, 0x01, 0, 5, 1, 2, 3, 4}, // shorter than its length (§12.6)
            {0x40, 0x01, 0, 5, 1, 2, 3, 4, 5, 0, 0, 0, 0}, // more than padding after the data
            {0x40, 0x01, 0}, // shorter than the header
        };
        for (byte[] m : malformed) {
            turn.server.onClientPacket(withRoomInFront(m), alice);
        }
        assertEquals(2, sent.size());
        assertEquals(3, turn.server.counters().get(TurnCounters.MALFORMED_DROPPED));
        turn.server.onClientPacket(withRoomInFront(new ChannelData(0x4002, five).encode(false)), alice);
        assertEquals(1, turn.server.counters().get(TurnCounters.NO_PERMISSION_DROPPED), "unbound channel");
        assertEquals(2, turn.server.counters().get(TurnCounters.TO_PEER));
    }
}
