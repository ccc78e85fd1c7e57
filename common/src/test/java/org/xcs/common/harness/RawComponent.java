package org.xcs.common.harness;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.Namespace;
import org.dom4j.QName;

/**
 * The smallest XEP-0114 client: opens a component stream, performs the SHA-1 handshake and then answers nothing.
 * It proves what a host's component port accepts without our runtime: the declared domain with the right secret
 * gets {@code <handshake/>}, a wrong secret gets the {@code not-authorized} stream error. The stream stays open
 * until {@link #close()} (so a second connection for the same domain can be shown to get {@code conflict}).
 * After an accepted handshake, {@link #nextStanza(Duration)} shows what the host sends unasked (e.g. the XEP-0356
 * {@code <privilege/>} and XEP-0355 {@code <delegation/>} messages) and {@link #send(String)} writes raw XML.
 */
public final class RawComponent implements AutoCloseable {
    static final String ACCEPT_NS = "jabber:component:accept";
    static final String STREAM_NS = "http://etherx.jabber.org/streams";
    static final String STREAM_ERRORS_NS = "urn:ietf:params:xml:ns:xmpp-streams";
    private static final XMLInputFactory XML = newFactory();

    private final Socket socket;
    private final String streamId;
    private final String streamError;
    private final XMLStreamReader xml;
    private final BlockingQueue<Element> received = new LinkedBlockingQueue<>();
    private Thread reader;

    private RawComponent(Socket socket, String streamId, String streamError, XMLStreamReader xml) {
        this.socket = socket;
        this.streamId = streamId;
        this.streamError = streamError;
        this.xml = xml;
    }

    public static RawComponent attach(int port, String componentDomain, String secret) {
        return attach("127.0.0.1", port, componentDomain, secret, Duration.ofSeconds(10));
    }

