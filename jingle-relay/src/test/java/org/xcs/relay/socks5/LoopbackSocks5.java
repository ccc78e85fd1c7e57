package org.xcs.relay.socks5;

import java.net.InetAddress;
import java.net.InetSocketAddress;

/** The proxy on loopback and a free port (house rule), otherwise default limits. */
public final class LoopbackSocks5 {

    public static final Socks5Settings LOOPBACK_SOCKS5 = Socks5Settings.defaults()
            .withListen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));

    private LoopbackSocks5() {
    }
}
