package org.xcs.bench.standin;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One component's stream on the stand-in host. Stanzas to the component are written through a buffer
 * ({@link #send} then {@link #flush}); stanzas from it go to the {@link StanzaCounter} set with {@link #counter},
 * except the host's own business: XEP-0199 pings to the host domain are answered here, and IQ replies awaited by
 * {@link #request} complete their future.
 */
public final class Link {
    private static final String STREAM_NS = "http://etherx.jabber.org/streams";

    private final Socket socket;
    private final OutputStream out;
    private final Function<String, String> secrets;
    private final String hostDomain;
    private final CompletableFuture<Link> attached = new CompletableFuture<>();
    private final Map<String, CompletableFuture<String>> pending = new ConcurrentHashMap<>();
    private volatile StanzaCounter counter = (buf, len) -> { };
    private volatile String domain;
    private volatile long attachedAtNanos;
    private String streamId;

    Link(Socket socket, String hostDomain, Function<String, String> secrets) throws IOException {
        this.socket = socket;
        this.hostDomain = hostDomain;
        this.secrets = secrets;
        socket.setTcpNoDelay(true);
        this.out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
    }

    CompletableFuture<Link> attached() {
        return attached;
    }

    public String domain() {
        return domain;
    }

    /** System.nanoTime() when the handshake succeeded. */
    public long attachedAtNanos() {
        return attachedAtNanos;
    }

    public void counter(StanzaCounter counter) {
        this.counter = counter;
    }

    /** Buffers a stanza for the component; call {@link #flush()} to put it on the wire. */
    public void send(String xml) {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        synchronized (out) {
            try {
                out.write(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public void flush() {
        synchronized (out) {
            try {
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Sends an IQ (its id must be unique on this link) and waits for the reply with the same id. */
    public String request(String id, String iqXml, Duration timeout) throws Exception {
        CompletableFuture<String> reply = new CompletableFuture<>();
        pending.put(id, reply);
        send(iqXml);
        flush();
        try {
            return reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            pending.remove(id);
        }
    }

    void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    void run() {
        StanzaScanner scanner = new StanzaScanner(new StanzaScanner.Sink() {
            @Override
            public void streamOpened(String header) {
                domain = attribute(header, "to");
                streamId = UUID.randomUUID().toString().replace("-", "");
                // XEP-0114 §3: the server answers with its own stream header carrying the id of the digest.
                send("<?xml version='1.0'?><stream:stream xmlns:stream='" + STREAM_NS
                        + "' xmlns='jabber:component:accept' id='" + streamId + "' from='" + domain + "'>");
                flush();
            }

            @Override
            public void stanza(byte[] buf, int len) {
                onStanza(buf, len);
            }

            @Override
            public void streamClosed() {
                close();
            }
        });
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = socket.getInputStream()) {
            int n;
            while ((n = in.read(buf)) > 0) {
                scanner.feed(buf, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            attached.completeExceptionally(e);
        } finally {
            attached.completeExceptionally(new IOException("stream ended before the handshake"));
            close();
        }
    }

    private void onStanza(byte[] buf, int len) {
        if (!attached.isDone()) {
            handshake(new String(buf, 0, len, StandardCharsets.UTF_8));
            return;
        }
        if (Stanzas.isIq(buf, len)) {
            String xml = null;
            if (!pending.isEmpty()) {
                String id = Stanzas.attribute(buf, len, "id");
                CompletableFuture<String> reply = id == null ? null : pending.get(id);
                if (reply != null) {
                    reply.complete(new String(buf, 0, len, StandardCharsets.UTF_8));
                    return;
                }
            }
            if (len < 400 && Stanzas.indexOf(buf, len, Stanzas.ascii("urn:xmpp:ping")) >= 0) {
                xml = new String(buf, 0, len, StandardCharsets.UTF_8);
                if (hostDomain.equals(Stanzas.attribute(buf, len, "to"))) {
                    // XEP-0199 §4.3: the host answers a component's liveness ping.
                    send("<iq type='result' from='" + hostDomain + "' to='" + Stanzas.attribute(buf, len, "from")
                            + "' id='" + Stanzas.attribute(buf, len, "id") + "'/>");
                    flush();
                    return;
                }
            }
        }
        counter.stanza(buf, len);
    }

    private void handshake(String element) {
        String secret = domain == null ? null : secrets.apply(domain);
        String text = element.replaceAll("<[^>]*>", "").trim();
        if (secret == null || !element.startsWith("<handshake") || !digest(streamId, secret).equalsIgnoreCase(text)) {
            send("<stream:error><not-authorized xmlns='urn:ietf:params:xml:ns:xmpp-streams'/></stream:error>"
                    + "</stream:stream>");
            flush();
            close();
            attached.completeExceptionally(new IOException("handshake refused for " + domain));
            return;
        }
        send("<handshake/>");
        flush();
        attachedAtNanos = System.nanoTime();
        attached.complete(this);
    }

    static String digest(String streamId, String secret) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            return HexFormat.of().formatHex(sha1.digest((streamId + secret).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String attribute(String tag, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\s" + name + "=(['\"])([^'\"]*)\\1").matcher(tag);
        return m.find() ? m.group(2) : null;
    }
}
