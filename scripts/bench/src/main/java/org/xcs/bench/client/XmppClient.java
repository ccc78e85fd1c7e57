package org.xcs.bench.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One c2s connection of the driver, owned by one {@link EventLoop}: every field is touched on that loop's thread
 * only; the public methods hand their work to it. Login and joins are scripts of "send, then expect a pattern" on a
 * text copy of what arrived; once no expectation is pending, received bytes are only scanned for stamps.
 */
public final class XmppClient {
    private static final Pattern FEATURES_END = Pattern.compile("</stream:features>");
    private static final Pattern SASL_OUTCOME = Pattern.compile("<(success|failure)[\\s/>]");
    private static final Pattern BIND_OUTCOME = Pattern.compile("<jid>([^<]+)</jid>|type=['\"]error['\"]");
    private static final Pattern SESSION_REQUIRED =
            Pattern.compile("urn:ietf:params:xml:ns:xmpp-session['\"]\\s*(/>|>\\s*</session>)");
    private static final Pattern IQ_OUTCOME_SESSION = Pattern.compile("id=['\"]sess1['\"]");
    /** Text kept for expectations is bounded: a server flooding presence must not grow it without end. */
    private static final int MAX_TEXT = 1 << 20;

    private final EventLoop loop;
    private final int index;
    private final Login login;
    private final CompletableFuture<XmppClient> ready = new CompletableFuture<>();
    private final ArrayDeque<Expectation> expectations = new ArrayDeque<>();
    private final StringBuilder text = new StringBuilder();
    /** Text before this index was already searched by the head expectation (minus a margin for split matches). */
    private int searchedUpTo;
    private static final int MATCH_MARGIN = 512;

    private SocketChannel channel;
    private SelectionKey key;
    final byte[] carry = new byte[InboundScanner.MAX_CARRY];
    int carryLength;
    boolean closeSeen;
    private byte[] pending = new byte[0];
    private int pendingStart;
    private int pendingEnd;
    private volatile String jid;
    private volatile boolean open;

    /**
     * A pattern to find; with {@code closing}, the text up to the next {@code closing} after it (unless the match
     * ends with "/>"). {@code openedAt}/{@code startAt}: where the match ended/began once found, -1 before.
     */
    private static final class Expectation {
        final Pattern pattern;
        final String closing;
        final CompletableFuture<String> result;
        int startAt = -1;
        int openedAt = -1;

        Expectation(Pattern pattern, String closing, CompletableFuture<String> result) {
            this.pattern = pattern;
            this.closing = closing;
            this.result = result;
        }
    }

    XmppClient(EventLoop loop, int index, Login login) {
        this.loop = loop;
        this.index = index;
        this.login = login;
    }

    /** The full JID the server bound (known once logged in). */
    public String jid() {
        return jid;
    }

    public int index() {
        return index;
    }

    public boolean isOpen() {
        return open;
    }

    EventLoop loop() {
        return loop;
    }

    CompletableFuture<XmppClient> ready() {
        return ready;
    }

