package org.xcs.bench.scenarios.relay;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough of a c2s client for the activation IQ (not the hot path): RFC 6120 stream, SASL PLAIN on a plaintext
 * loopback host (§6), resource binding (§7), then IQs matched to their answers by id. It reads raw text and matches
 * it with patterns; it is only ever pointed at the bench's own Prosody.
 */
final class C2sSession implements AutoCloseable {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final StringBuilder received = new StringBuilder();
    private final String jid;
    private int nextId;

    private C2sSession(Socket socket, String domain, String user, String password, String resource)
            throws IOException {
        this.socket = socket;
        socket.setSoTimeout((int) WAIT.toMillis());
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        openStream(domain);
        await(Pattern.compile("</stream:features>"));
        String plain = Base64.getEncoder().encodeToString(("\0" + user + "\0" + password)
                .getBytes(StandardCharsets.UTF_8));
        write("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>" + plain + "</auth>");
        Matcher sasl = await(Pattern.compile("<(success|failure)\\b"));
        if (sasl.group(1).equals("failure")) {
            throw new IOException("SASL PLAIN refused for " + user + ": " + received);
        }
        received.setLength(0);
        openStream(domain); // RFC 6120 §6.4.6: a new stream after SASL success
        await(Pattern.compile("</stream:features>"));
        write("<iq type='set' id='bind'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><resource>" + resource
                + "</resource></bind></iq>");
        this.jid = await(Pattern.compile("<jid>([^<]+)</jid>")).group(1);
    }

    static C2sSession login(int port, String domain, String user, String password, String resource)
            throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), (int) WAIT.toMillis());
        try {
            return new C2sSession(s, domain, user, password, resource);
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /** The full JID the host bound. */
    String jid() {
        return jid;
    }

    /** Sends {@code <iq type=TYPE to=TO id=..>CHILD</iq>}; returns the answer's text, error answers included. */
    String iq(String type, String to, String child) throws IOException {
        String id = "b" + (nextId++);
        write("<iq type='" + type + "' to='" + to + "' id='" + id + "'>" + child + "</iq>");
        Pattern answer = Pattern.compile("<iq\\b[^>]*\\bid=['\"]" + id + "['\"][^>]*?(/>|>.*?</iq>)", Pattern.DOTALL);
        return await(answer).group(0);
    }

    private void openStream(String domain) throws IOException {
        write("<?xml version='1.0'?><stream:stream to='" + domain + "' xmlns='jabber:client' "
                + "xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>");
    }

    private void write(String xml) throws IOException {
        out.write(xml.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private Matcher await(Pattern pattern) throws IOException {
        byte[] buf = new byte[8192];
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            Matcher m = pattern.matcher(received.toString()); // a snapshot: the groups outlive the deletion
            if (m.find()) {
                received.delete(0, m.end());
                return m;
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("no " + pattern + " from the host within " + WAIT + ": " + received);
            }
            int n = in.read(buf);
            if (n < 0) {
                throw new IOException("host closed the stream: " + received);
            }
            received.append(new String(buf, 0, n, StandardCharsets.UTF_8));
        }
    }

    @Override
    public void close() throws IOException {
        try {
            write("</stream:stream>");
        } catch (IOException ignored) {
            // closing anyway
        }
        socket.close();
    }
}
