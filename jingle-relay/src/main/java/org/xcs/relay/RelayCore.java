package org.xcs.relay;

import java.time.Duration;
import java.util.Optional;
import org.xcs.common.component.ComponentCore;
import org.xcs.common.component.PacketSender;
import org.xcs.common.launch.ServiceCore;
import org.xcs.relay.net.TurnListeners;
import org.xcs.relay.relaynodes.RelayChannels;
import org.xcs.relay.socks5.Socks5Listener;
import org.xmpp.packet.Packet;

/** The XMPP side (a {@link ServiceCore}), the TURN listeners, the SOCKS5 proxy and the relay channels it owns: a drain stops all. */
final class RelayCore implements ComponentCore {

    private final ServiceCore service;
    private final Optional<TurnListeners> turn;
    private final Optional<Socks5Listener> socks5;
    private final Optional<RelayChannels> relayNodes;

    RelayCore(ServiceCore service, Optional<TurnListeners> turn, Optional<Socks5Listener> socks5,
              Optional<RelayChannels> relayNodes) {
        // Stop relaying first (TURN, SOCKS5, relay channels): nothing new arrives over XMPP for them.
        this.service = service;
        this.turn = turn;
        this.socks5 = socks5;
        this.relayNodes = relayNodes;
        turn.ifPresent(service::closeOnDrain);
        socks5.ifPresent(service::closeOnDrain);
        relayNodes.ifPresent(service::closeOnDrain);
    }

    Optional<RelayChannels> relayNodes() {
        return relayNodes;
    }

    Optional<Socks5Listener> socks5() {
        return socks5;
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
        service.drain(timeout);
    }

}
