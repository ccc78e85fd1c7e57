package org.xcs.common.launch;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xcs.common.component.ComponentCore;
import org.xcs.common.concurrent.KeyedSerialExecutor;
import org.xcs.common.disco.DiscoInfoHandler;
import org.xcs.common.disco.DiscoItemsHandler;
import org.xcs.common.disco.DiscoRegistry;
import org.xcs.common.disco.Identity;
import org.xcs.common.router.StanzaRouter;
import org.xcs.common.service.PingHandler;
import org.xcs.common.service.TimeHandler;
import org.xcs.common.service.VersionHandler;
import org.xcs.common.stanza.Namespaces;
import org.xcs.common.stanza.rsm.Pager;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Packet;

/**
 * The skeleton every component shares: a router over per-entity serial queues, and the service-level IQs every
 * XMPP entity should answer (XEP-0030 disco#info/items, XEP-0199 ping, XEP-0092 version, XEP-0202 time). A component
 * adds its identity, its features and its own handlers through {@link #router()} and {@link #disco()}.
 */
public final class ServiceCore implements ComponentCore {

    private static final Logger log = LoggerFactory.getLogger(ServiceCore.class);

    /** Threads shared by all entities' queues; entities run in parallel up to this. */
    public static final int DEFAULT_THREADS = Math.max(4, Runtime.getRuntime().availableProcessors() * 2);
    /** One entity's backlog before it answers resource-constraint: a room flooded beyond this is shed. */
    public static final int DEFAULT_QUEUE_PER_ENTITY = 1_000;
    /** All entities' backlog together. */
    public static final int DEFAULT_QUEUE_TOTAL = 50_000;
    /** The largest page a disco#items request gets (XEP-0059 lets the service cap it). */
    private static final int DISCO_ITEMS_PAGE_CAP = 100;
    /**
     * The most items a disco#items request without {@code <set/>} gets: 1,000 room items of ~150 bytes stay far
     * below the 512 KiB a host (Prosody's component_stanza_size_limit) accepts in one stanza.
     */
    private static final int DISCO_ITEMS_UNREQUESTED_LIMIT = 1_000;

    private final StanzaRouter router;
    private final DiscoRegistry disco;
    private final List<AutoCloseable> closeOnDrain = new CopyOnWriteArrayList<>();

    public ServiceCore(ComponentContext context, String softwareName, Identity identity) {
        this(context, softwareName, identity, new KeyedSerialExecutor(context.domain().toBareJID(),
                DEFAULT_THREADS, DEFAULT_QUEUE_PER_ENTITY, DEFAULT_QUEUE_TOTAL));
    }

    public ServiceCore(ComponentContext context, String softwareName, Identity identity,
                       KeyedSerialExecutor executor) {
        this(context, softwareName, identity, executor, StanzaRouter.BARE_TO);
    }

    /**
     * With a custom entity key: a component whose entities are not JIDs (e.g. pubsub nodes, all at the service's
     * JID) serialises per entity by a key it reads from the stanza.
     */
    public ServiceCore(ComponentContext context, String softwareName, Identity identity,
                       KeyedSerialExecutor executor, Function<Packet, String> keyFunction) {
        this.router = new StanzaRouter(context.sender(), executor, keyFunction);
        this.disco = new DiscoRegistry(context.domain()).addIdentity(identity);
        PingHandler ping = new PingHandler();
        VersionHandler version = new VersionHandler(softwareName, context.version());
        TimeHandler time = new TimeHandler(context.clock(), ZoneId.systemDefault());
        DiscoItemsHandler items = new DiscoItemsHandler(disco, new Pager(DISCO_ITEMS_PAGE_CAP),
                DISCO_ITEMS_UNREQUESTED_LIMIT);
        disco.add(items, ping, version, time);
        router.onIq(IQ.Type.get, Namespaces.DISCO_INFO, new DiscoInfoHandler(disco))
                .onIq(IQ.Type.get, Namespaces.DISCO_ITEMS, items)
                .onIq(IQ.Type.get, Namespaces.PING, ping)
                .onIq(IQ.Type.get, Namespaces.VERSION, version)
                .onIq(IQ.Type.get, Namespaces.TIME, time);
    }

    public StanzaRouter router() {
        return router;
    }

    public DiscoRegistry disco() {
        return disco;
    }

    @Override
    public void handle(Packet packet) {
        router.handle(packet);
    }

    /**
     * Closes {@code resource} when the component drains, before the queued stanzas are finished: listeners and
     * timers that feed new work stop first. Resources close in registration order; one failing does not stop the
     * others.
     */
    public ServiceCore closeOnDrain(AutoCloseable resource) {
        closeOnDrain.add(resource);
        return this;
    }

    @Override
    public void drain(Duration timeout) {
        for (AutoCloseable resource : closeOnDrain) {
            try {
                resource.close();
            } catch (Exception e) {
                log.warn("closing {} on drain failed", resource, e);
            }
        }
        router.drain(timeout);
    }
}
