package org.xcs.common.disco;

import org.xcs.common.stanza.form.Field;
import org.xcs.common.stanza.rsm.PageSource;
import org.xmpp.packet.JID;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * What the service says about itself and its entities. Features register at wiring time; lookups run on any thread.
 * <ul>
 *   <li>the service JID without node: the registered identities, features and forms plus the contributors';</li>
 *   <li>anything else (a room JID, a node of the service): the first provider that claims it, or nothing, which the
 *       handlers answer with item-not-found (XEP-0030 §3.1).</li>
 * </ul>
 */
public final class DiscoRegistry {
    private final JID service;
    private final List<Consumer<DiscoInfo.Builder>> staticInfo = new CopyOnWriteArrayList<>();
    private final List<InfoContributor> contributors = new CopyOnWriteArrayList<>();
    private final List<DiscoInfoProvider> infoProviders = new CopyOnWriteArrayList<>();
    private final List<DiscoItemsProvider> itemsProviders = new CopyOnWriteArrayList<>();

    public DiscoRegistry(JID service) {
        this.service = service.asBareJID();
    }

    public JID service() {
        return service;
    }

    public DiscoRegistry add(DiscoFeature... features) {
        for (DiscoFeature f : features) {
            f.contributeTo(this);
        }
        return this;
    }

    public DiscoRegistry addIdentity(Identity identity) {
        validate(b -> b.identity(identity));
        staticInfo.add(b -> b.identity(identity));
        return this;
    }

    public DiscoRegistry addFeature(String var) {
        staticInfo.add(b -> b.feature(var));
        return this;
    }

    /** XEP-0128: fields for the service's form of {@code formType}; contributions to one FORM_TYPE merge. */
    public DiscoRegistry addExtendedInfo(String formType, Field... fields) {
        validate(b -> b.extend(formType, fields));
        staticInfo.add(b -> b.extend(formType, fields));
        return this;
    }

    public DiscoRegistry addInfoContributor(InfoContributor contributor) {
        contributors.add(contributor);
        return this;
    }

    public DiscoRegistry addInfoProvider(DiscoInfoProvider provider) {
        infoProviders.add(provider);
        return this;
    }

    public DiscoRegistry addItemsProvider(DiscoItemsProvider provider) {
        itemsProviders.add(provider);
        return this;
    }

    public boolean isService(JID target) {
        return target == null || service.equals(target);
    }

    public Optional<DiscoInfo> info(DiscoQuery query) {
        if (isService(query.target()) && query.node() == null) {
            DiscoInfo.Builder b = DiscoInfo.builder();
            staticInfo.forEach(c -> c.accept(b));
            contributors.forEach(c -> c.contribute(query, b));
            return Optional.of(b.build());
        }
        for (DiscoInfoProvider p : infoProviders) {
            Optional<DiscoInfo> info = p.info(query);
            if (info.isPresent()) {
                return info;
            }
        }
        return Optional.empty();
    }

    /**
     * XEP-0030 §4.1: an entity without (public) items answers an empty list, not an error. So a known entity (the
     * service itself, or one a provider describes) that no items provider claims has no items; an unknown one is
     * empty here.
     */
    public Optional<PageSource<DiscoItem>> items(DiscoQuery query) {
        for (DiscoItemsProvider p : itemsProviders) {
            Optional<PageSource<DiscoItem>> items = p.items(query);
            if (items.isPresent()) {
                return items;
            }
        }
        boolean known = (isService(query.target()) && query.node() == null) || info(query).isPresent();
        return known ? Optional.of(PageSource.ofList(List.of(), DiscoItem::rsmId)) : Optional.empty();
    }

    /** Fails at wiring time rather than on the first disco#info, e.g. for two names of one identity. */
    private void validate(Consumer<DiscoInfo.Builder> addition) {
        DiscoInfo.Builder b = DiscoInfo.builder();
        staticInfo.forEach(c -> c.accept(b));
        addition.accept(b);
    }
}
