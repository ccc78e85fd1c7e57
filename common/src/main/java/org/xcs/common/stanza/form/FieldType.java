package org.xcs.common.stanza.form;

import org.xmpp.forms.FormField;

/** XEP-0004 §3.3 field types, with their wire names and Tinder's equivalent. */
public enum FieldType {
    BOOLEAN("boolean", FormField.Type.boolean_type),
    FIXED("fixed", FormField.Type.fixed),
    HIDDEN("hidden", FormField.Type.hidden),
    JID_MULTI("jid-multi", FormField.Type.jid_multi),
    JID_SINGLE("jid-single", FormField.Type.jid_single),
    LIST_MULTI("list-multi", FormField.Type.list_multi),
    LIST_SINGLE("list-single", FormField.Type.list_single),
    TEXT_MULTI("text-multi", FormField.Type.text_multi),
    TEXT_PRIVATE("text-private", FormField.Type.text_private),
    TEXT_SINGLE("text-single", FormField.Type.text_single);

    private final String wireName;
    private final FormField.Type tinderType;

    FieldType(String wireName, FormField.Type tinderType) {
        this.wireName = wireName;
        this.tinderType = tinderType;
    }

    /** XEP-0004 §3.3: a type the receiver does not understand MUST be treated as text-single. */
    public static FieldType fromWire(String name) {
        for (FieldType t : values()) {
            if (t.wireName.equals(name)) {
                return t;
            }
        }
        return TEXT_SINGLE;
    }

    FormField.Type tinderType() {
        return tinderType;
    }

    @Override
    public String toString() {
        return wireName;
    }
}
