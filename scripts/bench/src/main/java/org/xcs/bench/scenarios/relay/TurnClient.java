package org.xcs.bench.scenarios.relay;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.xcs.relay.stun.IntegrityKey;
import org.xcs.relay.stun.MessageClass;
import org.xcs.relay.stun.PacketKind;
import org.xcs.relay.stun.StunAttribute;
import org.xcs.relay.stun.StunMessage;
import org.xcs.relay.stun.StunMessageBuilder;
import org.xcs.relay.stun.StunMethod;
import org.xcs.relay.stun.StunParseException;
import org.xcs.relay.stun.TransactionId;

/**
 * The bench's TURN client over UDP (RFC 8656), on the relay's own STUN codec: Allocate with long-term credentials
 * in coturn's REST form (use-auth-secret), then CreatePermission and ChannelBind to one peer. Afterwards its socket
 * carries ChannelData for the probe: the allocation belongs to this socket's 5-tuple (RFC 8656 §2).
 */
final class TurnClient implements AutoCloseable {
    static final int CHANNEL = 0x4000; // RFC 8656 §12: the first valid channel number
    private static final Duration RETRANSMIT = Duration.ofMillis(250);
    private static final int ATTEMPTS = 8;

    private final DatagramSocket socket;
    private final InetSocketAddress server;
    private final String username;
    private final String password;
    private final SecureRandom random = new SecureRandom();
    private String realm;
    private String nonce;
    private InetSocketAddress relayed;

    TurnClient(InetSocketAddress server, String secret, String user) throws IOException {
        this.server = server;
        this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        socket.setReceiveBufferSize(4 << 20);
        socket.setSendBufferSize(4 << 20);
        // coturn's REST scheme: "expiry:user", base64(HMAC-SHA1(secret, username)).
        this.username = Instant.now().plus(Duration.ofHours(1)).getEpochSecond() + ":" + user;
        this.password = hmacSha1Base64(secret, username);
    }

    DatagramSocket socket() {
        return socket;
    }

    InetSocketAddress server() {
        return server;
    }

    InetSocketAddress relayedAddress() {
        return relayed;
    }

    /** RFC 8656 §7.1-§7.3, §9.1, §11.1: allocation, permission for the peer, channel to it. */
    void allocateAndBind(InetSocketAddress peer) throws IOException {
        StunMessage allocated = signed(() -> request(StunMethod.ALLOCATE)
                .add(new StunAttribute.RequestedTransport(StunAttribute.RequestedTransport.UDP)));
        relayed = allocated.get(StunAttribute.XorRelayedAddress.class)
                .orElseThrow(() -> new IOException("Allocate success without XOR-RELAYED-ADDRESS")).address();
        signed(() -> request(StunMethod.CREATE_PERMISSION).add(new StunAttribute.XorPeerAddress(peer)));
        signed(() -> request(StunMethod.CHANNEL_BIND).add(new StunAttribute.ChannelNumber(CHANNEL))
                .add(new StunAttribute.XorPeerAddress(peer)));
    }

    /** ChannelData header (RFC 8656 §12.4) for payloads of this size over UDP (no padding needed: §12.5). */
    static byte[] channelHeader(int payloadBytes) {
        return new byte[] {(byte) (CHANNEL >> 8), (byte) CHANNEL, (byte) (payloadBytes >> 8), (byte) payloadBytes};
    }

    /** Sends unsigned first; a 401/438 teaches REALM and NONCE and the request goes again, signed (RFC 8489 §9.2). */
    private StunMessage signed(Supplier<StunMessageBuilder> request) throws IOException {
        for (int attempt = 0; attempt < 3; attempt++) {
            StunMessageBuilder b = request.get();
            if (nonce != null) {
                b.add(new StunAttribute.Username(username)).add(new StunAttribute.Realm(realm))
                        .add(new StunAttribute.Nonce(nonce))
                        .messageIntegrity(IntegrityKey.longTerm(username, realm, password));
            }
            StunMessage answer = exchange(b.encode());
            if (answer.messageClass() == MessageClass.SUCCESS_RESPONSE) {
                return answer;
            }
            Optional<StunAttribute.ErrorCode> error = answer.get(StunAttribute.ErrorCode.class);
            int code = error.map(StunAttribute.ErrorCode::code).orElse(0);
            if (code == 401 || code == 438) {
                answer.get(StunAttribute.Realm.class).ifPresent(r -> realm = r.value());
                answer.get(StunAttribute.Nonce.class).ifPresent(n -> nonce = n.value());
                continue;
            }
            throw new IOException("TURN " + answer.method().orElse(null) + " refused by " + server + ": " + code
                    + " " + error.map(StunAttribute.ErrorCode::reason).orElse(""));
        }
        throw new IOException("TURN server " + server + " keeps challenging the credentials");
    }

    private StunMessageBuilder request(StunMethod method) {
        return StunMessage.builder(MessageClass.REQUEST, method, TransactionId.random(random));
    }

    /** RFC 8489 §6.2.1: UDP requests are retransmitted until answered. */
    private StunMessage exchange(byte[] request) throws IOException {
        TransactionId id = TransactionId.of(Arrays.copyOfRange(request, 8, 20));
        byte[] in = new byte[2048];
        DatagramPacket receive = new DatagramPacket(in, in.length);
        socket.setSoTimeout((int) RETRANSMIT.toMillis());
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            socket.send(new DatagramPacket(request, request.length, server));
            try {
                while (true) {
                    receive.setLength(in.length);
                    socket.receive(receive);
                    if (receive.getLength() == 0 || PacketKind.of(in[0]) != PacketKind.STUN) {
                        continue;
                    }
                    StunMessage m = StunMessage.parse(in, 0, receive.getLength());
                    if (m.messageClass().isResponse() && m.transactionId().equals(id)) {
                        return m;
                    }
                }
            } catch (SocketTimeoutException timeout) {
                // retransmit
            } catch (StunParseException e) {
                throw new IOException("unreadable answer from " + server + ": " + e.getMessage(), e);
            }
        }
        throw new IOException("no answer from TURN server " + server);
    }

    /** RFC 8489 §10.1 Binding: used to wait until a server answers. */
    static boolean answersBinding(InetSocketAddress server) {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            byte[] request = StunMessage.builder(MessageClass.REQUEST, StunMethod.BINDING,
                    TransactionId.random(new SecureRandom())).encode();
            s.setSoTimeout(100);
            s.send(new DatagramPacket(request, request.length, server));
            byte[] in = new byte[1024];
            s.receive(new DatagramPacket(in, in.length));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static String hmacSha1Base64(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is required of every Java platform", e);
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
