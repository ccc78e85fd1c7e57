package org.xcs.relay.turn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xcs.relay.stun.ChannelData;
import org.xcs.relay.stun.MessageClass;
import org.xcs.relay.stun.StunAttribute;
import org.xcs.relay.stun.StunMessage;
import org.xcs.relay.stun.StunMethod;

/** RFC 8656 lifetimes on a clock the test moves: allocations §3.2/§7, permissions §9, channel bindings §12. */
class TurnLifetimesTest {

    static final InetSocketAddress PEER = new InetSocketAddress(InetAddress.getLoopbackAddress(), 7000);
    static final byte[] HELLO = "hello".getBytes(StandardCharsets.UTF_8);

    final InMemoryTurn turn = new InMemoryTurn(TurnSettings.defaults(), List.of("127.0.0.0/8"));
    final InMemoryTurn.Client alice = turn.client("alice@example.test", 5000);

    static long lifetimeOf(StunMessage m) {
        return m.get(StunAttribute.Lifetime.class).orElseThrow().seconds();
    }

    static int errorOf(StunMessage m) {
        assertEquals(MessageClass.ERROR_RESPONSE, m.messageClass(), m.toString());
        return m.get(StunAttribute.ErrorCode.class).orElseThrow().code();
    }

    static void assertSuccess(StunMessage m) {
        assertEquals(MessageClass.SUCCESS_RESPONSE, m.messageClass(), m.toString());
    }

    StunMessage allocate(InMemoryTurn.Client c, Long lifetime) {
        return c.signed(() -> {
            var b = TurnCredentialsForTest.request(StunMethod.ALLOCATE)
                    .add(new StunAttribute.RequestedTransport(StunAttribute.RequestedTransport.UDP));
            return lifetime == null ? b : b.add(new StunAttribute.Lifetime(lifetime));
        });
    }

    StunMessage refresh(InMemoryTurn.Client c, long lifetime) {
        return c.signed(() -> TurnCredentialsForTest.request(StunMethod.REFRESH)
                .add(new StunAttribute.Lifetime(lifetime)));
    }

    StunMessage permit(InMemoryTurn.Client c, InetSocketAddress peer) {
        return c.signed(() -> TurnCredentialsForTest.request(StunMethod.CREATE_PERMISSION)
                .add(new StunAttribute.XorPeerAddress(peer)));
    }

    StunMessage bind(InMemoryTurn.Client c, int channel, InetSocketAddress peer) {
        return c.signed(() -> TurnCredentialsForTest.request(StunMethod.CHANNEL_BIND)
                .add(new StunAttribute.ChannelNumber(channel)).add(new StunAttribute.XorPeerAddress(peer)));
    }

    void advance(long seconds) {
        turn.clock.advance(Duration.ofSeconds(seconds));
        turn.server.sweep();
    }

    void peerSends(byte[] data) {
        turn.endpoints.opened.get(0).inbound.fromPeer(PEER, data);
    }

    @Test
    void anAllocationWithoutLifetimeLastsTheDefaultTenMinutesThenItsRelayedSocketIsClosed() {
        StunMessage ok = allocate(alice, null);
        assertSuccess(ok);
        assertEquals(600, lifetimeOf(ok));
        advance(599);
        assertEquals(1, turn.server.allocations().size());
        advance(1);
        assertEquals(0, turn.server.allocations().size());
        assertTrue(turn.endpoints.opened.get(0).closed);
    }

    @Test
    void anAskedLifetimeIsCappedAtOneHourAndNeverShorterThanTheDefault() {
        assertEquals(3600, lifetimeOf(allocate(alice, 100_000L)));
        InMemoryTurn.Client bob = turn.client("bob@example.test", 5001);
        assertEquals(600, lifetimeOf(allocate(bob, 30L)));
        InMemoryTurn.Client carol = turn.client("carol@example.test", 5002);
        assertEquals(1200, lifetimeOf(allocate(carol, 1200L)));
    }

    @Test
    void refreshSetsTheRemainingLifetimeAndZeroDeletesTheAllocation() {
        allocate(alice, null);
        advance(500);
        assertEquals(120, lifetimeOf(refresh(alice, 120))); // §7.3: a refresh may shorten below the default
        advance(119);
        assertEquals(1, turn.server.allocations().size());
        assertEquals(3600, lifetimeOf(refresh(alice, 99_999)));
        StunMessage deleted = refresh(alice, 0);
        assertSuccess(deleted);
        assertEquals(0, lifetimeOf(deleted));
        assertEquals(0, turn.server.allocations().size());
        assertTrue(turn.endpoints.opened.get(0).closed);
        assertEquals(437, errorOf(refresh(alice, 600))); // §7.3: no allocation -> Allocation Mismatch
    }

