package org.xcs.pubsub.privilege;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.xcs.common.disco.DiscoInfo;
import org.xcs.common.disco.DiscoInfoProvider;
import org.xcs.common.disco.DiscoQuery;
import org.xcs.common.disco.DiscoRegistry;
import org.xcs.common.stanza.Namespaces;

/**
 * XEP-0355 §6.1-6.2 ("Nesting of Disco Info"): the host asks for the features of a delegated namespace at nodes
 * {@code urn:xmpp:delegation:N::NS} (the server's own) and {@code urn:xmpp:delegation:N:bare:NS} (the users' bare
 * JIDs) and shows them in its own disco#info. The reply echoes the node ({@link DiscoInfo#toElement}): Prosody
 * answers not-acceptable and drops the features otherwise.
 */
public final class DelegationDisco implements DiscoInfoProvider {
    /** XEP-0163 §8 / XEP-0060 §10: the PEP service's identity. */
    static final String CATEGORY = "pubsub";
    static final String TYPE = "pep";

    private final DiscoRegistry registry;
    private final Supplier<List<String>> features;

    public DelegationDisco(DiscoRegistry registry, Supplier<List<String>> features) {
        this.registry = registry;
        this.features = features;
    }

    @Override
    public Optional<DiscoInfo> info(DiscoQuery query) {
        if (!registry.isService(query.target()) || query.node() == null) {
            return Optional.empty();
        }
        String namespace = delegatedNamespace(query.node());
        if (namespace == null || !namespace.startsWith(PrivilegeNs.PUBSUB)) {
            return Optional.empty();
        }
        DiscoInfo.Builder info = DiscoInfo.builder().identity(CATEGORY, TYPE, null).feature(Namespaces.DISCO_INFO);
        features.get().forEach(info::feature);
        return Optional.of(info.build());
    }

    /** The namespace named by a delegation node, either form, either version; null for any other node. */
    static String delegatedNamespace(String node) {
        for (int version = 1; version <= 2; version++) {
            String prefix = PrivilegeNs.delegation(version);
            for (String separator : List.of("::", ":bare:")) {
                if (node.startsWith(prefix + separator)) {
                    String ns = node.substring(prefix.length() + separator.length());
                    return ns.isEmpty() ? null : ns;
                }
            }
        }
        return null;
    }
}
