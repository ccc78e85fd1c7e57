package org.xcs.bench.client;

import java.util.function.IntFunction;

/**
 * How driver clients log in (RFC 6120 §6 SASL, §7 binding). ANONYMOUS (RFC 4505) needs no accounts; PLAIN needs
 * users created beforehand and is for a host where anonymous login is impractical. {@code user}/{@code password}
 * map the client's index to its credentials.
 */
public record Login(String host, int port, String domain, Mechanism mechanism, IntFunction<String> user,
                    IntFunction<String> password) {

    public enum Mechanism { ANONYMOUS, PLAIN }

    public static Login anonymous(String host, int port, String domain) {
        return new Login(host, port, domain, Mechanism.ANONYMOUS, i -> null, i -> null);
    }

    public static Login plain(String host, int port, String domain, IntFunction<String> user,
                              IntFunction<String> password) {
        return new Login(host, port, domain, Mechanism.PLAIN, user, password);
    }
}
