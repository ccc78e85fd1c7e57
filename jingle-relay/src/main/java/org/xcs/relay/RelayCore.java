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
        this.service = service;
        this.turn = turn;
        this.socks5 = socks5;
        this.relayNodes = relayNodes;
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
        try {
            turn.ifPresent(TurnListeners::close); // stop relaying first: nothing new arrives over XMPP for it
        } finally {
            try {
                socks5.ifPresent(Socks5Listener::close);
            } finally {
                try {
                    relayNodes.ifPresent(RelayChannels::close);
                } finally {
                    service.drain(timeout);
                }
            }
        }
    }

}
