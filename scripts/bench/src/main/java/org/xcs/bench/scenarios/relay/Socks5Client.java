package org.xcs.bench.scenarios.relay;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One side of an XEP-0065 mediated bytestream, on a plain socket: RFC 1928 greeting (no authentication) and CONNECT
 * with ATYP domain name = hex SHA-1(sid + initiator JID + target JID), port 0 (XEP-0065 §5.3.2, §6.3.2). Each
 * message goes out in one write: Prosody's mod_proxy65 expects each in one read.
 */
final class Socks5Client {
    private Socks5Client() {
    }

    static String destination(String sid, String initiator, String target) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-1")
                    .digest((sid + initiator + target).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every Java platform", e);
        }
    }

    /** Connects and completes the SOCKS5 exchange; the socket then carries the bytestream once activated. */
    static Socket connect(InetSocketAddress proxy, String destination) throws IOException {
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.setReceiveBufferSize(1 << 20);
            s.setSendBufferSize(1 << 20);
            s.connect(proxy, 5_000);
            s.setSoTimeout(10_000);
            DataInputStream in = new DataInputStream(s.getInputStream());
            s.getOutputStream().write(new byte[] {5, 1, 0}); // RFC 1928 §3: VER, NMETHODS, NO AUTHENTICATION
            byte[] method = new byte[2];
            in.readFully(method);
            if (method[0] != 5 || method[1] != 0) {
                throw new IOException("SOCKS5 greeting refused by " + proxy);
            }
            byte[] addr = destination.getBytes(StandardCharsets.US_ASCII);
            byte[] request = new byte[7 + addr.length];
            request[0] = 5; // VER
            request[1] = 1; // CMD CONNECT
            request[3] = 3; // ATYP DOMAINNAME
            request[4] = (byte) addr.length;
            System.arraycopy(addr, 0, request, 5, addr.length); // DST.PORT 0 0
            s.getOutputStream().write(request);
            byte[] reply = new byte[5 + 255 + 2];
            in.readFully(reply, 0, 5);
            if (reply[1] != 0) {
                throw new IOException("SOCKS5 CONNECT refused by " + proxy + ": reply " + reply[1]);
            }
            in.readFully(reply, 5, (reply[4] & 0xff) + 2);
            s.setSoTimeout(0);
            return s;
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }
}
