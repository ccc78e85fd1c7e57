package org.xcs.common.stanza.form;

import java.util.Optional;

/** XEP-0004 §3.1 form types, with their wire names. */
public enum FormType {
    FORM("form"), SUBMIT("submit"), CANCEL("cancel"), RESULT("result");

    private final String wireName;

    FormType(String wireName) {
        this.wireName = wireName;
    }

    public static Optional<FormType> fromWire(String name) {
        for (FormType t : values()) {
            if (t.wireName.equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
