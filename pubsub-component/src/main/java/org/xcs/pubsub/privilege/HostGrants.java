package org.xcs.pubsub.privilege;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.dom4j.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;

/**
 * The permissions hosts announce on connect (XEP-0356 §3.2 {@code <privilege/>}, XEP-0355 §5.1
 * {@code <delegation/>}), per host domain. Only the served host's announcements count; the others are logged and
 * ignored. ejabberd sends each announcement twice and may split delegations over several messages: identical sets
 * log once, delegated namespaces of one version accumulate until the next connect ({@link #reset}).
 */
public final class HostGrants {
    private static final Logger log = LoggerFactory.getLogger(HostGrants.class);

    private final String hostDomain;
    private final Map<String, Grants> byDomain = new ConcurrentHashMap<>();

    public HostGrants(String hostDomain) {
        this.hostDomain = Objects.requireNonNull(hostDomain);
    }

    public String hostDomain() {
        return hostDomain;
    }

    /** The served host's grants; {@link Grants#NONE} before its announcements. */
    public Grants grants() {
        return grants(hostDomain);
    }

    public Grants grants(String domain) {
        return byDomain.getOrDefault(domain, Grants.NONE);
    }

    /** Forgets every grant: after a reconnect the host announces them again (and may have changed them). */
    public void reset() {
        byDomain.clear();
    }

    /** Whether {@code message} is a host's announcement (then taken in, or ignored when from another domain). */
    public boolean accept(Message message) {
        JID from = message.getFrom();
        if (from == null || from.getNode() != null || from.getResource() != null) {
            return false;
        }
        Element privilege = child(message.getElement(), "privilege", PrivilegeNs.PRIVILEGE_PREFIX);
        Element delegation = child(message.getElement(), "delegation", PrivilegeNs.DELEGATION_PREFIX);
        if (privilege == null && delegation == null) {
            return false;
        }
        String domain = from.getDomain();
        if (!hostDomain.equals(domain)) {
            // XEP-0356 §9: privileges come from the server that manages the users, not from anyone else.
            log.warn("Ignored a privilege/delegation announcement from {}: this component serves {}", domain,
                    hostDomain);
            return true;
        }
        if (privilege != null && privilege.element("forwarded") == null) {
            takePrivileges(domain, privilege);
        }
        if (delegation != null && delegation.element("forwarded") == null) {
            takeDelegations(domain, delegation);
        }
        return true;
    }

    private void takePrivileges(String domain, Element privilege) {
        int version = PrivilegeNs.version(privilege.getNamespaceURI(), PrivilegeNs.PRIVILEGE_PREFIX);
        Grants.Roster roster = Grants.Roster.NONE;
        Boolean push = null;
        Grants.MessagePerm message = Grants.MessagePerm.NONE;
        Grants.PresencePerm presence = Grants.PresencePerm.NONE;
        Map<String, String> iq = new LinkedHashMap<>();
        for (Element perm : privilege.elements("perm")) {
            // v2 names the permission 'access'; early v1 texts called it 'namespace'.
            String access = perm.attributeValue("access", perm.attributeValue("namespace"));
            String type = perm.attributeValue("type");
            if (access == null) {
                continue;
            }
            switch (access) {
                case "roster" -> {
                    roster = Grants.Roster.fromWire(type);
                    String p = perm.attributeValue("push");
                    push = p == null ? null : Boolean.valueOf("true".equals(p) || "1".equals(p));
                }
                case "message" -> message = Grants.MessagePerm.fromWire(type);
                case "presence" -> presence = Grants.PresencePerm.fromWire(type);
                case "iq" -> {
                    for (Element ns : perm.elements("namespace")) {
                        if (ns.attributeValue("ns") != null) {
                            iq.put(ns.attributeValue("ns"), ns.attributeValue("type", "none"));
                        }
                    }
                }
                default -> log.debug("Unknown permission '{}' from {} ignored", access, domain);
            }
        }
        // XEP-0356 §3.2: push defaults to true with get or both.
        boolean pushes = push != null ? push && roster.canRead() : roster.canRead();
        Grants before = grants(domain);
        Grants after = before.withPrivileges(version, roster, pushes, message, presence, iq);
        byDomain.put(domain, after);
        if (after.equals(before)) {
            log.debug("{} repeated its privileges", domain);
            return;
        }
        log.info("{} granted privileges ({}): roster={}{}, message={}, presence={}, iq={}", domain,
                privilege.getNamespaceURI(), roster, pushes ? " with pushes" : "", message, presence,
                iq.isEmpty() ? "none" : iq);
        warnMissing(domain, after);
    }

    private static void warnMissing(String domain, Grants g) {
        if (!g.canSendMessages()) {
            log.warn("{} gave no message permission (XEP-0356 §4): PEP notifications and last items on coming "
                    + "online cannot be sent on the users' behalf", domain);
        }
        if (!g.canReadRosters()) {
            log.warn("{} gave no roster read permission (XEP-0356 §3): presence and roster access models deny "
                    + "everyone but the owner, and contacts get no notifications", domain);
        } else if (!g.rosterPush()) {
            log.warn("{} sends no roster pushes: roster changes are seen only when a roster is fetched again "
                    + "(an owner coming online)", domain);
        }
        switch (g.presence()) {
            case NONE -> log.warn("{} gave no presence permission (XEP-0356 §7): no resource is known online, so "
                    + "no notifications and no last items on coming online are sent", domain);
            case MANAGED_ENTITY -> log.warn("{} gave presence permission managed_entity, not roster: contacts on "
                    + "other servers are never seen online and get no notifications", domain);
            default -> {
            }
        }
    }

    private void takeDelegations(String domain, Element delegation) {
        int version = PrivilegeNs.version(delegation.getNamespaceURI(), PrivilegeNs.DELEGATION_PREFIX);
        Grants before = grants(domain);
        Set<String> namespaces = new LinkedHashSet<>();
        if (before.delegationVersion() == version) {
            namespaces.addAll(before.delegated());
        }
        for (Element delegated : delegation.elements("delegated")) {
            String ns = delegated.attributeValue("namespace");
            if (ns != null && !ns.isEmpty()) {
                namespaces.add(ns);
            }
        }
        Grants after = before.withDelegations(version, namespaces);
        byDomain.put(domain, after);
        if (after.equals(before)) {
            log.debug("{} repeated its delegations", domain);
            return;
        }
        log.info("{} delegated namespaces ({}): {}", domain, delegation.getNamespaceURI(), namespaces);
        if (!namespaces.contains(PrivilegeNs.PUBSUB)) {
            log.warn("{} did not delegate {} (XEP-0355): the users' PEP requests do not reach this component",
                    domain, PrivilegeNs.PUBSUB);
        }
        if (!namespaces.contains(PrivilegeNs.PUBSUB + "#owner")) {
            log.warn("{} did not delegate {}#owner: PEP node configuration, deletion, purge and affiliations "
                    + "stay with the host", domain, PrivilegeNs.PUBSUB);
        }
    }

    private static Element child(Element parent, String name, String nsPrefix) {
        for (Element e : parent.elements(name)) {
            if (PrivilegeNs.version(e.getNamespaceURI(), nsPrefix) > 0) {
                return e;
            }
        }
        return null;
    }
}
