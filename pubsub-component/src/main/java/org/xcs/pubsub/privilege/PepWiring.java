package org.xcs.pubsub.privilege;

import org.xcs.common.component.PacketSender;
import org.xcs.common.launch.ComponentContext;
import org.xcs.pubsub.pep.Presences;
import org.xcs.pubsub.pep.Rosters;
import org.xcs.pubsub.service.PubSubService;
import org.xcs.pubsub.service.ServiceSettings;

/**
 * What the PEP core is built from. {@code privileged} sends a Message {@code from} a user's bare JID through the
 * host (XEP-0356 §4); sent while a delegated request is handled, it leaves after that request's reply.
 * {@code grants} tells what the host allowed.
 */
public record PepWiring(ComponentContext context, PubSubService service, ServiceSettings settings,
                        String hostDomain, Rosters rosters, Presences presences, PacketSender privileged,
                        HostGrants grants) {
}
