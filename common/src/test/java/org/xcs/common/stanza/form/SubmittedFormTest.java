package org.xcs.common.stanza.form;

import org.dom4j.DocumentHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xcs.common.error.XmppException;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubmittedFormTest {
    private static final String CONFIG = "http://jabber.org/protocol/muc#roomconfig";

    static SubmittedForm submit(String fields) throws Exception {
        return SubmittedForm.parse(DocumentHelper.parseText("<x xmlns='jabber:x:data' type='submit'>"
                + "<field var='FORM_TYPE'><value>" + CONFIG + "</value></field>" + fields + "</x>").getRootElement(),
                CONFIG);
    }

    static String field(String var, String... values) {
        StringBuilder b = new StringBuilder("<field var='" + var + "'>");
        for (String v : values) {
            b.append("<value>").append(v).append("</value>");
        }
        return b.append("</field>").toString();
    }

    @ParameterizedTest
    @CsvSource({"1,true", "true,true", "0,false", "false,false"})
    void booleanAcceptsTheFourLexicalFormsOfXep0004(String wire, boolean expected) throws Exception {
        assertEquals(Optional.of(expected), submit(field("persistent", wire)).bool("persistent"));
    }

    @Test
    void booleanRejectsOtherWordsWithABadRequestNamingTheField() throws Exception {
        SubmittedForm form = submit(field("muc#roomconfig_persistentroom", "yes"));
        XmppException e = assertThrows(XmppException.class, () -> form.bool("muc#roomconfig_persistentroom"));
        assertEquals(PacketError.Condition.bad_request, e.condition());
        assertTrue(e.text().contains("muc#roomconfig_persistentroom"), e.text());
    }

    @Test
    void aBooleanFieldWithoutValueIsFalseTheXep0004Default() throws Exception {
        assertEquals(Optional.of(false), submit("<field var='b'/>").bool("b"));
    }

    @Test
    void omittedFieldsReadAsEmptySoTheyKeepTheirCurrentValue() throws Exception {
        SubmittedForm form = submit(field("a", "x"));
        assertFalse(form.has("b"));
        assertEquals(Optional.empty(), form.bool("b"));
        assertEquals(Optional.empty(), form.text("b"));
        assertEquals(List.of(), form.jids("b"));
        assertEquals(Set.of("a"), form.vars());
    }

    @Test
    void aFieldPresentWithoutValueUnsetsTextToEmpty() throws Exception {
        assertEquals(Optional.of(""), submit("<field var='subject'/>").text("subject"));
    }

    @Test
    void jidSingleIsValidatedAndNormalised() throws Exception {
        assertEquals(Optional.of(new JID("alice@example.test")), submit(field("owner", "Alice@Example.TEST")).jid("owner"));
    }

    @Test
    void anInvalidJidIsABadRequestNamingTheField() throws Exception {
        SubmittedForm form = submit(field("owner", "a b@example.test"));
        XmppException e = assertThrows(XmppException.class, () -> form.jid("owner"));
        assertEquals(PacketError.Condition.bad_request, e.condition());
        assertTrue(e.text().contains("'owner'"), e.text());
    }

    @Test
    void jidMultiIgnoresDuplicatesAfterStringprep() throws Exception {
        assertEquals(List.of(new JID("alice@example.test"), new JID("bob@example.test")),
                submit(field("admins", "alice@example.test", "bob@example.test", "ALICE@example.test")).jids("admins"));
    }

    @Test
    void listMultiKeepsTheSubmittedOrder() throws Exception {
        assertEquals(List.of("participant", "moderator"),
                submit(field("presencebroadcast", "participant", "moderator"))
                        .listMulti("presencebroadcast", Set.of("moderator", "participant", "visitor")));
    }

    @Test
    void aValueThatWasNotOfferedIsNotAcceptable() throws Exception {
        SubmittedForm form = submit(field("presencebroadcast", "moderator", "owner"));
        XmppException e = assertThrows(XmppException.class,
                () -> form.listMulti("presencebroadcast", Set.of("moderator", "participant")));
        assertEquals(PacketError.Condition.not_acceptable, e.condition());
        assertTrue(e.text().contains("presencebroadcast") && e.text().contains("owner"), e.text());
        assertThrows(XmppException.class, () -> submit(field("whois", "all")).listSingle("whois", Set.of("anyone")));
    }

    @Test
    void textMultiMergesItsValuesWithNewlines() throws Exception {
        assertEquals(Optional.of("line one\nline two"),
                submit(field("description", "line one", "line two")).textMulti("description"));
    }

    @Test
    void aSingleValuedFieldWithTwoValuesIsABadRequest() throws Exception {
        SubmittedForm form = submit(field("name", "a", "b"));
        XmppException e = assertThrows(XmppException.class, () -> form.text("name"));
        assertEquals(PacketError.Condition.bad_request, e.condition());
    }

    @Test
    void integersAreParsedAndGarbageRejected() throws Exception {
        assertEquals(Optional.of(50), submit(field("maxusers", "50")).integer("maxusers"));
        assertThrows(XmppException.class, () -> submit(field("maxusers", "fifty")).integer("maxusers"));
    }

    @Test
    void requiredFieldsMustBePresent() throws Exception {
        SubmittedForm form = submit(field("a", "1"));
        form.requireFields("a");
        XmppException e = assertThrows(XmppException.class, () -> form.requireFields("a", "b"));
        assertTrue(e.text().contains("'b'"), e.text());
    }

    @Test
    void aSubmitFormWithoutTypeOnFormTypeStillCarriesItsFormType() throws Exception {
        assertEquals(Optional.of(CONFIG), submit("").formType());
    }

    @Test
    void aSubmissionForAnotherFormTypeIsABadRequest() {
        XmppException e = assertThrows(XmppException.class, () -> SubmittedForm.parse(DocumentHelper.parseText(
                "<x xmlns='jabber:x:data' type='submit'><field var='FORM_TYPE'><value>urn:other</value></field></x>")
                .getRootElement(), CONFIG));
        assertEquals(PacketError.Condition.bad_request, e.condition());
    }

    @Test
    void aCancelIsRecognised() throws Exception {
        SubmittedForm cancel = SubmittedForm.parse(
                DocumentHelper.parseText("<x xmlns='jabber:x:data' type='cancel'/>").getRootElement(), CONFIG);
        assertTrue(cancel.isCancel());
        assertFalse(submit("").isCancel());
    }

    @Test
    void aFormOfTypeFormIsNotASubmission() {
        assertThrows(XmppException.class, () -> SubmittedForm.parse(
                DocumentHelper.parseText("<x xmlns='jabber:x:data' type='form'/>").getRootElement(), null));
    }

    @Test
    void findInLooksForTheFormUnderTheProtocolElement() throws Exception {
        var query = DocumentHelper.parseText("<query xmlns='http://jabber.org/protocol/muc#owner'>"
                + "<x xmlns='jabber:x:data' type='submit'>" + field("a", "1") + "</x></query>").getRootElement();
        assertEquals(Optional.of("1"), SubmittedForm.findIn(query, null).orElseThrow().text("a"));
        assertTrue(SubmittedForm.findIn(DocumentHelper.parseText("<query xmlns='q'/>").getRootElement(), null)
                .isEmpty());
    }
}