    @Test
    void aPermissionLetsThePeerInForFiveMinutesAndARepeatedCreatePermissionRenewsIt() {
        allocate(alice, 3600L);
        peerSends(HELLO);
        assertTrue(alice.drain().isEmpty(), "no permission yet: the peer's datagram is dropped (§9)");
        assertSuccess(permit(alice, PEER));
        peerSends(HELLO);
        StunMessage data = only(alice.drain());
        assertEquals(MessageClass.INDICATION, data.messageClass());
        assertEquals(StunMethod.DATA, data.method().orElseThrow());
        assertEquals(PEER, data.get(StunAttribute.XorPeerAddress.class).orElseThrow().address());
        assertArrayEquals(HELLO, data.get(StunAttribute.Data.class).orElseThrow().bytes());

        advance(299);
        assertSuccess(permit(alice, new InetSocketAddress(PEER.getAddress(), 9999))); // §9: the port does not matter
        advance(299);
        peerSends(HELLO);
        assertEquals(1, alice.drain().size(), "renewed at 299 s: still valid at 598 s");
        advance(1);
        peerSends(HELLO);
        assertTrue(alice.drain().isEmpty(), "expired 300 s after the renewal");
        sendIndication(alice, PEER, HELLO);
        assertTrue(turn.endpoints.opened.get(0).sent.isEmpty(), "Send toward a peer without permission is dropped");
    }

    @Test
    void aChannelBindingCarriesDataBothWaysForTenMinutesAndKeepsItsPermissionOnlyWhileRefreshed() {
        allocate(alice, 3600L);
        assertSuccess(bind(alice, 0x4000, PEER));
        peerSends(HELLO);
        ChannelData cd = channelData(alice.received);
        alice.received.clear();
        assertEquals(0x4000, cd.channel());
        assertArrayEquals(HELLO, cd.data());
        alice.deliver(new ChannelData(0x4000, HELLO).encode(false));
        InMemoryTurn.Sent sent = turn.endpoints.opened.get(0).sent.get(0);
        assertEquals(PEER, sent.peer());
        assertArrayEquals(HELLO, sent.data());

        advance(300); // the permission the binding installed lapses (§12: refresh it with the binding)
        peerSends(HELLO);
        assertTrue(alice.drain().isEmpty());
        assertSuccess(bind(alice, 0x4000, PEER)); // rebinding the same pair refreshes both
        advance(599);
        assertSuccess(permit(alice, PEER));
        peerSends(HELLO);
        assertEquals(0x4000, channelData(alice.drain()).channel());
        advance(1); // the binding expired at 600 s after its refresh; the permission lives on
        peerSends(HELLO);
        StunMessage data = only(alice.drain());
        assertEquals(StunMethod.DATA, data.method().orElseThrow(), "without a channel: a Data indication");
        int sentBefore = turn.endpoints.opened.get(0).sent.size();
        alice.deliver(new ChannelData(0x4000, HELLO).encode(false));
        assertEquals(sentBefore, turn.endpoints.opened.get(0).sent.size(), "expired channel: dropped");
    }

    @Test
    void aChannelIsBoundToOnePeerAndAPeerToOneChannelEvenForFiveMinutesAfterExpiry() {
        allocate(alice, 3600L);
        InetSocketAddress other = new InetSocketAddress(PEER.getAddress(), 7001);
        assertSuccess(bind(alice, 0x4001, PEER));
        assertEquals(400, errorOf(bind(alice, 0x4001, other)));
        assertEquals(400, errorOf(bind(alice, 0x4002, PEER)));
        assertEquals(400, errorOf(bind(alice, 0x3FFF, other))); // §11.2: below 0x4000 (we take RFC 5766's upper bound, 0x7FFF)
        advance(600 + 299);
        assertEquals(400, errorOf(bind(alice, 0x4001, other)), "quarantined for 5 minutes after expiry");
        advance(1);
        assertSuccess(bind(alice, 0x4001, other));
    }

    @Test
    void aNonceOlderThanTenMinutesIsAnswered438WithAFreshOneThatWorks() {
        allocate(alice, 3600L);
        turn.clock.advance(Duration.ofMinutes(10));
        StunMessage stale = alice.raw(alice.creds.sign(TurnCredentialsForTest.request(StunMethod.REFRESH)
                .add(new StunAttribute.Lifetime(600))).encode());
        assertEquals(438, errorOf(stale)); // RFC 8489 §9.2.4
        assertTrue(stale.get(StunAttribute.Nonce.class).isPresent());
        assertTrue(alice.creds.learn(stale));
        assertEquals(600, lifetimeOf(alice.raw(alice.creds.sign(TurnCredentialsForTest.request(StunMethod.REFRESH)
                .add(new StunAttribute.Lifetime(600))).encode())));
    }

    @Test
    void aRetransmittedAllocateIsAnsweredAgainAndAnotherAllocateOnTheSameFiveTupleGets437() {
        StunMessage first = allocate(alice, null);
        assertSuccess(first);
        var again = TurnCredentialsForTest.request(StunMethod.ALLOCATE);
        // Same transaction id as the first request: rebuilt from its header.
        byte[] retransmit = alice.creds.sign(StunMessage.builder(new org.xcs.relay.stun.StunHeader(
                        MessageClass.REQUEST, StunMethod.ALLOCATE.code(), first.transactionId()))
                .add(new StunAttribute.RequestedTransport(17))).encode();
        StunMessage repeated = alice.raw(retransmit);
        assertSuccess(repeated);
        assertEquals(first.get(StunAttribute.XorRelayedAddress.class), repeated.get(StunAttribute.XorRelayedAddress.class));
        assertEquals(437, errorOf(alice.raw(alice.creds.sign(again
                .add(new StunAttribute.RequestedTransport(17))).encode())));
        assertEquals(1, turn.endpoints.opened.size());
    }

