package org.xcs.relay;

import java.util.Arrays;

/**
 * The relay's main for tests that start it as a process: TURN and SOCKS5 on loopback and free ports (house rule), relayed
 * ports from a test range, whatever else the test passes.
 */
public final class LoopbackRelayMain {

    private LoopbackRelayMain() {
    }

    public static void main(String[] args) {
        String[] all = Arrays.copyOf(args, args.length + 3);
        all[args.length] = "--turn-listen=127.0.0.1:0";
        all[args.length + 1] = "--relay-ports=43000-43999";
        all[args.length + 2] = "--socks5-listen=127.0.0.1:0";
        Main.main(all);
    }
}
