package org.xcs.common.service;

import org.dom4j.Element;
import org.xcs.common.disco.DiscoFeature;
import org.xcs.common.disco.DiscoRegistry;
import org.xcs.common.error.XmppException;
import org.xcs.common.router.IqHandler;
import org.xcs.common.stanza.Namespaces;
import org.xmpp.packet.IQ;
import org.xmpp.packet.PacketError;

import java.util.Objects;

/**
 * XEP-0092: name and version, and the operating system only when the operator opts in (XEP-0092 §4 security
 * considerations: the OS helps attackers).
 */
public final class VersionHandler implements IqHandler, DiscoFeature {
    private final String name;
    private final String version;
    private final String os;

    public VersionHandler(String name, String version, String os) {
        this.name = Objects.requireNonNull(name, "name");
        this.version = Objects.requireNonNull(version, "version");
        this.os = os;
    }

    public VersionHandler(String name, String version) {
        this(name, version, null);
    }

    /** The jar manifest's Implementation-Version of {@code anchor}'s package, or {@code fallback} (e.g. in an IDE). */
    public static String implementationVersion(Class<?> anchor, String fallback) {
        Package p = anchor.getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        return v == null || v.isBlank() ? fallback : v;
    }

    /** "Linux 6.1.0 (amd64)", for operators who choose to reveal it. */
    public static String runningOs() {
        return System.getProperty("os.name") + " " + System.getProperty("os.version")
                + " (" + System.getProperty("os.arch") + ")";
    }

    @Override
    public IQ handle(IQ request) {
        if (request.getType() != IQ.Type.get) {
            throw new XmppException(PacketError.Condition.bad_request, "software version is only defined for get");
        }
        IQ reply = IQ.createResultIQ(request);
        Element query = reply.setChildElement("query", Namespaces.VERSION);
        query.addElement("name").setText(name);
        query.addElement("version").setText(version);
        if (os != null) {
            query.addElement("os").setText(os);
        }
        return reply;
    }

    @Override
    public void contributeTo(DiscoRegistry registry) {
        registry.addFeature(Namespaces.VERSION);
    }
}
