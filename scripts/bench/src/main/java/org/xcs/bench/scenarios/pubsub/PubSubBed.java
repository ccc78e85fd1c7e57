package org.xcs.bench.scenarios.pubsub;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.xcs.bench.client.XmppClient;
import org.xcs.bench.testbed.Testbed;

/**
 * A testbed set up for PubSub comparisons (the built-ins opened up, see {@link Testbed.Builder#openBuiltinPubSub()})
 * and the requests both scenarios need.
 */
final class PubSubBed {
    static final String NS = "http://jabber.org/protocol/pubsub";
    static final String RSM = "http://jabber.org/protocol/rsm";
    static final int MAX_ITEMS = Testbed.BUILTIN_PUBSUB_MAX_ITEMS;

    private PubSubBed() {
    }

    /** The bed options both PubSub scenarios ask for. */
    static Testbed.Builder options(Testbed.Builder builder) {
        return builder.openBuiltinPubSub();
    }

    /** XEP-0060 §8.1.2 create with configuration (§16.4 node_config form). */
    static void createNode(XmppClient owner, String service, String node, Map<String, String> config)
            throws Exception {
        StringBuilder form = new StringBuilder("<configure><x xmlns='jabber:x:data' type='submit'>"
                + "<field var='FORM_TYPE' type='hidden'><value>" + NS + "#node_config</value></field>");
        config.forEach((k, v) -> form.append("<field var='").append(k).append("'><value>").append(v)
                .append("</value></field>"));
        form.append("</x></configure>");
        requireResult(request(owner, "<iq type='set' to='" + service + "' id='create-" + node + "'><pubsub xmlns='"
                + NS + "'><create node='" + node + "'/>" + form + "</pubsub></iq>", "create-" + node), "create " + node);
    }

    static Map<String, String> nodeConfig(boolean persist, int maxItems) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("pubsub#persist_items", persist ? "1" : "0");
        c.put("pubsub#max_items", Integer.toString(maxItems));
        c.put("pubsub#access_model", "open");
        return c;
    }

    /** §6.1 subscribe with the full JID, so each notification goes to that very session. */
    static void subscribeAll(List<XmppClient> subscribers, String service, String node) throws Exception {
        List<CompletableFuture<String>> replies = new ArrayList<>();
        for (XmppClient s : subscribers) {
            String id = "sub-" + node + "-" + s.index();
            replies.add(s.sendExpect("<iq type='set' to='" + service + "' id='" + id + "'><pubsub xmlns='" + NS
                    + "'><subscribe node='" + node + "' jid='" + s.jid() + "'/></pubsub></iq>", replyPattern(id)));
        }
        for (CompletableFuture<String> r : replies) {
            requireResult(lastIq(r.get(60, TimeUnit.SECONDS)), "subscribe to " + node);
        }
    }

    static Pattern replyPattern(String id) {
        return Pattern.compile("<iq\\b[^>]*\\bid=['\"]" + Pattern.quote(id) + "['\"][^>]*>");
    }

    /** Sends an IQ and returns its reply's start tag and what followed up to it (bounded wait). */
    static String request(XmppClient client, String xml, String id) throws Exception {
        return lastIq(client.sendExpect(xml, replyPattern(id)).get(60, TimeUnit.SECONDS));
    }

    /** Text from the last {@code <iq} start tag on (the awaited reply's start). */
    static String lastIq(String text) {
        int at = text.lastIndexOf("<iq");
        return at < 0 ? text : text.substring(at);
    }

    static boolean isResult(String startTag) {
        Matcher m = Pattern.compile("\\btype=['\"](\\w+)['\"]").matcher(startTag);
        return m.find() && m.group(1).equals("result");
    }

    static void requireResult(String reply, String what) {
        if (!isResult(reply)) {
            throw new IllegalStateException(what + " refused: " + reply.substring(0, Math.min(400, reply.length())));
        }
    }

    static Duration fillCap(boolean smoke) {
        return smoke ? Duration.ofSeconds(10) : Duration.ofSeconds(40);
    }
}
