package org.xcs.common.disco;

import java.util.Objects;

/** XEP-0030 §3.1 identity; {@code name} and {@code lang} (xml:lang) are optional. */
public record Identity(String category, String type, String name, String lang) {
    public Identity {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(type, "type");
    }

    public Identity(String category, String type, String name) {
        this(category, type, name, null);
    }

    /** §3.1: at most one name per category+type+xml:lang. */
    boolean sameSlot(Identity other) {
        return category.equals(other.category) && type.equals(other.type) && Objects.equals(lang, other.lang);
    }
}
