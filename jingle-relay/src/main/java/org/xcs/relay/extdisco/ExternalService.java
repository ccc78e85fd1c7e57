package org.xcs.relay.extdisco;

import java.util.Locale;

/**
 * One service as XEP-0215 §3 lists it: type ({@code stun} or {@code turn}), host, port, transport. TURN services
 * are restricted: they take credentials.
 */
public record ExternalService(String type, String host, int port, String transport) {

    public ExternalService {
        if (!type.equals("stun") && !type.equals("turn")) {
            throw new IllegalArgumentException("type must be stun or turn: " + type);
        }
        if (host.isBlank() || port < 1 || port > 65535) {
            throw new IllegalArgumentException("a host and a port in 1-65535");
        }
        if (!transport.equals("udp") && !transport.equals("tcp")) {
            throw new IllegalArgumentException("transport must be udp or tcp: " + transport);
        }
    }

    public boolean restricted() {
        return type.equals("turn");
    }

    /**
     * RFC 7064/7065 URIs as admins write them for coturn: {@code turn:host:port?transport=tcp},
     * {@code stun:host[:port]}; IPv6 hosts in brackets. Port 3478 and transport udp by default.
     */
    public static ExternalService parseUri(String uri) {
        int colon = uri.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("expected turn:HOST[:PORT][?transport=udp|tcp], got '" + uri + "'");
        }
        String type = uri.substring(0, colon).toLowerCase(Locale.ROOT);
        String rest = uri.substring(colon + 1);
        String transport = "udp";
        int q = rest.indexOf('?');
        if (q >= 0) {
            String query = rest.substring(q + 1).toLowerCase(Locale.ROOT);
            if (!query.startsWith("transport=")) {
                throw new IllegalArgumentException("only ?transport= is understood: '" + uri + "'");
            }
            transport = query.substring("transport=".length());
            rest = rest.substring(0, q);
        }
        String host;
        String portText = null;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("unclosed [ in '" + uri + "'");
            }
            host = rest.substring(1, close);
            String after = rest.substring(close + 1);
            if (after.startsWith(":")) {
                portText = after.substring(1);
            } else if (!after.isEmpty()) {
                throw new IllegalArgumentException("junk after ] in '" + uri + "'");
            }
        } else {
            int c = rest.lastIndexOf(':');
            host = c < 0 ? rest : rest.substring(0, c);
            portText = c < 0 ? null : rest.substring(c + 1);
        }
        int port;
        try {
            port = portText == null ? 3478 : Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad port in '" + uri + "'");
        }
        return new ExternalService(type, host, port, transport);
    }
}
