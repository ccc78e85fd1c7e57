package org.xcs.muc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.xcs.muc.service.CreationPolicy;
import org.xcs.muc.service.MucSettings;
import org.xmpp.packet.JID;
import org.xcs.common.cli.DomainConverter;
import org.xcs.common.component.RuntimeSettings;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The MUC service's own options (a Picocli mixin of {@link Main}); like every option they can also come from
 * {@code --config} (repeatable ones comma-separated there). Defaults favour a service attached to one server:
 * rooms are created by that server's users ({@code local}), not by anyone on the federated network.
 */
public final class MucOptions {

    static final int MAX_HISTORY_LIMIT = 10_000;
    static final int MAX_MESSAGE_CHARS_LIMIT = 10_000_000;

    @Option(names = "--room-creation", defaultValue = "local", paramLabel = "WHO",
            converter = CreationPolicyConverter.class,
            description = "Who may create rooms: anyone, local (users of the host domains, and admins) or admins"
                    + " (default: ${DEFAULT-VALUE}).")
    private CreationPolicy roomCreation;

    @Option(names = "--admin", paramLabel = "JID", split = ",", converter = BareJidConverter.class,
            description = "Service admin (bare JID, repeatable): owner rights in every room, may always create rooms.")
    private List<JID> admins = new ArrayList<>();

    @Option(names = "--host-domain", paramLabel = "DOMAIN", split = ",", converter = DomainConverter.class,
            description = "Domain whose users are local (repeatable; default: the parent of --domain).")
    private List<String> hostDomains = new ArrayList<>();

    @Option(names = "--max-history", defaultValue = "100", paramLabel = "N", converter = MaxHistoryConverter.class,
            description = "Most messages any room keeps as history (0.." + MAX_HISTORY_LIMIT
                    + "; default: ${DEFAULT-VALUE}).")
    private int maxHistory;

    @Option(names = "--max-message-chars", defaultValue = "65536", paramLabel = "N",
            converter = MaxMessageCharsConverter.class,
            description = "Longer message bodies are refused (1.." + MAX_MESSAGE_CHARS_LIMIT
                    + "; default: ${DEFAULT-VALUE}).")
    private int maxMessageChars;

    @Option(names = "--public-occupant-lists", defaultValue = "false",
            description = "List the occupants of public, open rooms without password in disco#items to anyone, not"
                    + " only to occupants (XEP-0045 §6.5 allows it; off by default, as §6.5 advises).")
    private boolean publicOccupantLists;

    /** The settings for a service at {@code componentDomain} (e.g. muc.example.org: local users are example.org's). */
    public MucSettings settings(String componentDomain) {
        Set<String> local = new LinkedHashSet<>(hostDomains);
        if (local.isEmpty()) {
            local.add(RuntimeSettings.parentDomainOf(componentDomain));
        }
        // In the order given: the first is the one searched for the host's multicast service.
        return new MucSettings(roomCreation, Collections.unmodifiableSet(local), Set.copyOf(admins), maxHistory,
                maxMessageChars, publicOccupantLists);
    }

    static final class CreationPolicyConverter implements ITypeConverter<CreationPolicy> {
        @Override
        public CreationPolicy convert(String value) {
            try {
                return CreationPolicy.fromOption(value.trim());
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not one of anyone, local, admins");
            }
        }
    }

    static final class BareJidConverter implements ITypeConverter<JID> {
        @Override
        public JID convert(String value) {
            JID jid;
            try {
                jid = new JID(value.trim());
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not a valid JID");
            }
            if (value.isBlank() || jid.getNode() == null || jid.getResource() != null) {
                throw new TypeConversionException("'" + value + "' is not a bare user JID: give e.g. admin@example.org");
            }
            return jid;
        }
    }

    static final class MaxHistoryConverter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return bounded(value, 0, MAX_HISTORY_LIMIT);
        }
    }

    static final class MaxMessageCharsConverter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return bounded(value, 1, MAX_MESSAGE_CHARS_LIMIT);
        }
    }

    private static int bounded(String value, int min, int max) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new TypeConversionException("'" + value + "' is not a whole number in " + min + ".." + max);
    }
}
