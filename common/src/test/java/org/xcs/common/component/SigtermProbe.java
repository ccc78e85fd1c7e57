package org.xcs.common.component;

import java.time.Duration;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;

/**
 * A minimal component process for {@link SigtermTest}: attaches to the fake host on the given port, prints
 * CONNECTED, and on drain sends one message and prints DRAINED. Exits through the runtime's SIGTERM handling.
 */
public final class SigtermProbe {

    private SigtermProbe() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        ComponentRuntime[] runtime = new ComponentRuntime[1];
        ComponentCore core = new ComponentCore() {
            @Override
            public void handle(Packet packet) {
            }

            @Override
            public void drain(Duration timeout) {
                Message goodbye = new Message();
                goodbye.setFrom(RuntimeFixture.DOMAIN);
                goodbye.setTo("alice@example.test/phone");
                goodbye.setBody("drained");
                runtime[0].sender().send(goodbye);
                System.out.println("DRAINED");
                System.out.flush();
            }
        };
        runtime[0] = ComponentRuntime.overWhack(RuntimeFixture.params(port), core, RuntimeFixture.FAST);
        runtime[0].installShutdownHook();
        runtime[0].start();
        System.out.println("CONNECTED");
        System.out.flush();
        runtime[0].awaitStop();
    }
}
