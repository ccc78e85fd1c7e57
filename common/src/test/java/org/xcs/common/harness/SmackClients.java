package org.xcs.common.harness;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.jivesoftware.smackx.disco.packet.DiscoverItems;
import org.jivesoftware.smackx.iqversion.packet.Version;
import org.jivesoftware.smackx.ping.packet.Ping;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * Smack clients logged in to a {@link TestHost} over plain c2s on 127.0.0.1 (SASL PLAIN, no TLS), plus the
 * checks integration tests make against a component through the host. Closing disconnects every client made.
 */
public final class SmackClients implements AutoCloseable {
    public static final Duration REPLY_TIMEOUT = Duration.ofSeconds(10);

    private final TestHost host;
    private final List<XMPPTCPConnection> connections = new ArrayList<>();

    public SmackClients(TestHost host) {
        this.host = host;
    }

    /** A connected, logged-in client {@code user@domain/resource}. */
    public XMPPTCPConnection login(String user, String password, String resource) {
        XMPPTCPConnection connection = new XMPPTCPConnection(configuration(user, password, resource));
        connection.setReplyTimeout(REPLY_TIMEOUT.toMillis());
        synchronized (connections) {
            connections.add(connection);
        }
        try {
            connection.connect().login();
        } catch (SmackException | IOException | XMPPException e) {
            throw new HostException("client " + user + "@" + host.domain() + " could not log in on 127.0.0.1:"
                    + host.c2sPort() + ": " + e + "\n" + host.logTail(20), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HostException("interrupted while logging in " + user, e);
        }
        return connection;
    }

    public XMPPTCPConnection login(String user, String password) {
        return login(user, password, "harness");
    }

    /** The configuration {@link #login} uses, for tests that need to tune it before connecting. */
    public XMPPTCPConnectionConfiguration configuration(String user, String password, String resource) {
        try {
            return XMPPTCPConnectionConfiguration.builder()
                    .setXmppDomain(host.domain())
                    .setHostAddress(InetAddress.getLoopbackAddress())
                    .setPort(host.c2sPort())
                    // Loopback only: the test hosts offer no TLS (c2s_require_encryption = false / starttls: false).
                    .setSecurityMode(SecurityMode.disabled)
                    .addEnabledSaslMechanism("PLAIN")
                    .setUsernameAndPassword(user, password)
                    .setResource(resource)
                    .setSendPresence(true)
                    .setConnectTimeout((int) REPLY_TIMEOUT.toMillis())
                    .build();
        } catch (XmppStringprepException e) {
            throw new IllegalArgumentException("not a valid JID part: " + user + "/" + resource, e);
        }
    }

    /** XEP-0030 disco#info of an entity (optionally a node), failing on an error reply. */
    public static DiscoverInfo discoInfo(XMPPConnection connection, String jid) throws Exception {
        return ServiceDiscoveryManager.getInstanceFor(connection).discoverInfo(jid(jid));
    }

    public static DiscoverInfo discoInfo(XMPPConnection connection, String jid, String node) throws Exception {
        return ServiceDiscoveryManager.getInstanceFor(connection).discoverInfo(jid(jid), node);
    }

    /** XEP-0030 disco#items of an entity, e.g. the host domain listing its components. */
    public static DiscoverItems discoItems(XMPPConnection connection, String jid) throws Exception {
        return ServiceDiscoveryManager.getInstanceFor(connection).discoverItems(jid(jid));
    }

    /**
     * XEP-0199 §4.2: pings an entity and passes only on an IQ result. Smack's PingManager.ping(jid) also counts
     * some error replies as a pong (§4.3 for clients), which would let a component that does not implement ping
     * pass.
     */
    public static IQ ping(XMPPConnection connection, String jid) throws Exception {
        return connection.sendIqRequestAndWaitForResponse(new Ping(connection, jid(jid)));
    }

    /** XEP-0092 software version of an entity; fails on an error reply. */
    public static Version version(XMPPConnection connection, String jid) throws Exception {
        Version request = Version.builder(connection).to(jid(jid)).ofType(IQ.Type.get).build();
        return connection.sendIqRequestAndWaitForResponse(request);
    }

    public static Jid jid(String jid) {
        try {
            return JidCreate.from(jid);
        } catch (XmppStringprepException e) {
            throw new IllegalArgumentException("not a JID: " + jid, e);
        }
    }

    @Override
    public void close() {
        List<XMPPTCPConnection> open;
        synchronized (connections) {
            open = new ArrayList<>(connections);
            connections.clear();
        }
        open.forEach(XMPPTCPConnection::disconnect);
    }
}
