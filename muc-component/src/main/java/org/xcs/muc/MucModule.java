package org.xcs.muc;

import java.util.Set;
import org.xcs.common.component.ComponentCore;
import org.xcs.common.component.RuntimeSettings;
import org.xcs.common.disco.Identity;
import org.xcs.common.launch.ComponentContext;
import org.xcs.common.launch.ComponentModule;
import org.xcs.common.launch.ServiceCore;
import org.xcs.common.stanza.sid.RandomIdGenerator;
import org.xcs.muc.admin.Administration;
import org.xcs.muc.discovery.Discovery;
import org.xcs.muc.messaging.Messaging;
import org.xcs.muc.occupancy.Occupancy;
import org.xcs.muc.owner.Ownership;
import org.xcs.muc.service.CreationPolicy;
import org.xcs.muc.service.MucSettings;
import org.xcs.muc.service.Rooms;
import org.xcs.muc.store.RoomStore;
import org.xcs.muc.store.StoreRoomStore;

/** Builds the MUC component: the shared service skeleton plus each XEP-0045 feature area. */
public final class MucModule implements ComponentModule {

    static final int SCHEMA_VERSION = 1;

    private final MucSettings settings;

    public MucModule() {
        this(null);
    }

    /** {@code settings} null: defaults derived from the component's domain (see {@link #defaults}). */
    public MucModule(MucSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "muc";
    }

    @Override
    public int schemaVersion() {
        return SCHEMA_VERSION;
    }

    /**
     * The parent domain when its users are local (the default), else the first --host-domain: room messages to that
     * domain's users go through its host's multicast service.
     */
    @Override
    public String usersDomain(String componentDomain) {
        String parent = RuntimeSettings.parentDomainOf(componentDomain);
        if (settings == null || settings.hostDomains().isEmpty() || settings.hostDomains().contains(parent)) {
            return parent;
        }
        return settings.hostDomains().iterator().next();
    }

    @Override
    public ComponentCore create(ComponentContext context) {
        // XEP-0030 §3: the identity clients look for when they discover a MUC service (XEP-0045 §6.1).
        ServiceCore core = new ServiceCore(context, "xcs-muc", new Identity("conference", "text", "Chatrooms"));
        MucSettings effective = settings != null ? settings : defaults(context.domain().getDomain());
        Rooms rooms = new Rooms(roomStore(context));
        MucContext muc = new MucContext(context.domain(), core.router(), core.disco(), rooms, effective,
                context.sender(), context.clock(), new RandomIdGenerator());
        Occupancy.install(muc);
        Messaging.install(muc);
        Administration.install(muc);
        Ownership.install(muc);
        Discovery.install(muc);
        return core;
    }

    /** Rooms live in the component's store (the launcher's FileStore; tests pass an InMemoryStore). */
    private static RoomStore roomStore(ComponentContext context) {
        return new StoreRoomStore(context.store());
    }

    /**
     * For tests and embedding: anyone may create rooms, the parent domain's users are local, no service admins.
     * The command line ({@link Main}) defaults to {@code --room-creation=local} instead.
     */
    public static MucSettings defaults(String serviceDomain) {
        return new MucSettings(CreationPolicy.ANYONE, Set.of(RuntimeSettings.parentDomainOf(serviceDomain)), Set.of(),
                100, 64 * 1024);
    }
}
