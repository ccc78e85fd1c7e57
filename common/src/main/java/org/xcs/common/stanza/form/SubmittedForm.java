package org.xcs.common.stanza.form;

import org.dom4j.Element;
import org.xcs.common.error.XmppException;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A typed, validating view of a form received with type "submit" or "cancel". Getters return empty when the field
 * was not submitted (XEP-0004 §3.5: omitted fields keep their current value); malformed values are a bad-request and
 * values outside the offered options not-acceptable, each naming the field.
 */
public final class SubmittedForm {
    private final Form form;

    private SubmittedForm(Form form) {
        this.form = form;
    }

    /**
     * @param expectedFormType the FORM_TYPE the processing entity asked for, or null to accept any; a submit form
     *                         carrying another FORM_TYPE is a bad-request (XEP-0068 §5: the context is the FORM_TYPE)
     */
    public static SubmittedForm parse(Element x, String expectedFormType) {
        Form form = Form.parse(x);
        if (form.type() != FormType.SUBMIT && form.type() != FormType.CANCEL) {
            throw bad("expected a data form of type submit or cancel, got " + form.type());
        }
        if (form.type() == FormType.SUBMIT && expectedFormType != null) {
            String got = form.formType().orElse(null);
            if (got != null && !got.equals(expectedFormType)) {
                throw bad("FORM_TYPE '" + got + "' where '" + expectedFormType + "' was expected");
            }
        }
        return new SubmittedForm(form);
    }

    /** The first data form directly under {@code parent}, if any. */
    public static Optional<SubmittedForm> findIn(Element parent, String expectedFormType) {
        List<Element> forms = Form.elementsIn(parent);
        return forms.isEmpty() ? Optional.empty() : Optional.of(parse(forms.get(0), expectedFormType));
    }

    /** XEP-0004 §3.1: the submitter cancelled; nothing is to be applied. */
    public boolean isCancel() { return form.type() == FormType.CANCEL; }

    public Form form() { return form; }
    public Optional<String> formType() { return form.formType(); }

    /** The submitted vars in document order, FORM_TYPE excluded. */
    public Set<String> vars() {
        return form.fields().stream().map(Field::var)
                .filter(v -> v != null && !Form.FORM_TYPE.equals(v))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public boolean has(String var) {
        return form.field(var).isPresent();
    }

    /** XEP-0004 §3.2: a form is valid only when its required fields are present. */
    public void requireFields(String... vars) {
        for (String var : vars) {
            if (!has(var)) {
                throw bad("required field '" + var + "' is missing");
            }
        }
    }

    public List<String> values(String var) {
        return form.field(var).map(Field::values).orElse(List.of());
    }

    /** Single-valued text; a field present without a value reads as "" (XEP-0004 §3.6: unsetting). */
    public Optional<String> text(String var) {
        return form.field(var).map(f -> single(f).orElse(""));
    }

    /** XEP-0004 §3.3 text-multi: one value per line, merged with newlines. */
    public Optional<String> textMulti(String var) {
        return form.field(var).map(f -> String.join("\n", f.values()));
    }

    /** XEP-0004 §3.3 boolean: lexical forms 0, 1, false, true; the default (no value) is false. */
    public Optional<Boolean> bool(String var) {
        return form.field(var).map(f -> {
            String v = single(f).orElse("");
            switch (v) {
                case "1": case "true": return true;
                case "0": case "false": case "": return false;
                default: throw bad("field '" + var + "': '" + v + "' is not a boolean (0, 1, false or true)");
            }
        });
    }

    public Optional<Integer> integer(String var) {
        return nonEmpty(var).map(v -> {
            try {
                return Integer.parseInt(v.trim());
            } catch (NumberFormatException e) {
                throw bad("field '" + var + "': '" + v + "' is not an integer");
            }
        });
    }

    /** jid-single: empty when absent or unset; an invalid address is a bad-request (XEP-0004 §3.3 note). */
    public Optional<JID> jid(String var) {
        return nonEmpty(var).map(v -> toJid(var, v));
    }

    /** jid-multi: each value validated; duplicates (after stringprep) ignored as XEP-0004 §3.3 requires. */
    public List<JID> jids(String var) {
        Set<JID> out = new LinkedHashSet<>();
        for (String v : values(var)) {
            if (!v.isBlank()) {
                out.add(toJid(var, v));
            }
        }
        return List.copyOf(out);
    }

    /** list-single: the value must be one of {@code allowed} (XEP-0004 §3.3: the submitter MUST NOT insert options). */
    public Optional<String> listSingle(String var, Collection<String> allowed) {
        return nonEmpty(var).map(v -> allowedOrThrow(var, v, allowed));
    }

    /** list-multi: every value must be one of {@code allowed}; order as submitted. */
    public List<String> listMulti(String var, Collection<String> allowed) {
        List<String> out = new ArrayList<>();
        for (String v : values(var)) {
            out.add(allowedOrThrow(var, v, allowed));
        }
        return List.copyOf(out);
    }

    private Optional<String> nonEmpty(String var) {
        return form.field(var).flatMap(SubmittedForm::single).filter(v -> !v.isBlank());
    }

    private static Optional<String> single(Field f) {
        if (f.values().size() > 1) {
            throw bad("field '" + f.var() + "' takes one value, got " + f.values().size());
        }
        return f.firstValue();
    }

    private static JID toJid(String var, String value) {
        try {
            return new JID(value.trim());
        } catch (IllegalArgumentException e) {
            throw bad("field '" + var + "': '" + value + "' is not a valid JID");
        }
    }

    private static String allowedOrThrow(String var, String value, Collection<String> allowed) {
        if (!allowed.contains(value)) {
            throw new XmppException(PacketError.Condition.not_acceptable,
                    "field '" + var + "': '" + value + "' is not one of the offered options");
        }
        return value;
    }

    private static XmppException bad(String text) {
        return new XmppException(PacketError.Condition.bad_request, text);
    }
}
