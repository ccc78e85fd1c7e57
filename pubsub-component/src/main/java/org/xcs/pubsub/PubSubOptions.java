package org.xcs.pubsub;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.xcs.common.component.RuntimeSettings;
import org.xcs.pubsub.service.CreationPolicy;
import org.xcs.pubsub.service.ServiceSettings;
import org.xmpp.packet.JID;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The service's policy options (also read from --config, keys without dashes). */
public final class PubSubOptions {

    @Option(names = "--node-creation", defaultValue = "host-users", paramLabel = "WHO",
            converter = CreationConverter.class,
            description = "Who may create nodes (XEP-0060 §8.1): host-users, admins, or a comma-separated JID list.")
    Creation creation = new Creation("host-users", Set.of());

    @Option(names = "--admin", paramLabel = "JID", converter = BareJidConverter.class,
            description = "A service admin: owner rights on every node (repeatable).")
    List<String> admins = new ArrayList<>();

    @Option(names = "--host-domain", paramLabel = "DOMAIN", converter = BareJidConverter.class,
            description = "The host's user domain for --node-creation=host-users (default: parent of --domain).")
    String hostDomain;

    @Option(names = "--pep", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Serve PEP (XEP-0163) for the host's users through XEP-0355/0356 when the host grants it "
                    + "(default: on; --no-pep serves only the pubsub service at --domain).")
    boolean pep = true;

    @Option(names = "--max-items", defaultValue = "1000", paramLabel = "N", converter = PositiveConverter.class,
            description = "Default pubsub#max_items of new nodes.")
    long maxItems = 1000;

    @Option(names = "--max-payload", defaultValue = "262144", paramLabel = "BYTES", converter = PositiveConverter.class,
            description = "Largest item payload in bytes.")
    long maxPayload = 256 * 1024;

    record Creation(String mode, Set<String> jids) {
    }

    public ServiceSettings settings() {
        ServiceSettings d = ServiceSettings.defaults();
        if (maxItems > d.maxItemsLimit()) {
            throw new IllegalArgumentException("--max-items above the service limit " + d.maxItemsLimit());
        }
        return new ServiceSettings(d.autoCreate(), maxItems, d.maxItemsLimit(), maxPayload,
                new LinkedHashSet<>(admins), d.accessModels(), d.itemsPageCap());
    }

    public CreationPolicy creationPolicy(String componentDomain) {
        return switch (creation.mode()) {
            case "admins" -> CreationPolicy.adminsOnly();
            case "list" -> CreationPolicy.listed(creation.jids());
            default -> CreationPolicy.hostUsers(Set.of(hostDomain(componentDomain)));
        };
    }

    public boolean pepEnabled() {
        return pep;
    }

    /** The host whose users this service serves: --host-domain, or the parent of the component's domain. */
    public String hostDomain(String componentDomain) {
        return hostDomain != null ? hostDomain : RuntimeSettings.parentDomainOf(componentDomain);
    }

    static final class CreationConverter implements ITypeConverter<Creation> {
        @Override
        public Creation convert(String value) {
            String v = value.trim();
            if (v.equals("host-users") || v.equals("admins")) {
                return new Creation(v, Set.of());
            }
            Set<String> jids = new LinkedHashSet<>();
            for (String part : v.split(",")) {
                jids.add(new BareJidConverter().convert(part));
            }
            return new Creation("list", jids);
        }
    }

    static final class BareJidConverter implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String v = value.trim();
            if (v.isEmpty()) {
                throw new TypeConversionException("empty JID");
            }
            try {
                JID jid = new JID(v);
                if (jid.getResource() != null) {
                    throw new TypeConversionException("'" + value + "' has a resource; give a bare JID");
                }
                return jid.toBareJID();
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not a JID");
            }
        }
    }

    static final class PositiveConverter implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            try {
                long n = Long.parseLong(value.trim());
                if (n <= 0) {
                    throw new TypeConversionException("'" + value + "' must be positive");
                }
                return n;
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a number");
            }
        }
    }
}
