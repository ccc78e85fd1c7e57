package org.xcs.common.component;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.dom4j.DocumentFactory;
import org.dom4j.Element;
import org.dom4j.Namespace;
import org.dom4j.QName;
import org.xmlpull.v1.XmlPullParser;
import org.xmlpull.v1.XmlPullParserException;
import org.xmlpull.v1.XmlPullParserFactory;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;
import org.xmpp.packet.Presence;

/**
 * An in-process XMPP host that speaks just the component side of XEP-0114 on 127.0.0.1, for tests: it checks the
 * handshake digest, answers {@code host-unknown}, {@code not-authorized} and {@code conflict} like Prosody does,
 * answers XEP-0199 pings addressed to its own domain, records everything else a component sends, and can close
 * streams cleanly, drop sockets, go silent, or restart on the same port.
 */
public final class FakeComponentHost implements AutoCloseable {

    private static final String STREAM_NS = "http://etherx.jabber.org/streams";
    private static final String STREAMS_ERROR_NS = "urn:ietf:params:xml:ns:xmpp-streams";

    private final String hostDomain;
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Set<Session> allSessions = ConcurrentHashMap.newKeySet();
    private final List<Packet> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger handshakesAccepted = new AtomicInteger();
    private final AtomicInteger handshakesRefused = new AtomicInteger();
    private final AtomicInteger pingsAnswered = new AtomicInteger();
    private final AtomicInteger streamsClosedByComponents = new AtomicInteger();
    private volatile boolean silent;
    private volatile ServerSocket server;
    private volatile int port;

    public FakeComponentHost(String hostDomain) {
        this.hostDomain = hostDomain;
    }

    /** Lets {@code componentDomain} attach with {@code secret}. */
    public FakeComponentHost allow(String componentDomain, String secret) {
        secrets.put(componentDomain, secret);
        return this;
    }

    /**
     * Listens on a free port the first time, on the same port after {@link #stop()}. The first port is picked
     * below the kernel's ephemeral range: a port from that range (what port 0 gives) can be taken by any outgoing
     * connection on the machine while the host is stopped, and a component reconnecting to it can even connect to
     * itself (TCP simultaneous open), so a restart on the same port would fail now and then.
     */
    public synchronized FakeComponentHost start() throws IOException {
        if (server != null) {
            throw new IllegalStateException("already listening on " + port);
        }
        ServerSocket socket = port == 0 ? bindBelowEphemeralRange() : rebind(port);
        port = socket.getLocalPort();
        server = socket;
        Thread acceptor = new Thread(() -> acceptLoop(socket), "fake-host-accept-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
        return this;
    }

    static ServerSocket bindBelowEphemeralRange() throws IOException {
        int low = 1024;
        int high = ephemeralRangeStart();
        java.util.Random random = new java.util.Random();
        for (int attempt = 0; attempt < 50 && high - low > 1000; attempt++) {
            int candidate = low + 1000 + random.nextInt(high - low - 1000);
            try {
                return bind(candidate);
            } catch (IOException taken) {
                // try another
            }
        }
        return bind(0);
    }

    private static ServerSocket rebind(int port) throws IOException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(3);
        while (true) {
            try {
                return bind(port);
            } catch (java.net.BindException busy) {
                if (System.nanoTime() > deadline) {
                    throw busy;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw busy;
                }
            }
        }
    }

