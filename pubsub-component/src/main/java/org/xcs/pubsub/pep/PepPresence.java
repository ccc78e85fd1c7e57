package org.xcs.pubsub.pep;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.xcs.common.component.PacketSender;
import org.xcs.pubsub.service.Notification;
import org.xcs.pubsub.service.PubSubService;
import org.xmpp.packet.JID;

/**
 * XEP-0163 §4.3.4: a resource that becomes available gets the last item of each node it may see and wants
 * ({@code +notify}): its own account's nodes and those of every contact whose presence it receives. Explicit
 * subscriptions with {@code on_sub_and_presence} (XEP-0060 §6.1.7) are served on the same services. A contact that
 * newly receives an owner's presence is implicitly subscribed from then on (§4.3.2) and gets the owner's last items
 * the same way.
 */
final class PepPresence implements PepEvents {
    private final PepServices services;
    private final Rosters rosters;
    private final Presences presences;
    private final PacketSender out;

    PepPresence(PepServices services, Rosters rosters, Presences presences, PacketSender out) {
        this.services = services;
        this.rosters = rosters;
        this.presences = presences;
        this.out = out;
    }

    @Override
    public void resourceAvailable(String fullJid) {
        JID jid = new JID(fullJid);
        if (jid.getNode() == null || jid.getResource() == null) {
            return;
        }
        String user = jid.toBareJID();
        send(user, fullJid, true);
        for (RosterItem item : rosters.items(user)) {
            // RFC 6121 §2.1.2.5: "to" and "both" mean the user receives the contact's presence, hence its PEP.
            boolean receives = "to".equals(item.subscription()) || "both".equals(item.subscription());
            if (receives && !item.jid().equals(user) && new JID(item.jid()).getNode() != null) {
                RosterItem back = rosters.item(item.jid(), user);
                if (back == null || !back.receivesPresence()) {
                    // The two rosters disagree: the contact's cached one predates the subscription. Its re-read
                    // brings the last items through contactsGained.
                    rosters.refresh(item.jid());
                }
                send(item.jid(), fullJid, true);
            }
        }
    }

    @Override
    public void rosterChanged(String ownerBare) {
        // Nothing is cached: every access decision and audience reads the current roster.
    }

    @Override
    public void contactsGained(String ownerBare, Set<String> contactBares) {
        for (String contact : contactBares) {
            if (contact.equals(ownerBare)) {
                continue;
            }
            for (String full : presences.available(contact)) {
                // Explicit subscriptions do not depend on the roster: only the implicit ones are new.
                send(ownerBare, full, false);
            }
        }
    }

    private void send(String owner, String fullJid, boolean withExplicit) {
        PubSubService service = services.service(owner);
        List<Notification> last = new ArrayList<>(service.lastItemsFor(fullJid,
                node -> presences.wantsNotify(fullJid, node)));
        if (withExplicit) {
            Set<String> covered = new HashSet<>();
            last.forEach(n -> covered.add(n.event().node()));
            for (Notification n : service.lastPublishedOnPresence(fullJid)) {
                if (covered.add(n.event().node())) {
                    last.add(n);
                }
            }
        }
        if (!last.isEmpty()) {
            services.stanzas(owner, (request, work) -> work.run(), out).render(last).forEach(out::send);
        }
    }
}
