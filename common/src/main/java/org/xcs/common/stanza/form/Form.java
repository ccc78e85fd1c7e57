package org.xcs.common.stanza.form;

import org.dom4j.Element;
import org.xcs.common.error.XmppException;
import org.xcs.common.stanza.Namespaces;
import org.xmpp.forms.DataForm;
import org.xmpp.forms.FormField;
import org.xmpp.packet.PacketError;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An immutable XEP-0004 data form (without the §3.4 reported/item table). */
public final class Form {
    /** XEP-0068 §2. */
    public static final String FORM_TYPE = "FORM_TYPE";

    private final FormType type;
    private final String title;
    private final List<String> instructions;
    private final List<Field> fields;

    private Form(FormType type, String title, List<String> instructions, List<Field> fields) {
        this.type = type;
        this.title = title;
        this.instructions = List.copyOf(instructions);
        this.fields = List.copyOf(fields);
    }

    public static Builder builder(FormType type) {
        return new Builder(type);
    }

    public FormType type() { return type; }
    public Optional<String> title() { return Optional.ofNullable(title); }
    public List<String> instructions() { return instructions; }
    public List<Field> fields() { return fields; }

    public Optional<Field> field(String var) {
        return fields.stream().filter(f -> var.equals(f.var())).findFirst();
    }

    /**
     * XEP-0068 §5: FORM_TYPE is a context indicator only when hidden; in a submit form the type may be omitted
     * (the field is still FORM_TYPE then).
     */
    public Optional<String> formType() {
        return field(FORM_TYPE)
                .filter(f -> f.type().map(t -> t == FieldType.HIDDEN).orElse(type == FormType.SUBMIT))
                .flatMap(Field::firstValue);
    }

    /**
     * This form with {@code other}'s fields added (a field with the same var is replaced in place). Used to merge
     * XEP-0128 contributions: a disco#info result must hold at most one form per FORM_TYPE (XEP-0115 §5.4 rejects
     * the whole result otherwise).
     */
    public Form mergedWith(Form other) {
        Map<String, Field> byVar = new LinkedHashMap<>();
        List<Field> merged = new ArrayList<>();
        for (Field f : fields) {
            add(merged, byVar, f);
        }
        for (Field f : other.fields) {
            add(merged, byVar, f);
        }
        return new Form(type, title != null ? title : other.title, instructions, merged);
    }

    private static void add(List<Field> merged, Map<String, Field> byVar, Field f) {
        Field previous = f.var() == null ? null : byVar.put(f.var(), f);
        if (previous != null) {
            merged.set(merged.indexOf(previous), f);
        } else {
            merged.add(f);
        }
    }

    /** A Tinder extension, e.g. for {@code message.addExtension(form.toDataForm())}. */
    public DataForm toDataForm() {
        DataForm form = new DataForm(DataForm.Type.valueOf(type.toString()));
        if (title != null) {
            form.setTitle(title);
        }
        instructions.forEach(form::addInstruction);
        for (Field f : fields) {
            FormField out = form.addField();
            // XEP-0004 §11 schema order inside <field/>: desc, required, value*, option*.
            if (f.var() != null) {
                out.setVariable(f.var());
            }
            f.type().ifPresent(t -> out.setType(t.tinderType()));
            f.label().ifPresent(out::setLabel);
            f.description().ifPresent(out::setDescription);
            if (f.required()) {
                out.setRequired(true);
            }
            f.values().forEach(out::addValue);
            f.options().forEach(o -> out.addOption(o.label(), o.value()));
        }
        return form;
    }

    /** A detached {@code <x xmlns='jabber:x:data'/>} to add under a protocol element. */
    public Element toElement() {
        return toDataForm().getElement().createCopy();
    }

    /** Reads any form; a missing or unknown form type is a bad-request (XEP-0004 §3.1 lists the only four). */
    public static Form parse(Element x) {
        if (!"x".equals(x.getName()) || !Namespaces.DATA_FORMS.equals(x.getNamespaceURI())) {
            throw new XmppException(PacketError.Condition.bad_request, "not a jabber:x:data form");
        }
        String typeName = x.attributeValue("type");
        FormType type = FormType.fromWire(typeName).orElseThrow(() -> new XmppException(
                PacketError.Condition.bad_request, "data form type '" + typeName + "' is not one of XEP-0004 §3.1"));
        List<String> instructions = new ArrayList<>();
        for (Element i : x.elements("instructions")) {
            instructions.add(i.getText());
        }
        List<Field> fields = new ArrayList<>();
        for (Element f : x.elements("field")) {
            fields.add(parseField(f));
        }
        Element title = x.element("title");
        return new Form(type, title == null ? null : title.getText(), instructions, fields);
    }

    private static Field parseField(Element f) {
        String var = f.attributeValue("var");
        String typeName = f.attributeValue("type");
        FieldType type = typeName == null ? null : FieldType.fromWire(typeName);
        if (var == null && type != FieldType.FIXED) {
            throw new XmppException(PacketError.Condition.bad_request, "a data form field has no var (XEP-0004 §3.2)");
        }
        Field.Builder b = Field.builder(var, type);
        Optional.ofNullable(f.attributeValue("label")).ifPresent(b::label);
        Optional.ofNullable(f.element("desc")).map(Element::getText).ifPresent(b::description);
        if (f.element("required") != null) {
            b.required();
        }
        for (Element v : f.elements("value")) {
            b.value(v.getText());
        }
        if (type == FieldType.LIST_SINGLE || type == FieldType.LIST_MULTI) {
            for (Element o : f.elements("option")) {
                Element v = o.element("value");
                if (v != null) {
                    b.option(o.attributeValue("label"), v.getText());
                }
            }
        }
        return b.build();
    }

    /** The data forms directly under {@code parent}, in document order. */
    public static List<Element> elementsIn(Element parent) {
        List<Element> found = new ArrayList<>();
        for (Element e : parent.elements("x")) {
            if (Namespaces.DATA_FORMS.equals(e.getNamespaceURI())) {
                found.add(e);
            }
        }
        return Collections.unmodifiableList(found);
    }

    @Override
    public String toString() {
        return "Form[" + type + " " + fields + "]";
    }

    public static final class Builder {
        private final FormType type;
        private String title;
        private final List<String> instructions = new ArrayList<>();
        private final List<Field> fields = new ArrayList<>();

        private Builder(FormType type) {
            this.type = type;
        }

        /** A hidden FORM_TYPE field (XEP-0068), placed first as in every XEP-0068/XEP-0128 example. */
        public Builder formType(String namespace) {
            fields.removeIf(f -> FORM_TYPE.equals(f.var()));
            fields.add(0, Field.formType(namespace));
            return this;
        }

        public Builder title(String title) { this.title = title; return this; }
        public Builder instruction(String line) { instructions.add(line); return this; }

        public Builder field(Field field) {
            if (field.var() != null && fields.stream().anyMatch(f -> field.var().equals(f.var()))) {
                // XEP-0004 §3.2: var uniquely identifies the field within the form.
                throw new IllegalArgumentException("duplicate field " + field.var());
            }
            fields.add(field);
            return this;
        }

        public Form build() {
            return new Form(type, title, instructions, fields);
        }
    }
}
