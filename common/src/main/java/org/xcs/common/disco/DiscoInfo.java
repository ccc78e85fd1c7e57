package org.xcs.common.disco;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.Namespace;
import org.dom4j.QName;
import org.xcs.common.stanza.Namespaces;
import org.xcs.common.stanza.form.Field;
import org.xcs.common.stanza.form.Form;
import org.xcs.common.stanza.form.FormType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** An immutable disco#info answer: identities, features (each once) and XEP-0128 forms (one per FORM_TYPE). */
public final class DiscoInfo {
    private final List<Identity> identities;
    private final Set<String> features;
    private final List<String> orderedFeatures;
    private final List<Form> forms;

    private DiscoInfo(List<Identity> identities, Set<String> features, List<Form> forms) {
        this.identities = List.copyOf(identities);
        this.features = Set.copyOf(features);
        this.orderedFeatures = List.copyOf(features);
        this.forms = List.copyOf(forms);
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<Identity> identities() { return identities; }
    public List<String> features() { return orderedFeatures; }
    public boolean hasFeature(String var) { return features.contains(var); }
    public List<Form> forms() { return forms; }

    /** §3.2: a node in the request MUST be mirrored in the result (Prosody ignores the answer otherwise). */
    public Element toElement(String node) {
        Element query = DocumentHelper.createElement(QName.get("query", Namespaces.DISCO_INFO));
        if (node != null) {
            query.addAttribute("node", node);
        }
        for (Identity i : identities) {
            Element e = query.addElement("identity");
            e.addAttribute("category", i.category());
            e.addAttribute("type", i.type());
            if (i.name() != null) {
                e.addAttribute("name", i.name());
            }
            if (i.lang() != null) {
                e.addAttribute(QName.get("lang", Namespace.XML_NAMESPACE), i.lang());
            }
        }
        for (String f : orderedFeatures) {
            query.addElement("feature").addAttribute("var", f);
        }
        for (Form form : forms) {
            query.add(form.toElement());
        }
        return query;
    }

    public static final class Builder {
        private final List<Identity> identities = new ArrayList<>();
        private final Set<String> features = new LinkedHashSet<>();
        private final Map<String, Form> typedForms = new LinkedHashMap<>();
        private final List<Form> untypedForms = new ArrayList<>();

        private Builder() {
            // XEP-0030 §3.1: every entity MUST support (and so list) disco#info.
            features.add(Namespaces.DISCO_INFO);
        }

        /** An exact repeat is ignored; another name for the same category+type+xml:lang is a wiring bug (§3.1). */
        public Builder identity(Identity identity) {
            for (Identity existing : identities) {
                if (existing.sameSlot(identity)) {
                    if (existing.equals(identity)) {
                        return this;
                    }
                    throw new IllegalArgumentException("two names for identity " + identity.category() + "/"
                            + identity.type() + ": '" + existing.name() + "' and '" + identity.name() + "'");
                }
            }
            identities.add(identity);
            return this;
        }

        public Builder identity(String category, String type, String name) {
            return identity(new Identity(category, type, name));
        }

        public Builder feature(String var) {
            features.add(var);
            return this;
        }

        /**
         * XEP-0128: forms are merged by FORM_TYPE, so several contributors can each add their fields to e.g.
         * {@code http://jabber.org/protocol/muc#roominfo} and the result still has one such form (XEP-0115 §5.4
         * makes a result with two forms of one FORM_TYPE invalid).
         */
        public Builder form(Form form) {
            String type = form.formType().orElse(null);
            if (type == null) {
                untypedForms.add(form);
            } else {
                typedForms.merge(type, form, Form::mergedWith);
            }
            return this;
        }

        /** Adds fields to the result form of {@code formType}, creating it if needed. */
        public Builder extend(String formType, Field... fields) {
            Form.Builder form = Form.builder(FormType.RESULT).formType(formType);
            for (Field f : fields) {
                form.field(f);
            }
            return form(form.build());
        }

        public Builder merge(DiscoInfo other) {
            other.identities.forEach(this::identity);
            other.orderedFeatures.forEach(this::feature);
            other.forms.forEach(this::form);
            return this;
        }

        public DiscoInfo build() {
            if (identities.isEmpty()) {
                throw new IllegalStateException("XEP-0030 §3.1: every entity MUST have at least one identity");
            }
            List<Form> forms = new ArrayList<>(typedForms.values());
            forms.addAll(untypedForms);
            return new DiscoInfo(identities, features, forms);
        }
    }
}
