package org.xcs.bench.scenarios.pubsub;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.xcs.bench.BenchSettings;
import org.xcs.bench.Scenario;
import org.xcs.bench.client.ClientEngine;
import org.xcs.bench.client.XmppClient;
import org.xcs.bench.report.Figure;
import org.xcs.bench.report.Results;
import org.xcs.bench.testbed.Testbed;
import org.xcs.bench.testbed.RunningComponent;
import org.xcs.bench.testbed.Testbeds;

/**
 * Issue 6 scenario 6: a node holding 100,000 items, then the time from request to complete reply of
 * <ul>
 * <li>an RSM page of 50 (XEP-0060 §6.5.4 with XEP-0059 {@code <set><max>50</max></set>});</li>
 * <li>{@code max_items='50'} (§6.5.7, the newest 50; what Prosody 0.12 offers, it ignores RSM);</li>
 * <li>{@code max_items='10000'} (the ejabberd anchor "fetching 10,000 items").</li>
 * </ul>
 * Filling: ours takes §12.10-style batches (500 items per publish, one store transaction each); the built-ins take
 * single-item publishes pipelined 100 deep. A fill that would not finish in the time cap stops early and the count
 * reached is reported with the figures.
 */
public final class ItemPages implements Scenario {
    private static final int OUR_BATCH = 500;
    private static final int WINDOW = 100;

    @Override
    public String id() {
        return "pubsub-100k-items";
    }

    @Override
    public String title() {
        return "PubSub node with 100,000 items: RSM page of 50, max_items 50 and 10,000 (median request time)";
    }

    @Override
    public void run(BenchSettings settings, Results results) throws Exception {
        // Smoke: just over one page of 50, so that the RSM page is a real page. Prosody's built-in took 15 s for
        // 285 items.
        int target = settings.smoke() ? 60 : 100_000;
        int requests = settings.smoke() ? 5 : 40;
        settings.forEachHost(kind -> {
            try (Testbeds.Lease lease = settings.testbeds().lease(kind, settings.workDir().resolve("pubsub-items-" + kind),
                    PubSubBed::options)) {
                Testbed bed = lease.bed();
                for (boolean ours : List.of(false, true)) {
                    RunningComponent process = ours ? lease.ourPubSub() : null;
                    String service = ours ? Testbed.OUR_PUBSUB : Testbed.BUILTIN_PUBSUB;
                    String label = ours ? "xcs pubsub" : kind + " built-in";
                    String anchor = ours ? kind + " built-in" : null;
                    try (ClientEngine engine = new ClientEngine(1)) {
                        XmppClient client = engine.loginAll(bed.login(), 1, 1, Duration.ofSeconds(30)).get(0);
                        PubSubBed.createNode(client, service, "big", PubSubBed.nodeConfig(true, PubSubBed.MAX_ITEMS));
                        long t0 = System.nanoTime();
                        int filled = fill(client, service, target, ours ? OUR_BATCH : 1, PubSubBed.fillCap(settings.smoke()));
                        double fillSeconds = (System.nanoTime() - t0) / 1e9;
                        String items = String.format("%,d items filled in %.0f s", filled, fillSeconds);
                        System.out.println("  " + label + ": " + items);
                        String base = "<iq type='get' to='" + service + "' id='ID'><pubsub xmlns='" + PubSubBed.NS + "'>";
                        if (!(kind.equals("prosody") && !ours)) {
                            add(results, kind, label, anchor, "RSM page of 50", items, time(client, base
                                    + "<items node='big'/><set xmlns='" + PubSubBed.RSM + "'><max>50</max></set></pubsub></iq>",
                                    requests));
                        }
                        add(results, kind, label, anchor, "max_items=50", items,
                                time(client, base + "<items node='big' max_items='50'/></pubsub></iq>", requests));
                        add(results, kind, label, anchor, "max_items=10000", items,
                                time(client, base + "<items node='big' max_items='10000'/></pubsub></iq>",
                                        Math.max(3, requests / 8)));
                    } finally {
                        if (process != null) {
                            lease.release(process);
                        }
                    }
                }
            }
        });
    }