    private static ServerSocket bind(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        try {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    private static int ephemeralRangeStart() {
        try {
            String range = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/sys/net/ipv4/ip_local_port_range"));
            return Integer.parseInt(range.trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return 32768;
        }
    }

    /** Closes every stream cleanly and stops listening (like a host shutting down). */
    public synchronized void stop() {
        ServerSocket socket = server;
        server = null;
        if (socket != null) {
            closeQuietly(socket);
        }
        closeStreams();
    }

    public void restart() throws IOException {
        stop();
        start();
    }

    @Override
    public void close() {
        stop();
    }

    /** Sends {@code </stream:stream>} to every connected component and closes the sockets; keeps listening. */
    public void closeStreams() {
        for (Session session : allSessions) {
            session.closeStream();
        }
    }

    /** Closes every component socket without a closing tag (like a crashed host). */
    public void dropConnections() {
        for (Session session : allSessions) {
            session.drop();
        }
    }

    /** While silent, new connections are accepted and then never answered (the handshake hangs). */
    public void setSilent(boolean silent) {
        this.silent = silent;
    }

    /** The sessions open now ignore pings from here on (a half-dead link); later sessions answer again. */
    public void stopAnsweringPings() {
        for (Session session : allSessions) {
            session.answerPings = false;
        }
    }

    /**
     * The sessions open now stop reading (a hung host): the component's writes pile up in the socket buffers
     * until they block, and its pings go unanswered. Later sessions are served normally.
     */
    public void freezeSessions() {
        for (Session session : allSessions) {
            session.frozen = true;
        }
    }

    public int port() {
        return port;
    }

    public String hostDomain() {
        return hostDomain;
    }

    public boolean isConnected(String componentDomain) {
        return sessions.containsKey(componentDomain);
    }

    /** Waits until {@code componentDomain} has a session that completed the handshake. */
    public boolean awaitSession(String componentDomain, Duration timeout) throws InterruptedException {
        return poll(() -> sessions.containsKey(componentDomain), timeout);
    }

    /** Writes a stanza to the component's stream. */
    public void sendToComponent(String componentDomain, Packet packet) throws IOException {
        Session session = sessions.get(componentDomain);
        if (session == null) {
            throw new IOException(componentDomain + " is not connected");
        }
        session.write(packet.toXML());
    }

    public int handshakesAccepted() {
        return handshakesAccepted.get();
    }

    public int handshakesRefused() {
        return handshakesRefused.get();
    }

    public int pingsAnswered() {
        return pingsAnswered.get();
    }

    public int streamsClosedByComponents() {
        return streamsClosedByComponents.get();
    }

    /** Stanzas components sent, in arrival order, without the pings addressed to this host. */
    public List<Packet> received() {
        return List.copyOf(received);
    }

    /** Waits until {@code count} received stanzas match, and returns the matching ones (possibly fewer). */
    public List<Packet> awaitReceived(Predicate<Packet> filter, int count, Duration timeout)
            throws InterruptedException {
        poll(() -> received.stream().filter(filter).count() >= count, timeout);
        return received.stream().filter(filter).toList();
    }

    private static boolean poll(java.util.function.BooleanSupplier condition, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    private void acceptLoop(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Session session = new Session(client);
                allSessions.add(session);
                Thread reader = new Thread(session::run, "fake-host-session-" + client.getPort());
                reader.setDaemon(true);
                reader.start();
            } catch (IOException e) {
                return; // closed by stop()
            }
        }
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    private static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    static String handshakeDigest(String streamId, String secret) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            return HexFormat.of().formatHex(sha1.digest((streamId + secret).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private final class Session {
        private final Socket socket;
        private final OutputStream out;
        private volatile boolean answerPings = true;
        private volatile boolean frozen;
        private volatile String domain;

        Session(Socket socket) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
        }

        void run() {
            try {
                if (silent) {
                    InputStream in = socket.getInputStream();
                    while (in.read() >= 0) {
                        // swallow everything, answer nothing
                    }
                    return;
                }
                serve();
            } catch (IOException | XmlPullParserException e) {
                // the peer went away or sent garbage: end of session
            } finally {
                if (domain != null) {
                    sessions.remove(domain, this);
                }
                allSessions.remove(this);
                closeQuietly(socket);
            }
        }

        private void serve() throws IOException, XmlPullParserException {
            XmlPullParserFactory factory = XmlPullParserFactory.newInstance();
            factory.setNamespaceAware(true);
            XmlPullParser parser = factory.newPullParser();
            parser.setInput(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            while (parser.next() != XmlPullParser.START_TAG) {
                // skip the XML declaration and whitespace
            }
            if (!"stream".equals(parser.getName()) || !STREAM_NS.equals(parser.getNamespace())) {
                return;
            }
            String to = parser.getAttributeValue(null, "to");
            String streamId = UUID.randomUUID().toString().replace("-", "");
            write("<?xml version='1.0'?><stream:stream xmlns:stream='" + STREAM_NS + "'"
                    + " xmlns='jabber:component:accept' id='" + streamId + "' from='" + to + "'>");
            String secret = to == null ? null : secrets.get(to);
            if (secret == null) {
                refuse("host-unknown");
                return;
            }
            Element handshake = readElement(parser);
            if (handshake == null || !"handshake".equals(handshake.getName())
                    || !handshakeDigest(streamId, secret).equalsIgnoreCase(handshake.getTextTrim())) {
                refuse("not-authorized");
                return;
            }
            if (sessions.putIfAbsent(to, this) != null) {
                refuse("conflict");
                return;
            }
            domain = to;
            write("<handshake/>");
            handshakesAccepted.incrementAndGet();
            while (true) {
                while (frozen && !socket.isClosed()) {
                    sleep(10);
                }
                Element stanza = readElement(parser);
                if (stanza == null) {
                    streamsClosedByComponents.incrementAndGet();
                    closeStream();
                    return;
                }
                if (isPingToHost(stanza)) {
                    if (answerPings) {
                        pingsAnswered.incrementAndGet();
                        write("<iq type='result' id='" + stanza.attributeValue("id") + "' from='" + hostDomain
                                + "' to='" + stanza.attributeValue("from") + "'/>");
                    }
                    continue;
                }
                received.add(toPacket(stanza));
            }
        }

        private boolean isPingToHost(Element stanza) {
            return "iq".equals(stanza.getName()) && "get".equals(stanza.attributeValue("type"))
                    && hostDomain.equals(stanza.attributeValue("to"))
                    && stanza.element(QName.get("ping", HostPing.NAMESPACE)) != null;
        }

        private void refuse(String condition) throws IOException {
            handshakesRefused.incrementAndGet();
            write("<stream:error><" + condition + " xmlns='" + STREAMS_ERROR_NS + "'/></stream:error>"
                    + "</stream:stream>");
            socket.close();
        }

        synchronized void write(String xml) throws IOException {
            out.write(xml.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        void closeStream() {
            try {
                write("</stream:stream>");
            } catch (IOException ignored) {
                // already gone
            }
            drop();
        }

        void drop() {
            if (domain != null) {
                sessions.remove(domain, this);
            }
            closeQuietly(socket);
        }
    }

    /** Reads the next child of the stream; null when the peer closed the stream. */
    private static Element readElement(XmlPullParser parser) throws IOException, XmlPullParserException {
        while (true) {
            int event = parser.next();
            if (event == XmlPullParser.START_TAG) {
                return buildElement(parser);
            }
            if (event == XmlPullParser.END_TAG || event == XmlPullParser.END_DOCUMENT) {
                return null;
            }
        }
    }

    private static Element buildElement(XmlPullParser parser) throws IOException, XmlPullParserException {
        DocumentFactory factory = DocumentFactory.getInstance();
        Element element = factory.createElement(
                factory.createQName(parser.getName(), Namespace.get(parser.getNamespace())));
        for (int i = 0; i < parser.getAttributeCount(); i++) {
            String ns = parser.getAttributeNamespace(i);
            if (ns == null || ns.isEmpty()) {
                element.addAttribute(parser.getAttributeName(i), parser.getAttributeValue(i));
            } else {
                element.addAttribute(QName.get(parser.getAttributeName(i), parser.getAttributePrefix(i), ns),
                        parser.getAttributeValue(i));
            }
        }
        while (true) {
            int event = parser.next();
            if (event == XmlPullParser.START_TAG) {
                element.add(buildElement(parser));
            } else if (event == XmlPullParser.TEXT) {
                element.addText(parser.getText());
            } else if (event == XmlPullParser.END_TAG) {
                return element;
            } else if (event == XmlPullParser.END_DOCUMENT) {
                throw new IOException("stream ended inside <" + element.getName() + "/>");
            }
        }
    }

    private static Packet toPacket(Element stanza) {
        return switch (stanza.getName()) {
            case "message" -> new Message(stanza);
            case "presence" -> new Presence(stanza);
            case "iq" -> new IQ(stanza);
            default -> new Message(stanza); // recorded as-is; tests look at the element
        };
    }

    /** Lists the packets received, for assertion messages. */
    @Override
    public String toString() {
        List<String> xml = new ArrayList<>();
        for (Packet packet : received) {
            xml.add(packet.toXML());
        }
        return "FakeComponentHost[" + hostDomain + ":" + port + ", received=" + xml + "]";
    }
}
