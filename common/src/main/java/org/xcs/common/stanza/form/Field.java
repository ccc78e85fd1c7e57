package org.xcs.common.stanza.form;

import org.xmpp.packet.JID;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One immutable {@code <field/>} of a data form. A field read from the wire may lack a type (XEP-0004 §3.2). */
public final class Field {
    public record Option(String label, String value) {
        public Option {
            Objects.requireNonNull(value, "option value");
        }
    }

    private final String var;
    private final FieldType type;
    private final String label;
    private final String description;
    private final boolean required;
    private final List<String> values;
    private final List<Option> options;

    private Field(Builder b) {
        this.var = b.var;
        this.type = b.type;
        this.label = b.label;
        this.description = b.description;
        this.required = b.required;
        this.values = List.copyOf(b.values);
        this.options = List.copyOf(b.options);
    }

    public static Builder builder(String var, FieldType type) {
        return new Builder(var, type);
    }

    /** XEP-0068 §2: the hidden field naming the form's registered type. */
    public static Field formType(String namespace) {
        return builder(Form.FORM_TYPE, FieldType.HIDDEN).value(namespace).build();
    }

    public static Field hidden(String var, String value) {
        return builder(var, FieldType.HIDDEN).value(value).build();
    }

    public static Field textSingle(String var, String value) {
        return builder(var, FieldType.TEXT_SINGLE).value(value).build();
    }

    public static Field bool(String var, boolean value) {
        return builder(var, FieldType.BOOLEAN).value(value).build();
    }

    public String var() { return var; }
    public Optional<FieldType> type() { return Optional.ofNullable(type); }
    public Optional<String> label() { return Optional.ofNullable(label); }
    public Optional<String> description() { return Optional.ofNullable(description); }
    public boolean required() { return required; }
    public List<String> values() { return values; }
    public List<Option> options() { return options; }

    public Optional<String> firstValue() {
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    @Override
    public String toString() {
        return "Field[" + var + " " + type + " " + values + "]";
    }

    public static final class Builder {
        private final String var;
        private final FieldType type;
        private String label;
        private String description;
        private boolean required;
        private final List<String> values = new ArrayList<>();
        private final List<Option> options = new ArrayList<>();

        private Builder(String var, FieldType type) {
            // XEP-0004 §3.2: every field but "fixed" MUST have a var.
            if (var == null && type != FieldType.FIXED) {
                throw new IllegalArgumentException("a " + type + " field needs a var");
            }
            this.var = var;
            this.type = type;
        }

        public Builder label(String label) { this.label = label; return this; }
        public Builder description(String description) { this.description = description; return this; }
        public Builder required() { this.required = true; return this; }

        public Builder value(String value) {
            values.add(Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Written as "1"/"0", the lexical forms XEP-0004 §3.3 and its examples use. */
        public Builder value(boolean value) { return value(value ? "1" : "0"); }
        public Builder value(JID value) { return value(value.toString()); }

        public Builder values(Collection<String> more) {
            more.forEach(this::value);
            return this;
        }

        public Builder option(String label, String value) {
            if (type != FieldType.LIST_SINGLE && type != FieldType.LIST_MULTI) {
                // XEP-0004 §3.2: options are only for list-single and list-multi.
                throw new IllegalArgumentException("options on a " + type + " field");
            }
            options.add(new Option(label, value));
            return this;
        }

        public Builder option(String value) { return option(null, value); }

        public Field build() { return new Field(this); }
    }
}
