package org.xcs.common.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.dom4j.Attribute;
import org.dom4j.Document;
import org.dom4j.DocumentException;
import org.dom4j.Element;
import org.dom4j.io.SAXReader;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicTest;
import org.xcs.common.component.ComponentCore;
import org.xcs.common.component.PacketHandler;
import org.xcs.common.component.PacketSender;
import org.xcs.common.router.StanzaRouter;
import org.xmpp.packet.Packet;

/**
 * Runs XML transcripts against the component logic through an {@link InMemoryRouter}. Format:
 * <pre>{@code
 * <transcript name="ping answered">
 *   <send><iq type="get" id="p1" from="alice@example.test/r" to="muc.example.test">
 *     <ping xmlns="urn:xmpp:ping"/></iq></send>
 *   <receive><iq type="result" id="{id}" from="muc.example.test" to="alice@example.test/r"/></receive>
 * </transcript>
 * }</pre>
 * A file holds one {@code <transcript>} or several inside {@code <transcripts>}. Steps run in order:
 * {@code <send>} hands each stanza in it to the component (unqualified elements are put in
 * {@code jabber:component:accept}, as the transport delivers them); {@code <receive>} waits for each stanza in it in
 * the mailbox of its {@code to} (so the order is checked per recipient) and compares loosely ({@link XmlAssert}:
 * {@code {any}}, {@code {id}} = id of the last sent stanza, {@code {$name}} captured and then usable in later
 * {@code <send>} steps). At the end the component is brought to rest ({@link StanzaRouter} or
 * {@link ComponentCore}: drained) and NOTHING else may have been sent.
 */
public final class TranscriptRunner {
    private static final Duration QUIET_PERIOD = Duration.ofMillis(20);

    private final Function<PacketSender, PacketHandler> componentFactory;
    private final Duration receiveTimeout;

    /** {@code componentFactory} builds a fresh component per transcript, sending through the given sender. */
    public TranscriptRunner(Function<PacketSender, PacketHandler> componentFactory) {
        this(componentFactory, Duration.ofSeconds(5));
    }

    /** {@code receiveTimeout}: how long a {@code <receive>} waits for each stanza (and the end for rest). */
    public TranscriptRunner(Function<PacketSender, PacketHandler> componentFactory, Duration receiveTimeout) {
        this.componentFactory = componentFactory;
        this.receiveTimeout = receiveTimeout;
    }

    /** One dynamic test per transcript in every {@code *.xml} under the classpath folder {@code resourceDir}. */
    public static Stream<DynamicTest> dynamicTests(String resourceDir,
                                                   Function<PacketSender, PacketHandler> componentFactory) {
        return new TranscriptRunner(componentFactory).tests(resourceDir);
    }

