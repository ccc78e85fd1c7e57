package org.xcs.pubsub;

import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.function.Function;

import org.xcs.common.component.ComponentCore;
import org.xcs.common.component.PacketSender;
import org.xcs.common.concurrent.KeyedSerialExecutor;
import org.xcs.common.disco.Identity;
import org.xcs.common.component.RuntimeSettings;
import org.xcs.common.launch.ComponentContext;
import org.xcs.common.launch.ComponentModule;
import org.xcs.common.launch.ServiceCore;
import org.xcs.common.router.IqHandler;
import org.xcs.pubsub.pep.Pep;
import org.xcs.pubsub.pep.PepEvents;
import org.xcs.pubsub.pep.RosterContacts;
import org.xcs.pubsub.privilege.HostGrants;
import org.xcs.pubsub.privilege.PepBinding;
import org.xcs.pubsub.privilege.PepWiring;
import org.xcs.pubsub.privilege.PepLayer;
import org.xcs.pubsub.protocol.PubSubProtocol;
import org.xcs.pubsub.service.AccessModel;
import org.xcs.pubsub.service.Contacts;
import org.xcs.pubsub.service.CreationPolicy;
import org.xcs.pubsub.service.IdGenerator;
import org.xcs.pubsub.service.PresenceAudience;
import org.xcs.pubsub.service.PubSubService;
import org.xcs.pubsub.service.ServiceSettings;
import org.xcs.pubsub.store.CachingNodeStore;
import org.xcs.pubsub.store.NodeStore;
import org.xcs.pubsub.store.StoreNodeStore;
import org.xmpp.packet.Packet;

/** Builds the Publish-Subscribe component: store, core, stanza layer, item expiry. */
public final class PubSubModule implements ComponentModule {
    private static final Logger log = LoggerFactory.getLogger(PubSubModule.class);

    static final int SCHEMA_VERSION = 1;
    /** pubsub#item_expire is in seconds; a sweep a minute keeps expired items from lingering long. */
    static final Duration EXPIRY_INTERVAL = Duration.ofSeconds(60);

    private final PubSubOptions options;
    private final PepBinding.Factory pep;
    private final int maxStanzaBytes;

    public PubSubModule() {
        this(new PubSubOptions());
    }

    public PubSubModule(PubSubOptions options) {
        this(options, PubSubModule::pepCore);
    }

    /**
     * The PEP core over the privilege layer. Its notifications go out through the layer's privileged sender, which
     * already holds what a delegated request sends until that request's reply has left (XEP-0060 §7.1.2), so the
     * core may send them at once.
     */
    static PepBinding pepCore(PepWiring wiring) {
        Pep pep = new Pep(wiring.context().store(), wiring.rosters(), wiring.presences(), wiring.privileged(),
                (request, work) -> work.run(), wiring.context().clock());
        return new PepBinding() {
            @Override
            public IqHandler iqHandler() {
                return pep.iqHandler();
            }

            @Override
            public PepEvents events() {
                return pep.events();
            }
        };
    }

    /** With {@code pep} building the PEP core over the privilege layer (used when --pep is on). */
    public PubSubModule(PubSubOptions options, PepBinding.Factory pep) {
        this(options, pep, RuntimeSettings.DEFAULT_MAX_STANZA_BYTES);
    }

    /** With item lists kept within results of {@code maxStanzaBytes} (--max-stanza-size, XEP-0060 §6.5.4). */
    public PubSubModule(PubSubOptions options, PepBinding.Factory pep, int maxStanzaBytes) {
        this.options = options;
        this.pep = pep;
        this.maxStanzaBytes = maxStanzaBytes;
    }

    @Override
    public String name() {
        return "pubsub";
    }

    @Override
    public int schemaVersion() {
        return SCHEMA_VERSION;
    }

    /**
     * --host-domain, else the parent of the component's domain: notifications to its users go through its host's
     * multicast service.
     */
    @Override
    public String usersDomain(String componentDomain) {
        return options.hostDomain(componentDomain);
    }

    @Override
    public ComponentCore create(ComponentContext context) {
        PubSubProtocol protocol = new PubSubProtocol(context.sender());
        String domain = context.domain().toBareJID();
        // XEP-0163 via XEP-0355/0356: the users' bare JIDs are served on per-owner queues of the same router.
        PepLayer pepLayer = options.pepEnabled()
                ? new PepLayer(context.domain(), options.hostDomain(domain), protocol.sender()) : null;
        PacketSender routerSender = pepLayer != null ? pepLayer.routerSender() : protocol.sender();
        Function<Packet, String> routingKey = pepLayer != null
                ? pepLayer.routingKey(protocol.routingKey()) : protocol.routingKey();
        ComponentContext routed = new ComponentContext(context.domain(), routerSender, context.store(),
                context.clock(), context.version());
        KeyedSerialExecutor executor = new KeyedSerialExecutor(domain, ServiceCore.DEFAULT_THREADS,
                ServiceCore.DEFAULT_QUEUE_PER_ENTITY, ServiceCore.DEFAULT_QUEUE_TOTAL);
        ServiceCore core = new ServiceCore(routed, "xcs-pubsub",
                // XEP-0030 §3: the identity clients look for when they discover this kind of service.
                new Identity("pubsub", "service", "Publish-Subscribe"), executor, routingKey);
        ServiceSettings settings = options.settings().withMaxStanzaBytes(maxStanzaBytes);
        CreationPolicy creation = options.creationPolicy(domain);
        // XEP-0060 §4.5 presence and roster access need the node owner's roster: offered once the host lends it.
        Contacts contacts = Contacts.NONE;
        if (pepLayer != null) {
            settings = settings.withAccessModels(EnumSet.allOf(AccessModel.class));
            HostGrants grants = pepLayer.grants();
            contacts = new RosterContacts(pepLayer.rosters(), () -> grants.grants().canReadRosters());
        }
        // Every publish walks its node's subscriptions: keep them decoded in memory (PEP nodes have few, and their
        // services are made per request, so only the generic service's store caches).
        NodeStore nodes = new CachingNodeStore(new StoreNodeStore(context.store()));
        PubSubService service = new PubSubService(nodes, settings, creation,
                IdGenerator.random(), context.clock(), contacts, PresenceAudience.NONE);
        protocol.install(core, service, settings.accessModels());
        ScheduledExecutorService expiry = expirySweep(service, domain);
        core.closeOnDrain(expiry::shutdownNow);
        if (pepLayer == null) {
            return core;
        }
        return pepLayer.install(core, executor, routed, service, settings, pep);
    }

    /** The item-expiry sweep (XEP-0060 pubsub#item_expire), stopped when the component drains. */
    private static ScheduledExecutorService expirySweep(PubSubService service, String domain) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pubsub-expiry " + domain);
            t.setDaemon(true);
            return t;
        });
        long every = EXPIRY_INTERVAL.toSeconds();
        timer.scheduleWithFixedDelay(() -> {
            try {
                long removed = service.expireItems();
                if (removed > 0) {
                    log.debug("Expired {} items", removed);
                }
            } catch (RuntimeException e) {
                log.warn("Item expiry failed; retrying in {} s", every, e);
            }
        }, every, every, TimeUnit.SECONDS);
        return timer;
    }
}
