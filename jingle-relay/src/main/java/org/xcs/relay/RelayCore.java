package org.xcs.relay;

import java.time.Duration;
import java.util.Optional;
import org.xcs.common.component.ComponentCore;
import org.xcs.common.component.PacketSender;
import org.xcs.common.launch.ServiceCore;
import org.xcs.relay.net.TurnListeners;
import org.xmpp.packet.Packet;

/** The XMPP side (a {@link ServiceCore}) and the TURN listeners it owns: a drain stops both. */
final class RelayCore implements ComponentCore {

    private final ServiceCore service;
    private final Optional<TurnListeners> turn;

    RelayCore(ServiceCore service, Optional<TurnListeners> turn) {
        this.service = service;
        this.turn = turn;
    }

    Optional<TurnListeners> turn() {
        return turn;
    }

    @Override
    public void handle(Packet packet) {
        service.handle(packet);
    }

    @Override
    public void onConnected(PacketSender sender) {
        service.onConnected(sender);
    }

    @Override
    public void drain(Duration timeout) {
        try {
            turn.ifPresent(TurnListeners::close); // stop relaying first: nothing new arrives over XMPP for it
        } finally {
            service.drain(timeout);
        }
    }
}