    /** As {@link #dynamicTests}, with this runner's settings. */
    public Stream<DynamicTest> tests(String resourceDir) {
        TranscriptRunner runner = this;
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, Element> file : loadFolder(resourceDir).entrySet()) {
            for (Element transcript : transcripts(file.getValue())) {
                String name = file.getKey() + ": " + transcript.attributeValue("name", "(unnamed)");
                tests.add(DynamicTest.dynamicTest(name, () -> runner.run(transcript, name)));
            }
        }
        if (tests.isEmpty()) {
            Assertions.fail("no transcripts found under classpath folder " + resourceDir);
        }
        return tests.stream();
    }

    /** Runs every transcript of one classpath resource. */
    public void runResource(String resourcePath) {
        Element root = parse(resourcePath);
        for (Element transcript : transcripts(root)) {
            run(transcript, resourcePath + ": " + transcript.attributeValue("name", "(unnamed)"));
        }
    }

    /** Runs every transcript in {@code transcriptXml}. */
    public void runXml(String transcriptXml) {
        Element root = TestStanzas.element(transcriptXml);
        for (Element transcript : transcripts(root)) {
            run(transcript, transcript.attributeValue("name", "(unnamed)"));
        }
    }

    private void run(Element transcript, String name) {
        InMemoryRouter router = new InMemoryRouter();
        PacketHandler component = componentFactory.apply(router);
        router.attach(component);
        Map<String, String> bindings = new HashMap<>();
        int stepNumber = 0;
        for (Element step : transcript.elements()) {
            stepNumber++;
            String where = "transcript '" + name + "', step " + stepNumber + " <" + step.getName() + ">";
            switch (step.getName()) {
                case "send" -> {
                    for (Element stanza : step.elements()) {
                        Element bound = substitute(stanza.createCopy(), bindings, where);
                        Packet packet = TestStanzas.fromElement(bound);
                        if (packet.getID() != null) {
                            bindings.put("id", packet.getID());
                        }
                        router.deliver(packet);
                    }
                }
                case "receive" -> {
                    for (Element expected : step.elements()) {
                        receive(router, expected, bindings, where);
                    }
                }
                default -> Assertions.fail(where + ": unknown step (use <send> or <receive>)");
            }
        }
        settle(component);
        Map<String, List<Packet>> left = router.unreceived();
        if (!left.isEmpty()) {
            StringBuilder text = new StringBuilder("transcript '" + name + "': unexpected stanzas sent:");
            left.values().forEach(list -> list.forEach(p -> text.append("\n").append(XmlAssert.pretty(p.getElement()))));
            Assertions.fail(text.toString());
        }
    }

    private void receive(InMemoryRouter router, Element expected, Map<String, String> bindings,
                                String where) {
        String to = expected.attributeValue("to");
        if (to == null || to.startsWith("{")) {
            Assertions.fail(where + ": an expected stanza needs a literal 'to' (whose mailbox to read): "
                    + expected.asXML());
        }
        Packet actual = router.receive(to, receiveTimeout);
        if (actual == null) {
            StringBuilder text = new StringBuilder(where + ": nothing sent to " + to + " within " + receiveTimeout
                    + "; expected\n" + XmlAssert.pretty(expected));
            router.unreceived().forEach((recipient, list) -> list.forEach(p ->
                    text.append("\nunreceived, for ").append(recipient).append(":\n")
                            .append(XmlAssert.pretty(p.getElement()))));
            Assertions.fail(text.toString());
        }
        XmlAssert.mismatch(expected, actual.getElement(), bindings)
                .ifPresent(message -> Assertions.fail(where + ": " + message));
    }

    private static Element substitute(Element element, Map<String, String> bindings, String where) {
        for (Attribute a : element.attributes()) {
            a.setValue(resolve(a.getValue(), bindings, where));
        }
        if (!element.getText().isBlank() && element.elements().isEmpty()) {
            element.setText(resolve(element.getText().strip(), bindings, where));
        }
        for (Element child : element.elements()) {
            substitute(child, bindings, where);
        }
        return element;
    }

    private static String resolve(String value, Map<String, String> bindings, String where) {
        if (!(value.startsWith("{$") && value.endsWith("}"))) {
            return value;
        }
        String name = value.substring(2, value.length() - 1);
        String bound = bindings.get(name);
        if (bound == null) {
            Assertions.fail(where + ": " + value + " used before a <receive> bound it");
        }
        return bound;
    }

    private void settle(PacketHandler component) {
        boolean idle = true;
        if (component instanceof StanzaRouter router) {
            // Nothing more will be delivered: draining waits for the queued work and frees the router's threads.
            idle = router.drain(receiveTimeout);
        } else if (component instanceof ComponentCore core) {
            core.drain(receiveTimeout);
        }
        Assertions.assertTrue(idle, "component still busy after " + receiveTimeout);
        try {
            // Room for stanzas sent from outside the queues (async replies) after the last task ended.
            Thread.sleep(QUIET_PERIOD.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<Element> transcripts(Element root) {
        return switch (root.getName()) {
            case "transcript" -> List.of(root);
            case "transcripts" -> root.elements("transcript");
            default -> Assertions.fail("a transcript file has <transcript> or <transcripts> at its root, not <"
                    + root.getName() + ">");
        };
    }

    private static Element parse(String resourcePath) {
        URL url = Thread.currentThread().getContextClassLoader().getResource(resourcePath);
        if (url == null) {
            return Assertions.fail("no such test resource: " + resourcePath);
        }
        try (InputStream in = url.openStream()) {
            return read(in, resourcePath);
        } catch (IOException e) {
            return Assertions.fail("cannot read " + resourcePath, e);
        }
    }

    private static Element read(InputStream in, String name) {
        try {
            Document document = new SAXReader().read(in);
            return document.getRootElement();
        } catch (DocumentException e) {
            return Assertions.fail("transcript " + name + " is not well-formed XML", e);
        }
    }

    /** Every {@code *.xml} below {@code resourceDir}, in the classpath's directories and jars, sorted by path. */
    private static Map<String, Element> loadFolder(String resourceDir) {
        Map<String, Element> files = new java.util.TreeMap<>();
        try {
            Enumeration<URL> roots = Thread.currentThread().getContextClassLoader().getResources(resourceDir);
            for (URL root : Collections.list(roots)) {
                URI uri = root.toURI();
                if ("jar".equals(uri.getScheme())) {
                    FileSystem fs;
                    try {
                        fs = FileSystems.newFileSystem(uri, Map.of());
                    } catch (FileSystemAlreadyExistsException e) {
                        fs = FileSystems.getFileSystem(uri);
                    }
                    collect(fs.provider().getPath(uri), resourceDir, files);
                } else {
                    collect(Path.of(uri), resourceDir, files);
                }
            }
        } catch (IOException | URISyntaxException e) {
            Assertions.fail("cannot list " + resourceDir, e);
        }
        return files;
    }

    private static void collect(Path folder, String resourceDir, Map<String, Element> files) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.filter(f -> f.toString().endsWith(".xml")).sorted().toList()) {
                String name = resourceDir + "/" + folder.relativize(p).toString().replace('\\', '/');
                try (InputStream in = Files.newInputStream(p)) {
                    files.put(name, read(in, name));
                }
            }
        }
    }
}
