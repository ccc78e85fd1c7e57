package org.xcs.common.testing;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import org.xcs.common.component.PacketHandler;
import org.xcs.common.component.PacketSender;
import org.xmpp.packet.Packet;

/**
 * The host, in memory: clients' stanzas go to the component under test (one at a time, in order, like the
 * transport's dispatch thread) and the component's stanzas land in one mailbox per recipient ({@code to} as
 * written), so each client sees its own stanzas in order, as over a real connection.
 */
public final class InMemoryRouter implements PacketSender {
    private final Map<String, ArrayDeque<Packet>> mailboxes = new LinkedHashMap<>();
    private PacketHandler component;

    /** Connects the component under test; it gets this router as its {@link PacketSender} before. */
    public synchronized void attach(PacketHandler component) {
        this.component = Objects.requireNonNull(component);
    }

    /** From the component: queue for the recipient. */
    @Override
    public synchronized void send(Packet packet) {
        mailboxes.computeIfAbsent(recipient(packet), k -> new ArrayDeque<>()).add(packet.createCopy());
        notifyAll();
    }

    /** To the component, as if a client's stanza arrived through the host. */
    public void deliver(Packet packet) {
        PacketHandler target;
        synchronized (this) {
            target = component;
        }
        if (target == null) {
            throw new IllegalStateException("no component attached");
        }
        synchronized (target) {
            target.handle(packet);
        }
    }

    /** The next stanza sent to {@code to}, or null if none arrives within {@code timeout}. */
    public synchronized Packet receive(String to, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            ArrayDeque<Packet> box = mailboxes.get(to);
            if (box != null && !box.isEmpty()) {
                return box.poll();
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }

    /** Stanzas sent but not received by any test step, by recipient. */
    public synchronized Map<String, List<Packet>> unreceived() {
        Map<String, List<Packet>> left = new LinkedHashMap<>();
        mailboxes.forEach((to, box) -> {
            if (!box.isEmpty()) {
                left.put(to, List.copyOf(box));
            }
        });
        return left;
    }

    public Client client(String jid) {
        return new Client(jid);
    }

    static String recipient(Packet packet) {
        String to = packet.getElement().attributeValue("to");
        return to == null ? "" : to;
    }

    /** A named test client: sends as its JID (when the stanza names no sender) and reads its own mailbox. */
    public final class Client {
        private final String jid;

        private Client(String jid) {
            this.jid = jid;
        }

        public String jid() {
            return jid;
        }

        public void send(String stanzaXml) {
            Packet packet = TestStanzas.parse(stanzaXml);
            if (packet.getFrom() == null) {
                packet.setFrom(jid);
            }
            deliver(packet);
        }

        /** Fails unless the next stanza for this client arrives within 5 s and matches {@code expectedXml}. */
        public Packet expect(String expectedXml) {
            Packet packet = receive(jid, Duration.ofSeconds(5));
            if (packet == null) {
                return org.junit.jupiter.api.Assertions.fail(jid + " received nothing; expected\n" + expectedXml);
            }
            XmlAssert.assertXmlMatches(expectedXml, packet);
            return packet;
        }
    }
}
