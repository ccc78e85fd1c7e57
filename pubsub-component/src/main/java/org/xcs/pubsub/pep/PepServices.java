package org.xcs.pubsub.pep;

import java.time.Clock;

import org.xcs.common.component.PacketSender;
import org.xcs.common.stanza.sid.RandomIdGenerator;
import org.xcs.pubsub.protocol.ReplyOrder;
import org.xcs.pubsub.protocol.ServiceStanzas;
import org.xcs.pubsub.service.IdGenerator;
import org.xcs.pubsub.service.PubSubService;
import org.xcs.pubsub.service.ServiceSettings;
import org.xcs.pubsub.store.PepNodeStores;
import org.xmpp.packet.JID;

/**
 * One virtual pubsub service per user (XEP-0163 §1), made on demand over the owner's slice of the shared PEP maps:
 * the objects are cheap and hold no state of their own, so nothing is cached and nothing goes stale when a roster
 * changes. Only the owner creates nodes (§3: "the account owner"), which makes the owner the only publisher.
 */
final class PepServices {
    private final PepNodeStores stores;
    private final ServiceSettings settings;
    private final RosterContacts contacts;
    private final Rosters rosters;
    private final Presences presences;
    private final Clock clock;
    private final IdGenerator itemIds = IdGenerator.random();
    private final org.xcs.common.stanza.sid.IdGenerator stanzaIds = new RandomIdGenerator();

    PepServices(PepNodeStores stores, ServiceSettings settings, Rosters rosters, Presences presences, Clock clock) {
        this.stores = stores;
        this.settings = settings;
        this.contacts = new RosterContacts(rosters, () -> true);
        this.rosters = rosters;
        this.presences = presences;
        this.clock = clock;
    }

    PubSubService service(String owner) {
        return new PubSubService(stores.forOwner(owner), settings, owner::equals, itemIds, clock, contacts,
                new PepAudience(owner, rosters, presences));
    }

    /** The stanza layer of {@code owner}'s service; notifications leave from the owner's bare JID. */
    ServiceStanzas stanzas(String owner, ReplyOrder order, PacketSender out) {
        return new ServiceStanzas(service(owner), new JID(owner), settings.accessModels(), stanzaIds, order, out);
    }
}
