package org.xcs.pubsub.protocol;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.dom4j.io.XMLWriter;
import org.dom4j.io.XPPPacketReader;
import org.xcs.common.component.ComponentCore;
import org.xcs.common.launch.ComponentContext;
import org.xcs.common.store.FileStore;
import org.xcs.pubsub.PubSubModule;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Packet;

/**
 * Not a test: a manual probe of bench scenario 6 inside one JVM (run its main from the test classpath, with
 * -XX:+FlightRecorder to profile). A FileStore node of 100,000 items filled as the bench fills it (500 items per
 * publish), then RSM pages of 50 asked through the component's own entry point; each timed from handle() to its
 * reply written the way Whack writes it (dom4j XMLWriter over a buffered UTF-8 writer). Prints the medians of the
 * first 40 requests (what the bench sees of a freshly filled process) and of later rounds, with the process CPU
 * they took. Arguments: items (100000), rounds (10), query (rsm | after | max50), a data dir to keep (optional).
 */
public final class ItemPageProbe {
    private static final String SERVICE = "pubsub.example.test";
    private static final String USER = "owner@example.test/probe";
    private static final String NS = "http://jabber.org/protocol/pubsub";

    public static void main(String[] args) throws Exception {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        String query = args.length > 2 ? args[2] : "rsm";
        // A fourth argument names a data dir to keep: a second run over it skips the fill.
        Path dir = args.length > 3 ? Path.of(args[3]) : Files.createTempDirectory("xcs-item-page-probe");
        boolean filled = Files.exists(dir.resolve("pubsub.mapdb"));
        BlockingQueue<Packet> replies = new ArrayBlockingQueue<>(1024);
        Writer sink = new BufferedWriter(new OutputStreamWriter(OutputStream.nullOutputStream(), StandardCharsets.UTF_8));
        XMLWriter xml = new XMLWriter(sink);
        PubSubModule module = new PubSubModule();
        try (FileStore store = FileStore.open(dir, "pubsub", module.schemaVersion())) {
            ComponentCore core = module.create(new ComponentContext(new org.xmpp.packet.JID(SERVICE), p -> {
                try {
                    xml.write(p.getElement());
                    xml.flush();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                replies.add(p);
            }, store, Clock.systemUTC(), "probe"));
            if (!filled) {
                fill(core, replies, items);
            }
            String request = switch (query) {
                case "rsm" -> "<items node='big'/><set xmlns='http://jabber.org/protocol/rsm'><max>50</max></set>";
                case "after" -> "<items node='big'/><set xmlns='http://jabber.org/protocol/rsm'><max>50</max>"
                        + "<after>i50000</after></set>";
                case "max50" -> "<items node='big' max_items='50'/>";
                default -> throw new IllegalArgumentException(query);
            };
            com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            for (int r = 0; r < rounds; r++) {
                List<Double> ms = new ArrayList<>();
                long cpu0 = os.getProcessCpuTime();
                for (int i = 0; i < 40; i++) {
                    long s = System.nanoTime();
                    ask(core, replies, "<iq type='get' to='" + SERVICE + "' from='" + USER + "' id='q" + i
                            + "'><pubsub xmlns='" + NS + "'>" + request + "</pubsub></iq>");
                    ms.add((System.nanoTime() - s) / 1e6);
                }
                Collections.sort(ms);
                // Process CPU per request (JIT and GC included): steadier than wall time on a shared machine.
                System.out.printf("round %d: median %.3f ms, min %.3f, max %.3f; process CPU %.3f ms per request%n",
                        r, ms.get(20), ms.get(0), ms.get(39), (os.getProcessCpuTime() - cpu0) / 1e6 / 40);
            }
            core.drain(java.time.Duration.ofSeconds(5));
        }
    }

    /** Requests are read as Whack reads the stream (XPP3), not with JAXP, whose per-call lookup costs milliseconds. */
    private static final XPPPacketReader READER = new XPPPacketReader();

    private static Packet ask(ComponentCore core, BlockingQueue<Packet> replies, String stanza) throws Exception {
        core.handle(new IQ(READER.read(new java.io.StringReader(stanza)).getRootElement()));
        Packet reply = replies.poll(60, TimeUnit.SECONDS);
        if (reply == null || !"result".equals(reply.getElement().attributeValue("type"))) {
            throw new IllegalStateException("no result: " + (reply == null ? "timeout" : reply.toXML()));
        }
        return reply;
    }

    private static void fill(ComponentCore core, BlockingQueue<Packet> replies, int items) throws Exception {
        ask(core, replies, "<iq type='set' to='" + SERVICE + "' from='" + USER + "' id='c'><pubsub xmlns='" + NS
                + "'><create node='big'/><configure><x xmlns='jabber:x:data' type='submit'>"
                + "<field var='FORM_TYPE' type='hidden'><value>" + NS + "#node_config</value></field>"
                + "<field var='pubsub#persist_items'><value>1</value></field>"
                + "<field var='pubsub#max_items'><value>100000</value></field>"
                + "<field var='pubsub#access_model'><value>open</value></field></x></configure></pubsub></iq>");
        long t0 = System.nanoTime();
        for (int sent = 0; sent < items; sent += 500) {
            StringBuilder b = new StringBuilder("<iq type='set' to='" + SERVICE + "' from='" + USER + "' id='f"
                    + sent + "'><pubsub xmlns='" + NS + "'><publish node='big'>");
            for (int i = sent; i < Math.min(items, sent + 500); i++) {
                b.append("<item id='i").append(i).append("'><entry xmlns='urn:xcs:bench'>x</entry></item>");
            }
            ask(core, replies, b.append("</publish></pubsub></iq>").toString());
        }
        System.out.printf("filled %,d items in %.1f s%n", items, (System.nanoTime() - t0) / 1e9);
    }
}
