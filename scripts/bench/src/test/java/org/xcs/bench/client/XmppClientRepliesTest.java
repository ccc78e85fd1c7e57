package org.xcs.bench.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The driver waits for whole IQ replies however they are cut into reads: a host forwards a large result (an items
 * list of 100 KB) in several TCP segments, and the wait must end when its closing tag arrives, not time out.
 */
class XmppClientRepliesTest {
    private static final String DOMAIN = "replies.test";

    @Test
    void aLargeReplyArrivingInSeveralReadsCompletesItsWait() throws Exception {
        String reply = itemsReply("q1", 1500);
        try (FakeServer server = new FakeServer(); ClientEngine engine = new ClientEngine(1)) {
            XmppClient client = engine.loginAll(Login.anonymous("127.0.0.1", server.port(), DOMAIN), 1, 1,
                    Duration.ofSeconds(10)).get(0);
            CompletableFuture<String> got = client.sendExpectIq(request("q1"), "q1");
            server.awaitRequest("q1");
            // Cut well past the start tag, as Prosody's writes were cut (8,192 + 22,515 and 65,536 + 37,551 bytes).
            server.sendInPieces(reply, 8192, 65_536);
            String text = got.get(10, TimeUnit.SECONDS);
            assertTrue(text.endsWith(reply), "the wait ended elsewhere than at the reply's end");
            assertEquals(1500, count(text, "<item "));
        }
    }

    @Test
    void aSelfClosedReplyAndTheRepliesAroundItAreEachMatchedToTheirOwnWait() throws Exception {
        try (FakeServer server = new FakeServer(); ClientEngine engine = new ClientEngine(1)) {
            XmppClient client = engine.loginAll(Login.anonymous("127.0.0.1", server.port(), DOMAIN), 1, 1,
                    Duration.ofSeconds(10)).get(0);
            CompletableFuture<String> big = client.sendExpectIq(request("a"), "a");
            CompletableFuture<String> empty = client.sendExpectIq(request("b"), "b");
            server.awaitRequest("b");
            // Another reply first (not awaited by id), then a self-closed one, split inside the large one.
            String a = itemsReply("a", 800);
            String b = "<iq type='result' id='b' from='ps." + DOMAIN + "'/>";
            server.sendInPieces("<iq type='result' id='other'/>" + a + b, 100, 30_000);
            assertTrue(big.get(10, TimeUnit.SECONDS).endsWith(a));
            assertEquals(b, empty.get(10, TimeUnit.SECONDS));
        }
    }

    private static String request(String id) {
        return "<iq type='get' to='ps." + DOMAIN + "' id='" + id + "'><pubsub xmlns='http://jabber.org/protocol/pubsub'>"
                + "<items node='big' max_items='10000'/></pubsub></iq>";
    }

    /** A result of {@code n} items of the bench's payload, about 68 bytes each. */
    private static String itemsReply(String id, int n) {
        StringBuilder xml = new StringBuilder("<iq type='result' id='" + id + "' from='ps." + DOMAIN
                + "'><pubsub xmlns='http://jabber.org/protocol/pubsub'><items node='big'>");
        for (int i = 0; i < n; i++) {
            xml.append("<item id='i").append(i).append("'><entry xmlns='urn:xcs:bench'>x</entry></item>");
        }
        return xml.append("</items></pubsub></iq>").toString();
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            n++;
        }
        return n;
    }

    /** The server side of one c2s session on loopback: anonymous SASL and bind, then whatever the test sends. */
    private static final class FakeServer implements AutoCloseable {
        private final ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        private final CompletableFuture<Socket> session = new CompletableFuture<>();
        private final StringBuilder received = new StringBuilder();

        FakeServer() throws IOException {
            Thread t = new Thread(this::serve, "fake-c2s");
            t.setDaemon(true);
            t.start();
        }

        int port() {
            return listener.getLocalPort();
        }

        private void serve() {
            try {
                Socket s = listener.accept();
                s.setSoTimeout(10_000);
                InputStream in = s.getInputStream();
                OutputStream out = s.getOutputStream();
                String header = "<?xml version='1.0'?><stream:stream xmlns='jabber:client'"
                        + " xmlns:stream='http://etherx.jabber.org/streams' from='" + DOMAIN + "' id='s1' version='1.0'>";
                awaitText(in, "<stream:stream");
                write(out, header + "<stream:features><mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>"
                        + "<mechanism>ANONYMOUS</mechanism></mechanisms></stream:features>");
                awaitText(in, "</auth>");
                write(out, "<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>");
                awaitText(in, "<stream:stream");
                write(out, header + "<stream:features><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/></stream:features>");
                awaitText(in, "</iq>");
                write(out, "<iq type='result' id='bind1'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><jid>a@"
                        + DOMAIN + "/d0</jid></bind></iq>");
                session.complete(s);
            } catch (IOException e) {
                session.completeExceptionally(e);
            }
        }

        void awaitRequest(String id) throws Exception {
            awaitText(session.get(10, TimeUnit.SECONDS).getInputStream(), "id='" + id + "'");
        }

        /** Writes {@code xml} cut at the given offsets, pausing between pieces so that each is a read of its own. */
        void sendInPieces(String xml, int... cuts) throws Exception {
            OutputStream out = session.get(10, TimeUnit.SECONDS).getOutputStream();
            byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
            int from = 0;
            for (int cut : cuts) {
                out.write(bytes, from, cut - from);
                out.flush();
                Thread.sleep(100);
                from = cut;
            }
            out.write(bytes, from, bytes.length - from);
            out.flush();
        }

        private void awaitText(InputStream in, String what) throws IOException {
            byte[] buf = new byte[4096];
            while (received.indexOf(what) < 0) {
                int n = in.read(buf);
                if (n < 0) {
                    throw new IOException("client closed before sending " + what);
                }
                received.append(new String(buf, 0, n, StandardCharsets.UTF_8));
            }
            received.delete(0, received.indexOf(what) + what.length());
        }

        private static void write(OutputStream out, String xml) throws IOException {
            out.write(xml.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        @Override
        public void close() throws IOException {
            listener.close();
            Socket s = session.getNow(null);
            if (s != null) {
                s.close();
            }
        }
    }
}
