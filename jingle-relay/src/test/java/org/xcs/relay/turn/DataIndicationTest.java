package org.xcs.relay.turn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.xcs.relay.stun.MessageClass;
import org.xcs.relay.stun.StunAttribute.Data;
import org.xcs.relay.stun.StunAttribute.XorPeerAddress;
import org.xcs.relay.stun.StunMessage;
import org.xcs.relay.stun.StunMethod;
import org.xcs.relay.stun.TransactionId;

/** RFC 8656 §11.4 Data indications written around data where it lies must equal what the STUN codec encodes. */
class DataIndicationTest {

    static final byte[] TID = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, (byte) 0xF2};

    @ParameterizedTest
    @ValueSource(strings = {"192.0.2.7", "2001:db8::1:2"})
    void theIndicationWrittenAroundThePeersDataIsByteForByteWhatTheCodecEncodes(String ip) throws Exception {
        InetSocketAddress peer = new InetSocketAddress(InetAddress.getByName(ip), 61_234);
        for (int length = 0; length <= 9; length++) { // every padding case, twice
            byte[] data = new byte[length];
            Arrays.fill(data, (byte) (0xA0 + length));
            ByteBuffer buffer = ByteBuffer.allocateDirect(DataIndication.MAX_PREFIX + length + 3);
            buffer.position(DataIndication.MAX_PREFIX).put(data).flip().position(DataIndication.MAX_PREFIX);
            // Stale bytes where the padding goes must not leak: the codec pads with zeros.
            buffer.limit(buffer.capacity()).put(buffer.capacity() - 1, (byte) 0x55).limit(DataIndication.MAX_PREFIX + length);

            assertTrue(DataIndication.writeAround(buffer, peer, TID));

            byte[] written = new byte[buffer.remaining()];
            buffer.get(written);
            byte[] encoded = StunMessage.builder(MessageClass.INDICATION, StunMethod.DATA, TransactionId.of(TID))
                    .add(new XorPeerAddress(peer)).add(new Data(data)).encode();
            assertArrayEquals(encoded, written, ip + ", " + length + " bytes");
            StunMessage parsed = StunMessage.parse(written);
            assertEquals(peer, parsed.get(XorPeerAddress.class).orElseThrow().address());
            assertArrayEquals(data, parsed.get(Data.class).orElseThrow().bytes());
        }
    }

    @Test
    void withoutRoomInFrontOrForThePaddingTheBufferIsLeftAsItWas() throws Exception {
        InetSocketAddress peer = new InetSocketAddress(InetAddress.getByName("192.0.2.7"), 5000);
        ByteBuffer noHeadroom = ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5});
        assertFalse(DataIndication.writeAround(noHeadroom, peer, TID));
        assertEquals(0, noHeadroom.position());
        assertEquals(5, noHeadroom.limit());

        ByteBuffer noPaddingRoom = ByteBuffer.allocate(DataIndication.MAX_PREFIX + 5);
        noPaddingRoom.position(DataIndication.MAX_PREFIX);
        assertFalse(DataIndication.writeAround(noPaddingRoom, peer, TID));
        assertEquals(DataIndication.MAX_PREFIX, noPaddingRoom.position());
        assertArrayEquals(new byte[DataIndication.MAX_PREFIX + 5], noPaddingRoom.array());
    }
}
