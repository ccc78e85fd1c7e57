/**
 * XEP-0004 Data Forms: building forms (form, result, submit) with typed fields and a FORM_TYPE (XEP-0068), and a
 * typed, validating view of a submitted form. Writing goes through Tinder's {@code DataForm}/{@code FormField} in the
 * schema's child order; reading is done on dom4j directly, since Tinder throws on unknown field types.
 */
package org.xcs.common.stanza.form;