    /** Connects, handshakes and returns once the host accepted or refused; the timeout bounds every read. */
    public static RawComponent attach(String host, int port, String componentDomain, String secret, Duration timeout) {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            OutputStream out = socket.getOutputStream();
            // XEP-0114 §3 step 1: the stream header names the component domain in 'to'.
            write(out, "<?xml version='1.0'?><stream:stream xmlns='" + ACCEPT_NS + "' xmlns:stream='" + STREAM_NS
                    + "' to='" + escape(componentDomain) + "'>");
            Reader reader = new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8);
            XMLStreamReader xml = XML.createXMLStreamReader(reader);
            String id = readStreamId(xml);
            // XEP-0114 §3 step 3: hex SHA-1 of the stream id concatenated with the shared secret.
            write(out, "<handshake>" + handshakeDigest(id, secret) + "</handshake>");
            return new RawComponent(socket, id, readOutcome(xml), xml);
        } catch (IOException | XMLStreamException e) {
            closeQuietly(socket);
            throw new HostException("XEP-0114 handshake as " + componentDomain + " on " + host + ":" + port
                    + " failed: " + e, e);
        }
    }

    public boolean accepted() {
        return streamError == null;
    }

    /** The stream error condition (e.g. {@code not-authorized}, {@code conflict}, {@code host-unknown}). */
    public Optional<String> streamError() {
        return Optional.ofNullable(streamError);
    }

    public String streamId() {
        return streamId;
    }

    /**
     * The next top-level stanza the host sent after the handshake (as a detached dom4j element, its namespace
     * {@code jabber:component:accept}), or null when none came within {@code timeout}. The first call starts a
     * reader thread that ends with the stream.
     */
    public Element nextStanza(Duration timeout) throws InterruptedException {
        startReading();
        return received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Every stanza that arrives until {@code quiet} passes without one (bounded by {@code atMost}). */
    public List<Element> stanzasUntilQuiet(Duration quiet, Duration atMost) throws InterruptedException {
        List<Element> stanzas = new ArrayList<>();
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            Element next = nextStanza(quiet);
            if (next == null) {
                break;
            }
            stanzas.add(next);
        }
        return stanzas;
    }

    /** Writes raw XML on the component stream (e.g. an IQ result); the default namespace is the accept one. */
    public void send(String rawXml) {
        try {
            write(socket.getOutputStream(), rawXml);
        } catch (IOException e) {
            throw new HostException("cannot write to the component stream: " + e, e);
        }
    }

    private synchronized void startReading() {
        if (reader != null || !accepted()) {
            return;
        }
        try {
            // The handshake's bounded reads are over: from now on the stream may be quiet for long.
            socket.setSoTimeout(0);
        } catch (IOException e) {
            throw new HostException("cannot unbound the component socket's reads: " + e, e);
        }
        reader = new Thread(this::readStanzas, "raw-component-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void readStanzas() {
        try {
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    received.add(readElement(xml));
                } else if (event == XMLStreamConstants.END_ELEMENT && STREAM_NS.equals(xml.getNamespaceURI())) {
                    return; // </stream:stream>; the other end tag at this level is the handshake's
                }
            }
        } catch (XMLStreamException e) {
            // the socket was closed (by us or the host): the stream is over
        }
    }

    /** Builds the element the reader is positioned on, with its subtree, leaving the reader on its end tag. */
    private static Element readElement(XMLStreamReader xml) throws XMLStreamException {
        Element element = DocumentHelper.createElement(qname(xml));
        for (int i = 0; i < xml.getNamespaceCount(); i++) {
            String prefix = xml.getNamespacePrefix(i);
            if (prefix != null && !prefix.isEmpty()) {
                element.add(Namespace.get(prefix, xml.getNamespaceURI(i)));
            }
        }
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            String ns = xml.getAttributeNamespace(i);
            String prefix = xml.getAttributePrefix(i);
            element.addAttribute(ns == null || ns.isEmpty() ? QName.get(xml.getAttributeLocalName(i))
                    : QName.get(xml.getAttributeLocalName(i), prefix, ns), xml.getAttributeValue(i));
        }
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                element.add(readElement(xml));
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                element.addText(xml.getText());
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                return element;
            }
        }
        throw new XMLStreamException("stream ended inside <" + element.getName() + ">");
    }

    private static QName qname(XMLStreamReader xml) {
        String ns = xml.getNamespaceURI();
        String prefix = xml.getPrefix();
        return QName.get(xml.getLocalName(), prefix == null ? "" : prefix, ns == null ? "" : ns);
    }

    @Override
    public void close() {
        if (!socket.isClosed()) {
            try {
                write(socket.getOutputStream(), "</stream:stream>");
            } catch (IOException ignored) {
                // the host may already have closed its side
            }
            closeQuietly(socket);
        }
    }

    static String handshakeDigest(String streamId, String secret) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            return HexFormat.of().formatHex(sha1.digest((streamId + secret).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is a required JDK algorithm", e);
        }
    }

    /** XEP-0114 §3 step 2: the host's stream header carries the id the handshake digest starts with. */
    private static String readStreamId(XMLStreamReader xml) throws XMLStreamException {
        while (xml.hasNext()) {
            if (xml.next() == XMLStreamConstants.START_ELEMENT) {
                if (STREAM_NS.equals(xml.getNamespaceURI()) && "stream".equals(xml.getLocalName())) {
                    String id = xml.getAttributeValue(null, "id");
                    if (id == null) {
                        throw new XMLStreamException("stream header without an id");
                    }
                    return id;
                }
                throw new XMLStreamException("expected a stream header, got <" + xml.getLocalName() + ">");
            }
        }
        throw new XMLStreamException("stream closed before its header");
    }

    /** Null when {@code <handshake/>} arrived (XEP-0114 §3 step 4), else the stream error condition. */
    private static String readOutcome(XMLStreamReader xml) throws XMLStreamException {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (ACCEPT_NS.equals(xml.getNamespaceURI()) && "handshake".equals(xml.getLocalName())) {
                    return null;
                }
                if (STREAM_NS.equals(xml.getNamespaceURI()) && "error".equals(xml.getLocalName())) {
                    return readErrorCondition(xml);
                }
            } else if (event == XMLStreamConstants.END_ELEMENT && "stream".equals(xml.getLocalName())) {
                return "closed-without-stream-error";
            }
        }
        return "closed-without-stream-error";
    }

    // RFC 6120 §4.9.2: the defined condition is the child element in the xmpp-streams namespace.
    private static String readErrorCondition(XMLStreamReader xml) throws XMLStreamException {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT && STREAM_ERRORS_NS.equals(xml.getNamespaceURI())
                    && !"text".equals(xml.getLocalName())) {
                return xml.getLocalName();
            }
            if (event == XMLStreamConstants.END_ELEMENT && "error".equals(xml.getLocalName())) {
                return "undefined-condition";
            }
        }
        return "undefined-condition";
    }

    private static void write(OutputStream out, String xml) throws IOException {
        out.write(xml.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("'", "&apos;").replace("<", "&lt;");
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is best effort
        }
    }

    private static XMLInputFactory newFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        return factory;
    }
}
