package org.xcs.pubsub.privilege;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.xcs.common.component.ComponentCore;
import org.xcs.common.component.PacketSender;
import org.xcs.common.concurrent.KeyedSerialExecutor;
import org.xcs.common.launch.ComponentContext;
import org.xcs.common.launch.ServiceCore;
import org.xcs.common.router.IqTracker;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Packet;
import org.xcs.pubsub.pep.RosterItem;
import org.xcs.pubsub.pep.Rosters;
import org.xcs.pubsub.service.PubSubService;
import org.xcs.pubsub.service.ServiceSettings;

/**
 * Puts the PEP service of the host's users (XEP-0163 over XEP-0355/0356) on a pubsub component. In two steps, as the
 * router needs this layer's sender and key before the handlers exist:
 * <pre>{@code
 * PepLayer pep = new PepLayer(domain, hostDomain, protocol.sender());
 * ServiceCore core = new ServiceCore(contextWith(pep.routerSender()), ..., executor, pep.routingKey(protocol.routingKey()));
 * protocol.install(core, service, ...);
 * ComponentCore component = pep.install(core, executor, context, service, settings, factory);
 * }</pre>
 */
public final class PepLayer {
    static final Duration IQ_TIMEOUT = Duration.ofSeconds(30);
    static final int MAX_ROSTERS = 10_000;
    static final int MAX_RESOURCES = 200_000;
    static final int MAX_CAPS = 4_096;

    private final JID componentDomain;
    private final String hostDomain;
    private final ReplyFirst replyFirst;
    private final HostGrants grants;
    private final int maxRosters;
    private final int maxResources;
    private final int maxCaps;
    private final Duration iqTimeout;
    private final AtomicReference<HostRosters> installed = new AtomicReference<>();

    public PepLayer(JID componentDomain, String hostDomain, PacketSender out) {
        this(componentDomain, hostDomain, out, MAX_ROSTERS, MAX_RESOURCES, MAX_CAPS, IQ_TIMEOUT);
    }

    PepLayer(JID componentDomain, String hostDomain, PacketSender out, int maxRosters, int maxResources,
             int maxCaps, Duration iqTimeout) {
        this.componentDomain = Objects.requireNonNull(componentDomain);
        this.hostDomain = Objects.requireNonNull(hostDomain);
        this.replyFirst = new ReplyFirst(out);
        this.grants = new HostGrants(hostDomain);
        this.maxRosters = maxRosters;
        this.maxResources = maxResources;
        this.maxCaps = maxCaps;
        this.iqTimeout = iqTimeout;
    }

    /** The sender the router must use: notifications of a delegated request follow its reply. */
    public PacketSender routerSender() {
        return replyFirst;
    }

    /** The router's key: owners' queues for PEP, {@code generic} for the rest. */
    public Function<Packet, String> routingKey(Function<Packet, String> generic) {
        return new PepKeys(generic);
    }

    public HostGrants grants() {
        return grants;
    }

    /**
     * The host users' rosters for the generic service's presence and roster access models (XEP-0060 §4.5, the node
     * owner's roster): usable before {@link #install}, empty until then and whenever the host granted no roster.
     */
    public Rosters rosters() {
        return new Rosters() {
            @Override
            public RosterItem item(String ownerBare, String contactBare) {
                HostRosters r = installed.get();
                return r == null ? null : r.item(ownerBare, contactBare);
            }

            @Override
            public Collection<RosterItem> items(String ownerBare) {
                HostRosters r = installed.get();
                return r == null ? List.of() : r.items(ownerBare);
            }

            @Override
            public void refresh(String ownerBare) {
                HostRosters r = installed.get();
                if (r != null) {
                    r.refresh(ownerBare);
                }
            }
        };
    }

    /** Registers the PEP handlers on {@code core}'s router and disco; returns the component to run. */
    public ComponentCore install(ServiceCore core, KeyedSerialExecutor executor, ComponentContext context,
                                 PubSubService service, ServiceSettings settings, PepBinding.Factory factory) {
        IqTracker tracker = new IqTracker(replyFirst);
        core.router().onResponse(tracker);
        OwnerQueue queue = (owner, task) -> executor.trySubmit(PepKeys.ownerKey(owner), task);
        LateEvents events = new LateEvents();
        AtomicReference<HostRosters> rostersRef = new AtomicReference<>();
        HostPresences presences = new HostPresences(componentDomain, hostDomain, tracker, queue, events,
                owner -> rostersRef.get().reload(owner), maxResources, maxCaps, iqTimeout);
        HostRosters rosters = new HostRosters(grants, componentDomain, tracker, queue, events,
                owner -> !presences.available(owner).isEmpty(), maxRosters, iqTimeout);
        rostersRef.set(rosters);
        installed.set(rosters);
        PrivilegedSender privileged = new PrivilegedSender(grants, componentDomain, replyFirst);
        PepBinding binding = factory.create(new PepWiring(context, service, settings, hostDomain, rosters,
                presences, privileged, grants));
        events.bind(binding.events());
        DelegatedIqs delegated = new DelegatedIqs(hostDomain, binding.iqHandler(), replyFirst);
        core.router()
                .onIq(IQ.Type.set, PrivilegeNs.DELEGATION_1, "delegation", delegated)
                .onIq(IQ.Type.set, PrivilegeNs.DELEGATION_2, "delegation", delegated)
                .onIq(IQ.Type.set, PrivilegeNs.ROSTER, "query", rosters);
        core.disco().addInfoProvider(new DelegationDisco(core.disco(), binding::features));
        return new PepFront(core, grants, presences, rosters);
    }
}
