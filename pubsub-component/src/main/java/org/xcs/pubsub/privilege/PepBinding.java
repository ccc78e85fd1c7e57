package org.xcs.pubsub.privilege;

import java.util.List;

import org.xcs.common.router.IqHandler;
import org.xcs.pubsub.pep.PepEvents;

/**
 * The PEP core as the privilege layer uses it: the handler of a user's (unwrapped) IQ to a bare JID, run on the
 * owner's serial queue, and the events the layer reports. Built once by a {@link Factory} from the layer's
 * {@link PepWiring}.
 */
public interface PepBinding {

    /**
     * Handles the inner IQ of a delegated request: {@code from} the requester's full JID, {@code to} the owner's bare
     * JID (filled in when the host left it out). Same contract as any {@link IqHandler}.
     */
    IqHandler iqHandler();

    PepEvents events();

    /** The pubsub features the host shows for its users' bare JIDs (XEP-0355 §6.2), e.g. {@code ...#publish}. */
    default List<String> features() {
        return PepFeatures.DEFAULT;
    }

    @FunctionalInterface
    interface Factory {
        PepBinding create(PepWiring wiring);
    }

    /**
     * No PEP core in this build: the privilege layer still takes the host's grants and answers the delegation disco
     * queries, and every delegated request is answered service-unavailable (XEP-0355 §5.2 N.B.1).
     */
    Factory UNAVAILABLE = wiring -> new PepBinding() {
        @Override
        public IqHandler iqHandler() {
            return request -> {
                throw new org.xcs.common.error.XmppException(
                        org.xmpp.packet.PacketError.Condition.service_unavailable);
            };
        }

        @Override
        public PepEvents events() {
            return new PepEvents() {
                @Override
                public void resourceAvailable(String fullJid) {
                }

                @Override
                public void rosterChanged(String ownerBare) {
                }

                @Override
                public void contactsGained(String ownerBare, java.util.Set<String> contactBares) {
                }
            };
        }
    };
}
