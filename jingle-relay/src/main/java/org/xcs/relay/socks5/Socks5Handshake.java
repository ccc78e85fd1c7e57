package org.xcs.relay.socks5;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The server side of the RFC 1928 exchange as XEP-0065 §10.2 uses it, over blocking streams: at most 2 + 255 bytes
 * of greeting and 7 + 255 of request are read, nothing is buffered beyond them (bytes after the request belong to
 * the bytestream). Anything else is refused with the RFC's reply and a {@link Refused}; the caller closes.
 */
public final class Socks5Handshake {

    static final int VERSION = 5;
    static final int METHOD_NO_AUTH = 0x00;
    static final int METHOD_NONE_ACCEPTABLE = 0xFF;
    static final int CMD_CONNECT = 0x01;
    static final int ATYP_DOMAIN = 0x03;
    // RFC 1928 §6 reply codes
    public static final int REP_SUCCEEDED = 0x00;
    public static final int REP_GENERAL_FAILURE = 0x01;
    public static final int REP_NOT_ALLOWED = 0x02;
    public static final int REP_COMMAND_NOT_SUPPORTED = 0x07;
    public static final int REP_ADDRESS_TYPE_NOT_SUPPORTED = 0x08;

    /** Why a connection was refused; the refusal (if the stage has one) has been written. */
    public static final class Refused extends Exception {
        public Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    private Socks5Handshake() {
    }

    /** Reads greeting and CONNECT, answers the greeting; returns DST.ADDR lowercased. The caller sends the reply. */
    public static String readConnect(InputStream in, OutputStream out) throws IOException, Refused {
        // RFC 1928 §3: VER NMETHODS METHODS
        if (readByte(in) != VERSION) {
            throw new Refused("greeting: not SOCKS version 5"); // not SOCKS5: no reply format to answer in
        }
        int methods = readByte(in);
        boolean noAuth = false;
        for (int i = 0; i < methods; i++) {
            noAuth |= readByte(in) == METHOD_NO_AUTH;
        }
        if (!noAuth) {
            out.write(new byte[] {VERSION, (byte) METHOD_NONE_ACCEPTABLE}); // RFC 1928 §3: X'FF', then close
            out.flush();
            throw new Refused("greeting: no-authentication method not offered");
        }
        out.write(new byte[] {VERSION, METHOD_NO_AUTH});
        out.flush();
        // RFC 1928 §4: VER CMD RSV ATYP DST.ADDR DST.PORT
        int version = readByte(in);
        int command = readByte(in);
        readByte(in); // RSV
        int atyp = readByte(in);
        if (version != VERSION) {
            reply(out, REP_GENERAL_FAILURE, "");
            throw new Refused("request: not SOCKS version 5");
        }
        if (command != CMD_CONNECT) {
            reply(out, REP_COMMAND_NOT_SUPPORTED, "");
            throw new Refused("request: command " + command + " (only CONNECT, XEP-0065 §10.2)");
        }
        if (atyp != ATYP_DOMAIN) {
            reply(out, REP_ADDRESS_TYPE_NOT_SUPPORTED, "");
            throw new Refused("request: address type " + atyp + " (only DOMAINNAME, XEP-0065 §10.2)");
        }
        int length = readByte(in);
        byte[] name = in.readNBytes(length);
        if (name.length != length) {
            throw new EOFException("request: address cut short");
        }
        readByte(in); // DST.PORT: XEP-0065 §10.2 says 0, and §10.1 lets a streamhost ignore it
        readByte(in);
        String address = new String(name, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        if (!DestinationAddress.isWellFormed(address)) {
            reply(out, REP_ADDRESS_TYPE_NOT_SUPPORTED, "");
            throw new Refused("request: address is not a 40-digit SHA-1");
        }
        return address;
    }

    /** RFC 1928 §6: VER REP RSV ATYP BND.ADDR BND.PORT; XEP-0065 echoes the address (port 0). */
    public static void reply(OutputStream out, int code, String address) throws IOException {
        byte[] name = address.getBytes(StandardCharsets.ISO_8859_1);
        byte[] r = new byte[7 + name.length];
        r[0] = VERSION;
        r[1] = (byte) code;
        r[3] = ATYP_DOMAIN;
        r[4] = (byte) name.length;
        System.arraycopy(name, 0, r, 5, name.length);
        out.write(r);
        out.flush();
    }

    private static int readByte(InputStream in) throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("SOCKS5 handshake cut short");
        }
        return b;
    }
}
