package org.xcs.common.multicast;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.dom4j.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xcs.common.component.PacketSender;
import org.xcs.common.router.IqTracker;
import org.xcs.common.stanza.Namespaces;
import org.xcs.common.stanza.form.Form;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;

/**
 * Finds the host's multicast service after every connect (XEP-0033 §2: the server itself if it has the feature,
 * else one of its disco items with the identity service/multicast), then proves it will take our stanzas before
 * {@link MulticastSender} uses it: a probe message goes through the service addressed (bcc) to our own domain, and
 * only its return turns multicast on. A service that refuses a component (an access rule, a relay policy) is thus
 * found out by the probe, not by losing a room's message. Until then, and on hosts without a service (Prosody),
 * every stanza goes out one per recipient.
 */
final class MulticastDiscovery {

    private static final Logger log = LoggerFactory.getLogger(MulticastDiscovery.class);

    static final Duration TIMEOUT = Duration.ofSeconds(10);
    /**
     * Addresses per stanza when the service names no limit. ejabberd's mod_multicast takes 20 from a sender outside
     * its own virtual hosts (a component is one) unless configured otherwise, and then names the limit in its
     * disco#info form.
     */
    static final int DEFAULT_LIMIT = 20;
    /** However many the service allows: a multicast stanza stays a few KiB, as large as a client's message. */
    static final int MAX_LIMIT = 100;

    /** A search that found nothing is made again this long after (a host still starting its modules, an admin
     * loading one later), doubling up to {@link #MAX_RETRY}. */
    static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    static final Duration MAX_RETRY = Duration.ofMinutes(10);

    private final JID self;
    private final JID host;
    private final MulticastSender multicast;
    private final LongSupplier nanoTime;
    private volatile boolean retryPending;
    private volatile long retryAt;
    private volatile Duration retryDelay = FIRST_RETRY;
    private final String probePrefix = "xcs-mc-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    private final AtomicLong probes = new AtomicLong();
    private volatile Round round;

    /** One connection's search: replies and probes of an earlier connection no longer count. */
    private static final class Round {
        final IqTracker iqs;
        final PacketSender out;
        final Map<String, MulticastTarget> probes = new ConcurrentHashMap<>();
        final AtomicInteger open = new AtomicInteger();
        final AtomicBoolean settled = new AtomicBoolean();

        Round(PacketSender out) {
            this.out = out;
            this.iqs = new IqTracker(out);
        }
    }

    MulticastDiscovery(JID self, JID host, MulticastSender multicast, LongSupplier nanoTime) {
        this.self = self;
        this.host = host;
        this.multicast = multicast;
        this.nanoTime = nanoTime;
    }

    /** A new connection: straight again until this connection's search proves a service. */
    void start(PacketSender out) {
        retryDelay = FIRST_RETRY;
        search(out);
    }

    /** Searches again if the last search found nothing and its retry is due; cheap enough for every stanza. */
    void retryIfDue() {
        Round r = round;
        if (retryPending && r != null && nanoTime.getAsLong() - retryAt >= 0) {
            synchronized (this) {
                if (retryPending && round == r) {
                    search(r.out);
                }
            }
        }
    }

    private void search(PacketSender out) {
        multicast.use(null);
        retryPending = false;
        Round r = new Round(out);
        round = r;
        r.open.incrementAndGet(); // the items request: counted first, so no reply can close the search before it
        query(r, host); // §2.1
        r.iqs.send(request(host, Namespaces.DISCO_ITEMS), TIMEOUT).whenComplete((reply, failure) -> {
            if (reply != null && reply.getType() == IQ.Type.result && reply.getChildElement() != null) {
                for (Element item : reply.getChildElement().elements("item")) {
                    JID jid = jid(item.attributeValue("jid"));
                    // §2.2; our own domain cannot be the host's service, and an item with a node is not a service
                    if (jid != null && item.attributeValue("node") == null && !jid.equals(self)
                            && !jid.equals(host)) {
                        query(r, jid);
                    }
                }
            }
            closed(r);
        });
    }

    private void query(Round r, JID jid) {
        r.open.incrementAndGet();
        r.iqs.send(request(jid, Namespaces.DISCO_INFO), TIMEOUT).whenComplete((reply, failure) -> {
            if (reply != null && reply.getType() == IQ.Type.result && reply.getChildElement() != null) {
                OptionalInt limit = limitOf(reply.getChildElement(), jid.equals(host));
                if (limit.isPresent()) {
                    probe(r, new MulticastTarget(jid, host.getDomain(), limit.getAsInt(),
                            takesLines(reply.getChildElement())));
                }
            }
            closed(r);
        });
    }