    private void add(Results results, String kind, String label, String anchor, String query, String items,
                     Timing t) {
        if (t.millis.isEmpty()) {
            System.out.println("  " + label + " " + query + ": no answer (" + t.note + ")");
            return;
        }
        results.add(new Figure(id(), kind, label, anchor, query + " median", "ms", false, List.of(median(t.millis)),
                items + "; " + t.note));
        results.add(new Figure(id(), kind, label, anchor, query + " max", "ms", false,
                List.of(Collections.max(t.millis)), null));
        if (query.startsWith("max_items=50")) {
            results.add(new Figure(id(), kind, label, anchor, "deliveries counted", "answers", true,
                    List.of((double) t.millis.size()), "timed answers to " + query));
        }
    }

    private record Timing(List<Double> millis, String note) {
    }

    /** Sequential requests; each timed from send to the end of its reply. */
    private static Timing time(XmppClient client, String template, int count) throws Exception {
        List<Double> millis = new ArrayList<>();
        int returned = -1;
        for (int i = 0; i < count; i++) {
            String id = "q" + System.nanoTime();
            long t0 = System.nanoTime();
            // The whole reply, however the host cuts it into reads (Prosody forwarded 103 KB as 64 KiB + 37 KB).
            CompletableFuture<String> reply = client.sendExpectIq(template.replace("'ID'", "'" + id + "'"), id);
            String text;
            try {
                text = reply.get(20, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                return new Timing(millis, "timed out after 20 s");
            }
            millis.add((System.nanoTime() - t0) / 1e6);
            String reply0 = PubSubBed.lastIq(text);
            if (!PubSubBed.isResult(reply0)) {
                return new Timing(List.of(), "refused: " + reply0.substring(0, Math.min(300, reply0.length())));
            }
            returned = count(reply0, "<item ");
        }
        return new Timing(millis, returned + " items per reply");
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            n++;
        }
        return n;
    }

    /**
     * Publishes {@code target} items, {@code batch} per publish, keeping up to {@link #WINDOW} publishes unanswered;
     * stops at {@code cap}. Returns the items acknowledged.
     */
    private static int fill(XmppClient client, String service, int target, int batch, Duration cap) throws Exception {
        long end = System.nanoTime() + cap.toNanos();
        int sent = 0;
        int acked = 0;
        List<CompletableFuture<String>> inFlight = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        int window = batch > 1 ? 4 : WINDOW;
        while (acked < target && System.nanoTime() < end) {
            while (sent < target && inFlight.size() < window) {
                int n = Math.min(batch, target - sent);
                StringBuilder xml = new StringBuilder("<iq type='set' to='" + service + "' id='f" + sent
                        + "'><pubsub xmlns='" + PubSubBed.NS + "'><publish node='big'>");
                for (int i = 0; i < n; i++) {
                    xml.append("<item id='i").append(sent + i).append("'><entry xmlns='urn:xcs:bench'>x</entry></item>");
                }
                xml.append("</publish></pubsub></iq>");
                inFlight.add(client.sendExpect(xml.toString(), PubSubBed.replyPattern("f" + sent)));
                sizes.add(n);
                sent += n;
            }
            String reply = PubSubBed.lastIq(inFlight.remove(0).get(120, TimeUnit.SECONDS));
            int n = sizes.remove(0);
            PubSubBed.requireResult(reply, "publish while filling");
            acked += n;
        }
        for (int i = 0; i < inFlight.size(); i++) {
            String reply = PubSubBed.lastIq(inFlight.get(i).get(120, TimeUnit.SECONDS));
            if (PubSubBed.isResult(reply)) {
                acked += sizes.get(i);
            }
        }
        return acked;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
