package org.xcs.common.multicast;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.dom4j.Element;
import org.dom4j.QName;
import org.xcs.common.component.PacketSender;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;
import org.xmpp.packet.Presence;

/**
 * Sends through the host's multicast service while one is known ({@link #use}), straight otherwise.
 *
 * <p>Every message and presence to a user of the service's domain goes through the service, alone or with the
 * stanzas around it that differ only in {@code to}: a host that routes the service's stanzas on another path than
 * ours (ejabberd: one more process) would otherwise let a later direct stanza overtake an earlier multicast one,
 * and a room's order is per recipient (XEP-0045 §7.4). IQs go straight: they are not multicast (XEP-0033 §5), and
 * the one ordering we owe them (a reply before what it causes) holds since the direct path is never the slower.
 */
public final class MulticastSender implements PacketSender {

    public static final String NAMESPACE = "http://jabber.org/protocol/address";
    private static final QName ADDRESSES = QName.get("addresses", NAMESPACE);
    /**
     * Our own form of a bcc list, for our Prosody module (mod_xcs_multicast) when its disco#info names this
     * feature: {@code <bcc xmlns='urn:xcs:multicast:lines:0'>} holding the JIDs one per line. Prosody parses one
     * text node for 20 addresses in about a third of the time it takes for 20 elements (BENCHMARKS.md). A JID holds
     * no line feed (RFC 7622 forbids control characters), so the list splits exactly.
     */
    public static final String LINES = "urn:xcs:multicast:lines:0";
    private static final QName BCC_LINES = QName.get("bcc", LINES);

    /**
     * How many multicast stanzas are remembered, to send one again one per recipient should the service refuse it
     * (XEP-0033 §8): at 2,000 stanzas/s the last half second, far longer than a refusal takes to come back
     * (ejabberd refuses in the service's process, before any delivery). Only each stanza's type is kept: the
     * service returns the stanza whole with the error, everything but its type.
     */
    static final int KEPT = 1024;