    /** Sends raw XML (a stanza) on the loop thread. */
    public void send(String xml) {
        loop.execute(() -> write(xml.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Sends {@code xml}, then completes with all text received up to and including the first match of {@code reply}
     * after the expectations queued before it. Fails when the stream ends first. No timeout of its own. A match
     * longer than {@value #MATCH_MARGIN} chars may be missed when it arrives in several reads: for whole replies use
     * {@link #sendExpectIq}.
     */
    public CompletableFuture<String> sendExpect(String xml, Pattern reply) {
        CompletableFuture<String> result = new CompletableFuture<>();
        loop.execute(() -> {
            if (!open) {
                result.completeExceptionally(new IOException("client " + index + " is closed"));
                return;
            }
            expect(reply, result);
            write(xml.getBytes(StandardCharsets.UTF_8));
        });
        return result;
    }

    /**
     * Sends an IQ and completes with all text received up to the end of the whole reply carrying {@code id}: from
     * its start tag through its {@code </iq>}, or its self-closed start tag. Unlike {@link #sendExpect}, the reply
     * may be of any length and cut into any number of reads (a 100 KB items list is; see the class comment), and
     * it is kept whole even beyond the 1 MiB bound on other text. The first {@code </iq>} after the start tag ends
     * it: a payload carrying an iq of its own would end it early. No timeout of its own.
     */
    public CompletableFuture<String> sendExpectIq(String xml, String id) {
        Pattern start = Pattern.compile("<iq\\b[^>]*\\bid=['\"]" + Pattern.quote(id) + "['\"][^>]*>");
        CompletableFuture<String> result = new CompletableFuture<>();
        loop.execute(() -> {
            if (!open) {
                result.completeExceptionally(new IOException("client " + index + " is closed"));
                return;
            }
            expect(new Expectation(start, "</iq>", result));
            write(xml.getBytes(StandardCharsets.UTF_8));
        });
        return result;
    }

    /** Ends the stream (RFC 6120 §4.4) and closes the socket. */
    public void close() {
        loop.execute(() -> {
            if (open) {
                write("</stream:stream>".getBytes(StandardCharsets.US_ASCII));
            }
            shutdown(null);
        });
    }

    // ---- on the loop thread ----

    void connect() {
        try {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            open = true;
            key = channel.register(loop.selector(), SelectionKey.OP_CONNECT, this);
            if (channel.connect(new InetSocketAddress(login.host(), login.port()))) {
                connected();
            }
        } catch (IOException e) {
            shutdown(e);
        }
    }

    void connected() throws IOException {
        channel.finishConnect();
        key.interestOps(SelectionKey.OP_READ);
        // RFC 6120 §4.2 / §6 / §7: stream, SASL, restart, bind, then (if required) the legacy session of RFC 3921.
        openStream().thenCompose(features -> authenticate(features))
                .thenCompose(ok -> openStream())
                .thenCompose(this::bind)
                .whenComplete((ok, error) -> {
                    if (error != null) {
                        shutdown(error);
                    } else {
                        // RFC 6121 §4.2: initial presence makes the session available.
                        write("<presence/>".getBytes(StandardCharsets.US_ASCII));
                        ready.complete(this);
                    }
                });
    }

    private CompletableFuture<String> openStream() {
        CompletableFuture<String> features = new CompletableFuture<>();
        expect(FEATURES_END, features);
        write(("<?xml version='1.0'?><stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'"
                + " to='" + login.domain() + "' version='1.0'>").getBytes(StandardCharsets.UTF_8));
        return features;
    }

    private CompletableFuture<Void> authenticate(String features) {
        String mechanism = login.mechanism().name();
        if (!features.contains(">" + mechanism + "<")) {
            return CompletableFuture.failedFuture(new IOException("server does not offer SASL " + mechanism));
        }
        String initial = login.mechanism() == Login.Mechanism.ANONYMOUS ? "bench"
                : "\0" + login.user().apply(index) + "\0" + login.password().apply(index);
        CompletableFuture<String> outcome = new CompletableFuture<>();
        expect(SASL_OUTCOME, outcome);
        write(("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='" + mechanism + "'>"
                + Base64.getEncoder().encodeToString(initial.getBytes(StandardCharsets.UTF_8)) + "</auth>")
                .getBytes(StandardCharsets.UTF_8));
        return outcome.thenCompose(text -> text.contains("<failure")
                ? CompletableFuture.failedFuture(new IOException("SASL failure: " + tail(text)))
                : CompletableFuture.completedFuture(null));
    }

    private CompletableFuture<Void> bind(String features) {
        boolean sessionRequired = SESSION_REQUIRED.matcher(features).find();
        CompletableFuture<String> bound = new CompletableFuture<>();
        expect(BIND_OUTCOME, bound);
        write(("<iq type='set' id='bind1'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><resource>d" + index
                + "</resource></bind></iq>").getBytes(StandardCharsets.UTF_8));
        return bound.thenCompose(text -> {
            Matcher m = BIND_OUTCOME.matcher(text);
            if (!m.find() || m.group(1) == null) {
                return CompletableFuture.failedFuture(new IOException("bind failed: " + tail(text)));
            }
            jid = m.group(1);
            if (!sessionRequired) {
                return CompletableFuture.completedFuture(null);
            }
            CompletableFuture<String> session = new CompletableFuture<>();
            expect(IQ_OUTCOME_SESSION, session);
            write("<iq type='set' id='sess1'><session xmlns='urn:ietf:params:xml:ns:xmpp-session'/></iq>"
                    .getBytes(StandardCharsets.US_ASCII));
            return session.thenApply(t -> null);
        });
    }

    private void expect(Pattern pattern, CompletableFuture<String> result) {
        expect(new Expectation(pattern, null, result));
    }

    private void expect(Expectation expectation) {
        expectations.add(expectation);
        matchExpectations();
    }

    boolean expecting() {
        return !expectations.isEmpty();
    }

    /** New bytes arrived while an expectation is pending: keep them as text (Latin-1: one char per byte). */
    void appendText(byte[] a, int from, int to) {
        if (text.length() + (to - from) > MAX_TEXT) {
            int drop = Math.min(text.length(), text.length() + (to - from) - MAX_TEXT);
            Expectation head = expectations.peek();
            if (head != null && head.startAt >= 0) {
                // A reply being collected is kept whole: only what came before it goes.
                drop = Math.min(drop, head.startAt);
                head.startAt -= drop;
                head.openedAt -= drop;
            }
            text.delete(0, drop);
            searchedUpTo = Math.max(0, searchedUpTo - drop);
        }
        for (int i = from; i < to; i++) {
            text.append((char) (a[i] & 0xff));
        }
        matchExpectations();
    }

    private void matchExpectations() {
        while (!expectations.isEmpty()) {
            Expectation head = expectations.peek();
            int end = matchEnd(head);
            if (end < 0) {
                searchedUpTo = text.length();
                return;
            }
            String consumed = text.substring(0, end);
            text.delete(0, end);
            searchedUpTo = 0;
            expectations.poll();
            head.result.complete(consumed);
        }
        // Nobody waits: drop the text, the hot path keeps none.
        text.setLength(0);
        searchedUpTo = 0;
    }

    /** Where the head expectation's text ends, -1 while it has not all arrived. */
    private int matchEnd(Expectation head) {
        if (head.openedAt < 0) {
            Matcher m = head.pattern.matcher(text);
            // Re-searching all the text on every read would be quadratic while presence floods in during a join.
            if (!m.find(Math.max(0, searchedUpTo - MATCH_MARGIN))) {
                return -1;
            }
            if (head.closing == null || text.charAt(m.end() - 2) == '/') {
                return m.end();
            }
            head.startAt = m.start();
            head.openedAt = m.end();
        }
        // The start tag was found in an earlier read: search on for the closing tag only, from where it may begin.
        int at = text.indexOf(head.closing, Math.max(head.openedAt, searchedUpTo - head.closing.length()));
        return at < 0 ? -1 : at + head.closing.length();
    }

    /** Queues bytes for the socket, writing at once what the kernel takes. False when the client is closed. */
    boolean write(byte[] bytes) {
        return write(bytes, 0, bytes.length);
    }

    boolean write(byte[] bytes, int offset, int length) {
        if (!open) {
            return false;
        }
        try {
            if (pendingEnd == pendingStart) {
                ByteBuffer direct = loop.writeBuffer(bytes, offset, length);
                channel.write(direct);
                if (!direct.hasRemaining()) {
                    return true;
                }
                int written = direct.position();
                offset += written;
                length -= written;
                key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
            }
            appendPending(bytes, offset, length);
            return true;
        } catch (IOException e) {
            shutdown(e);
            return false;
        }
    }

    /** Bytes the kernel has not taken yet: the server is not reading as fast as we send. */
    int pendingBytes() {
        return pendingEnd - pendingStart;
    }

    private void appendPending(byte[] bytes, int offset, int length) {
        if (pendingEnd + length > pending.length) {
            int live = pendingEnd - pendingStart;
            byte[] grown = pending.length - live >= length && live < pending.length / 2 ? pending
                    : new byte[Math.max(4096, (live + length) * 2)];
            System.arraycopy(pending, pendingStart, grown, 0, live);
            pending = grown;
            pendingStart = 0;
            pendingEnd = live;
        }
        System.arraycopy(bytes, offset, pending, pendingEnd, length);
        pendingEnd += length;
    }

    void writable() {
        try {
            ByteBuffer buf = ByteBuffer.wrap(pending, pendingStart, pendingEnd - pendingStart);
            channel.write(buf);
            pendingStart = buf.position();
            if (pendingStart == pendingEnd) {
                pendingStart = 0;
                pendingEnd = 0;
                key.interestOps(SelectionKey.OP_READ);
            }
        } catch (IOException e) {
            shutdown(e);
        }
    }

    SocketChannel channel() {
        return channel;
    }

    void shutdown(Throwable cause) {
        if (!open && channel == null) {
            failAll(cause);
            return;
        }
        open = false;
        if (key != null) {
            key.cancel();
        }
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
        failAll(cause);
    }

    private void failAll(Throwable cause) {
        Throwable reason = cause != null ? cause : new IOException("client " + index + " closed");
        ready.completeExceptionally(reason);
        while (!expectations.isEmpty()) {
            expectations.poll().result.completeExceptionally(reason);
        }
    }

    private static String tail(String text) {
        return text.length() <= 300 ? text : text.substring(text.length() - 300);
    }
}
