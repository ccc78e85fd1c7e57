package org.xcs.common.component;

import java.time.Duration;

/**
 * What a component (MUC, PubSub, relay) hands to the runtime: the inbound stanza handler plus lifecycle hooks.
 * The runtime owns the connection, reconnects and signals; the core owns the protocol logic and its state.
 */
public interface ComponentCore extends PacketHandler {

    /** Called after every successful (re)connect, before inbound stanzas flow; re-send whatever the host needs. */
    default void onConnected(PacketSender sender) {
    }

    /**
     * Graceful stop (SIGTERM): stop accepting new stanzas, finish the queued ones within {@code timeout},
     * commit and close the store. Outgoing stanzas sent while draining still reach the host.
     */
    void drain(Duration timeout);
}
