package org.xcs.common.launch;

import java.time.Duration;

import org.xcs.common.component.ComponentCore;
import org.xcs.common.component.PacketSender;
import org.xcs.common.store.Store;
import org.xmpp.packet.Packet;

/**
 * A component core whose store is committed and closed once the core drained (SIGTERM: the core finishes its queued
 * stanzas first), also when draining fails.
 */
public record ClosingStore(ComponentCore core, Store store) implements ComponentCore {
    @Override
    public void handle(Packet packet) {
        core.handle(packet);
    }

    @Override
    public void onConnected(PacketSender sender) {
        core.onConnected(sender);
    }

    @Override
    public void drain(Duration timeout) {
        try {
            core.drain(timeout);
        } finally {
            store.close();
        }
    }
}