    /**
     * Whether {@code info} names a multicast service (the address feature, and for an item also the identity
     * service/multicast), with the addresses it takes per stanza: the smaller of its message and presence limits
     * if its form names them, {@link #DEFAULT_LIMIT} if not, never above {@link #MAX_LIMIT}.
     */
    static OptionalInt limitOf(Element info, boolean isHost) {
        boolean feature = hasFeature(info, MulticastSender.NAMESPACE);
        boolean identity = false;
        for (Element i : info.elements("identity")) {
            identity |= "service".equals(i.attributeValue("category")) && "multicast".equals(i.attributeValue("type"));
        }
        if (!feature || !(identity || isHost)) {
            return OptionalInt.empty();
        }
        int limit = Integer.MAX_VALUE;
        boolean named = false;
        for (Element x : Form.elementsIn(info)) {
            Form form;
            try {
                form = Form.parse(x);
            } catch (RuntimeException malformed) {
                continue;
            }
            if (!MulticastSender.NAMESPACE.equals(form.formType().orElse(null))) {
                continue;
            }
            for (String var : new String[] {"message", "presence"}) {
                String value = form.field(var).flatMap(f -> f.firstValue()).orElse(null);
                if (value != null) {
                    named = true;
                    limit = Math.min(limit, parseLimit(value));
                }
            }
        }
        return OptionalInt.of(Math.max(1, Math.min(MAX_LIMIT, named ? limit : DEFAULT_LIMIT)));
    }

    /** Whether the service also takes our bcc list as lines of text ({@link MulticastSender#LINES}). */
    static boolean takesLines(Element info) {
        return hasFeature(info, MulticastSender.LINES);
    }

    private static boolean hasFeature(Element info, String var) {
        for (Element f : info.elements("feature")) {
            if (var.equals(f.attributeValue("var"))) {
                return true;
            }
        }
        return false;
    }

    /** A number, or a word such as ejabberd's "infinite" for no limit. */
    private static int parseLimit(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException notANumber) {
            return Integer.MAX_VALUE;
        }
    }

    /**
     * A headline through the service, bcc to our own domain, its list in the form we will use: it comes back to us
     * only if the service took it.
     */
    private void probe(Round r, MulticastTarget target) {
        if (r != round || r.settled.get()) {
            return;
        }
        String id = probePrefix + probes.incrementAndGet();
        r.probes.put(id, target);
        r.open.incrementAndGet();
        Message probe = new Message();
        probe.setType(Message.Type.headline);
        probe.setID(id);
        probe.setFrom(self);
        probe.setTo(target.service());
        MulticastSender.addBcc(probe.getElement(), List.of(self), target.lines());
        r.out.send(probe);
    }

    /** Whether {@code packet} is the search's own (a disco reply, a probe back or refused): the core never sees it. */
    boolean handle(Packet packet) {
        Round r = round;
        if (r == null) {
            return false;
        }
        if (packet instanceof IQ iq) {
            return iq.isResponse() && r.iqs.matches(iq);
        }
        if (!(packet instanceof Message m) || m.getID() == null || !m.getID().startsWith(probePrefix)) {
            return false;
        }
        MulticastTarget target = r.probes.remove(m.getID());
        if (target == null) {
            return true; // an earlier connection's probe
        }
        if (m.getType() == Message.Type.error) {
            log.warn("{}: the host's multicast service {} refused our probe ({}): one stanza per recipient",
                    self, target.service(), m.getError() == null ? "no condition" : m.getError().getCondition());
        } else if (self.equals(m.getFrom()) && r.settled.compareAndSet(false, true)) {
            multicast.use(target);
            log.info("{}: sending fan-outs to {} users through the host's multicast service {} (XEP-0033{}, up to"
                    + " {} addresses per stanza)", self, target.hostDomain(), target.service(),
                    target.lines() ? ", the list as lines of text" : "", target.limit());
        }
        closed(r);
        return true;
    }

    private void closed(Round r) {
        if (r.open.decrementAndGet() == 0 && r.settled.compareAndSet(false, true)) {
            Duration delay = retryDelay;
            retryDelay = delay.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : delay.multipliedBy(2);
            retryAt = nanoTime.getAsLong() + delay.toNanos();
            retryPending = r == round;
            log.info("{}: no XEP-0033 multicast service found on {}: one stanza per recipient; searching again in"
                    + " {} s", self, host, delay.toSeconds());
        }
    }

    private IQ request(JID to, String namespace) {
        IQ iq = new IQ(IQ.Type.get);
        iq.setFrom(self);
        iq.setTo(to);
        iq.setChildElement("query", namespace);
        return iq;
    }

    private static JID jid(String value) {
        if (value == null) {
            return null;
        }
        try {
            return new JID(value);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }
}