    private final PacketSender next;
    private volatile MulticastTarget target;
    private final Map<String, String> keptTypes = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > KEPT;
        }
    };
    private final AtomicLong stanzas = new AtomicLong();
    private final AtomicLong addresses = new AtomicLong();

    public MulticastSender(PacketSender next) {
        this.next = next;
    }

    /** From now on, through {@code target}; {@code null}: straight again. */
    public void use(MulticastTarget target) {
        this.target = target;
    }

    public MulticastTarget target() {
        return target;
    }

    /** Multicast stanzas sent, and the addresses they carried: their ratio is the host's saving. */
    public long stanzas() {
        return stanzas.get();
    }

    public long addresses() {
        return addresses.get();
    }

    @Override
    public void send(Packet packet) {
        MulticastTarget t = target;
        if (t == null || !eligible(packet, t)) {
            next.send(packet);
            return;
        }
        next.send(wrap(packet, List.of(packet.getTo()), t));
    }

    @Override
    public void sendAll(List<? extends Packet> packets) {
        MulticastTarget t = target;
        if (t == null) {
            next.sendAll(packets);
            return;
        }
        List<Packet> out = new ArrayList<>();
        int n = packets.size();
        int i = 0;
        while (i < n) {
            Packet first = packets.get(i);
            i++;
            if (!eligible(first, t)) {
                out.add(first);
                continue;
            }
            List<JID> to = new ArrayList<>();
            to.add(first.getTo());
            // XEP-0033 §3: one stanza, many addressees; only neighbours, so no recipient's order changes.
            while (i < n && to.size() < t.limit() && eligible(packets.get(i), t)
                    && SameStanza.exceptTo(first.getElement(), packets.get(i).getElement())) {
                to.add(packets.get(i).getTo());
                i++;
            }
            out.add(wrap(first, to, t));
        }
        next.sendAll(out);
    }

    @Override
    public void sendToEach(Packet stanza, List<JID> recipients) {
        MulticastTarget t = target;
        if (t == null || !eligibleContent(stanza)) {
            next.sendToEach(stanza, recipients);
            return;
        }
        List<Packet> out = new ArrayList<>();
        List<JID> chunk = new ArrayList<>();
        for (JID to : recipients) {
            if (eligibleRecipient(to, t)) {
                chunk.add(to);
                if (chunk.size() == t.limit()) {
                    out.add(wrap(stanza, chunk, t));
                    chunk.clear();
                }
                continue;
            }
            if (!chunk.isEmpty()) {
                out.add(wrap(stanza, chunk, t));
                chunk.clear();
            }
            Packet copy = stanza.createCopy();
            copy.setTo(to);
            out.add(copy);
        }
        if (!chunk.isEmpty()) {
            out.add(wrap(stanza, chunk, t));
        }
        next.sendAll(out);
    }

    /**
     * A message or presence to a user of the service's domain, not already addressed by XEP-0033: a payload of a
     * client's (a room passes payloads through) must never choose the service's recipients.
     */
    static boolean eligible(Packet packet, MulticastTarget t) {
        return eligibleContent(packet) && eligibleRecipient(packet.getTo(), t);
    }

    private static boolean eligibleContent(Packet packet) {
        return (packet instanceof Message || packet instanceof Presence)
                && packet.getElement().element(ADDRESSES) == null && packet.getElement().element(BCC_LINES) == null;
    }

    private static boolean eligibleRecipient(JID to, MulticastTarget t) {
        return to != null && to.getNode() != null && t.hostDomain().equals(to.getDomain());
    }

    // XEP-0033 §4.6.3: bcc, so the service strips the list and each user gets the stanza as if sent to them alone.
    private Packet wrap(Packet first, List<JID> recipients, MulticastTarget t) {
        Packet out = first.createCopy();
        out.setTo(t.service());
        addBcc(out.getElement(), recipients, t.lines());
        stanzas.incrementAndGet();
        addresses.addAndGet(recipients.size());
        synchronized (keptTypes) {
            keptTypes.put(key(out.getID(), out.getFrom(), recipients.get(0).toString()),
                    first.getElement().attributeValue("type", ""));
        }
        return out;
    }

    /** Adds the bcc list to {@code stanza}: XEP-0033's elements, or our lines when {@code lines}. */
    static void addBcc(Element stanza, List<JID> recipients, boolean lines) {
        if (lines) {
            StringBuilder text = new StringBuilder(recipients.size() * 40);
            for (JID jid : recipients) {
                text.append(jid).append('\n');
            }
            stanza.addElement(BCC_LINES).setText(text.toString());
            return;
        }
        Element list = stanza.addElement(ADDRESSES);
        for (JID jid : recipients) {
            list.addElement("address", NAMESPACE).addAttribute("type", "bcc").addAttribute("jid", jid.toString());
        }
    }

    /** The JIDs of the bcc list {@code stanza} carries in either form, in order; empty if none. */
    static List<String> bccOf(Element stanza) {
        List<String> recipients = new ArrayList<>();
        Element lines = stanza.element(BCC_LINES);
        if (lines != null) {
            for (String line : lines.getText().split("\n")) {
                if (!line.isEmpty()) {
                    recipients.add(line);
                }
            }
        }
        Element list = stanza.element(ADDRESSES);
        if (list != null) {
            for (Element address : list.elements(QName.get("address", NAMESPACE))) {
                if (address.attributeValue("jid") != null) {
                    recipients.add(address.attributeValue("jid"));
                }
            }
        }
        return recipients;
    }

    /**
     * For a stanza the service sent back with an error (XEP-0033 §8): sends it again, one copy per address it
     * carries, straight, with the type it had. The service must return the stanza whole (ejabberd's mod_multicast
     * and our mod_xcs_multicast do). Returns how many copies went out, or -1 when the stanza is not one of the last
     * {@link #KEPT} sent or the error did not carry its addresses.
     */
    public int resendRefused(Packet refusal) {
        List<String> recipients = bccOf(refusal.getElement());
        if (recipients.isEmpty()) {
            return -1;
        }
        String type;
        synchronized (keptTypes) {
            type = keptTypes.remove(key(refusal.getID(), refusal.getTo(), recipients.get(0)));
        }
        if (type == null) {
            return -1;
        }
        Packet original = refusal.createCopy();
        Element element = original.getElement();
        for (QName list : new QName[] {ADDRESSES, BCC_LINES}) {
            Element present = element.element(list);
            if (present != null) {
                element.remove(present);
            }
        }
        Element error = element.element("error");
        if (error != null) {
            element.remove(error);
        }
        if (type.isEmpty()) {
            element.remove(element.attribute("type"));
        } else {
            element.addAttribute("type", type);
        }
        original.setFrom(refusal.getTo());
        List<JID> to = new ArrayList<>(recipients.size());
        recipients.forEach(jid -> to.add(new JID(jid)));
        next.sendToEach(original, to);
        return to.size();
    }

    // The service sends the error back from itself to our sender, with the stanza's id and its addresses.
    private static String key(String id, JID from, String firstRecipient) {
        return id + '\u0000' + from + '\u0000' + firstRecipient;
    }
}