    @Test
    void theBandwidthLimitDropsWhatExceedsTheAllocationsRateAndRecoversWithTime() {
        InMemoryTurn slow = new InMemoryTurn(TurnSettings.defaults().withBytesPerSecond(1000), List.of("127.0.0.0/8"));
        InMemoryTurn.Client c = slow.client("alice@example.test", 5000);
        assertSuccess(c.signed(() -> TurnCredentialsForTest.request(StunMethod.ALLOCATE)
                .add(new StunAttribute.RequestedTransport(17))));
        assertSuccess(c.signed(() -> TurnCredentialsForTest.request(StunMethod.CHANNEL_BIND)
                .add(new StunAttribute.ChannelNumber(0x4000)).add(new StunAttribute.XorPeerAddress(PEER))));
        byte[] chunk = new byte[400];
        for (int i = 0; i < 5; i++) {
            c.deliver(new ChannelData(0x4000, chunk).encode(false));
        }
        assertEquals(2, slow.endpoints.opened.get(0).sent.size(), "1000 bytes of burst: two 400-byte chunks");
        assertEquals(3, slow.server.counters().get(TurnCounters.BANDWIDTH_DROPPED));
        slow.clock.advance(Duration.ofSeconds(1));
        c.deliver(new ChannelData(0x4000, chunk).encode(false));
        assertEquals(3, slow.endpoints.opened.get(0).sent.size());
    }

    @Test
    void quotasRefuseAllocationsBeyondPerUserAndTotalWith486() {
        InMemoryTurn small = new InMemoryTurn(TurnSettings.defaults().withQuotas(2, 3), List.of());
        List<InMemoryTurn.Client> clients = List.of(small.client("a@example.test", 1), small.client("a@example.test", 2),
                small.client("a@example.test", 3), small.client("b@example.test", 4), small.client("c@example.test", 5));
        int[] expected = {0, 0, 486, 0, 486};
        for (int i = 0; i < clients.size(); i++) {
            InMemoryTurn.Client c = clients.get(i);
            StunMessage m = c.signed(() -> TurnCredentialsForTest.request(StunMethod.ALLOCATE)
                    .add(new StunAttribute.RequestedTransport(17)));
            if (expected[i] == 0) {
                assertSuccess(m);
            } else {
                assertEquals(expected[i], errorOf(m), "client " + i);
            }
        }
        assertEquals(3, small.endpoints.opened.size(), "a refused allocation costs no relayed port");
        assertEquals(2, small.server.counters().get(TurnCounters.QUOTA_REFUSED));
    }

    @Test
    void allocateChecksTransportFamilyAndUnknownAttributesInRfcOrder() {
        assertEquals(400, errorOf(alice.signed(() -> TurnCredentialsForTest.request(StunMethod.ALLOCATE))));
        assertEquals(442, errorOf(alice.signed(() -> TurnCredentialsForTest.request(StunMethod.ALLOCATE)
                .add(new StunAttribute.RequestedTransport(6)))));
        assertEquals(440, errorOf(alice.signed(() -> TurnCredentialsForTest.request(StunMethod.ALLOCATE)
                .add(new StunAttribute.RequestedTransport(17)).add(new StunAttribute.RequestedAddressFamily(0x02)))));
        assertEquals(440, errorOf(alice.signed(() -> TurnCredentialsForTest.request(StunMethod.ALLOCATE)
                .add(new StunAttribute.RequestedTransport(17)).add(new StunAttribute.RequestedAddressFamily(0x07)))));
        StunMessage unknown = alice.signed(() -> TurnCredentialsForTest.request(StunMethod.ALLOCATE)
                .add(new StunAttribute.RequestedTransport(17)).add(new StunAttribute.Unknown(0x7F01, new byte[4])));
        assertEquals(420, errorOf(unknown));
        assertEquals(List.of(0x7F01), unknown.get(StunAttribute.UnknownAttributes.class).orElseThrow().types());
        assertTrue(unknown.verifyIntegrity(alice.creds.key()), "errors after authentication are signed");
        assertEquals(0, turn.server.allocations().size());
        assertFalse(turn.endpoints.opened.iterator().hasNext());
    }

    void sendIndication(InMemoryTurn.Client c, InetSocketAddress peer, byte[] data) {
        c.deliver(TurnCredentialsForTest.indication(StunMethod.SEND).add(new StunAttribute.XorPeerAddress(peer))
                .add(new StunAttribute.Data(data)).encode());
    }

    static StunMessage only(List<byte[]> packets) {
        assertEquals(1, packets.size());
        try {
            return StunMessage.parse(packets.get(0));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static ChannelData channelData(List<byte[]> packets) {
        assertEquals(1, packets.size());
        try {
            return ChannelData.parseDatagram(packets.get(0), 0, packets.get(0).length);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
